// The contract suite against the tiny in-test Graph, in process and over HTTP (stand-in for the simulator).
import { createFetchCloudPcApi, createInProcessCloudPcApi } from '../../../src/core/graph/createCloudPcApi';
import { defineContractSuite } from './contractSuite';
import { startFaultServer } from './faultServer';
import { createMiniGraph } from './miniGraph';

defineContractSuite('mini Graph in process', async () => {
  const mini = createMiniGraph();
  return { api: createInProcessCloudPcApi(mini.handler), seenHeaders: () => mini.requests.map((r) => r.headers) };
});

defineContractSuite('mini Graph over HTTP', async () => {
  const mini = createMiniGraph();
  const server = await startFaultServer([], mini.handler);
  return {
    api: createFetchCloudPcApi({ baseUrl: server.url, getToken: async () => 'fake-token' }),
    seenHeaders: () => server.requests.map((r) => r.headers),
    close: () => server.close(),
  };
});
