// Suites (a) and (b): the shared contract against the real simulator, in process (no socket) and via the
// simulator's own server on 127.0.0.1 through the same fetch transport the HTTPS path uses.
import { createFetchCloudPcApi, createInProcessCloudPcApi } from '../../../src/core/graph/createCloudPcApi';
import type { RestHandler, RestRequest } from '../../../src/core/model/rest';
import { startSimulatorServer } from '../../../src/core/simulator/hosting/simulatorServer';
import { SimulatorService } from '../../../src/core/simulator/hosting/simulatorService';
import { defineContractSuite } from './contractSuite';

/** The service the extension uses (demo seed, clock still so runs repeat), with a request recorder in front. */
function recordingSimulator(): { handler: RestHandler; requests: RestRequest[]; close: () => void } {
  const service = SimulatorService.open({ seed: 'demo', timeScale: 0 });
  const requests: RestRequest[] = [];
  return {
    requests,
    handler: async (req) => {
      requests.push(req);
      return service.handler(req);
    },
    close: () => service.close(),
  };
}

defineContractSuite('simulator in process', async () => {
  const sim = recordingSimulator();
  return {
    api: createInProcessCloudPcApi(sim.handler),
    seenHeaders: () => sim.requests.map((r) => lower(r.headers)),
    close: async () => sim.close(),
  };
});

defineContractSuite('simulator server over HTTP (127.0.0.1)', async () => {
  const sim = recordingSimulator();
  const server = await startSimulatorServer({ handler: sim.handler });
  return {
    api: createFetchCloudPcApi({ baseUrl: server.url, getToken: async () => 'fake-token' }),
    // What arrived over the socket, as the server handed it to the simulator.
    seenHeaders: () => sim.requests.map((r) => lower(r.headers)),
    close: async () => {
      await server.close();
      sim.close();
    },
  };
});

function lower(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}
