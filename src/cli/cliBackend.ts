// The backend a CLI command reads or changes: `--backend simulator` (in process, `--state FILE` or the
// demo seed), `--backend http://127.0.0.1:PORT` (a Graph-compatible server on this machine, e.g.
// `cpcpolicy simulator serve`), or `--backend graph` (a real tenant, app-only sign-in). One CloudPcApi for all three.
import * as path from 'node:path';
import type { CloudPcApi } from '../core/graph/cloudPcApi';
import { createFetchCloudPcApi, createInProcessCloudPcApi } from '../core/graph/createCloudPcApi';
import { errorText } from '../core/model/errorText';
import { SimulatorService } from '../core/simulator/hosting/simulatorService';
import { StateRefusedError, inspectStateFile } from '../core/simulator/stateFileCheck';
import { acquireStateLock } from '../core/simulator/stateLock';
import { stringValue } from './cliArgs';
import type { CliArgs, CliOptions } from './cliArgs';
import type { CliIo } from './cliIo';
import { GRAPH_SIGN_IN_HELP, GRAPH_SIGN_IN_OPTIONS, openGraphCliApi } from './graphCliApi';
import { backendProblem } from './tenantBackend';

/** The simulator's tenant key: one simulated tenant per repository's bindings (docs/deploy.md, "Bindings"). */
export const SIMULATOR_TENANT_KEY = 'simulator';

/** The options every command with a backend takes. */
export const BACKEND_OPTIONS: CliOptions = {
  backend: { type: 'string' },
  state: { type: 'string' },
  seed: { type: 'string' },
  ...GRAPH_SIGN_IN_OPTIONS,
};

export const BACKEND_HELP = `  --backend simulator|URL|graph
                             simulator (default): the embedded simulator, in this process;
                             URL: a Graph-compatible server on this machine (http://127.0.0.1:PORT,
                             e.g. cpcpolicy simulator serve); graph: Microsoft Graph, app-only sign-in
  --state <file>             with --backend simulator: the simulator's state file (as simulator serve
                             --state); without it the demo tenant in memory
  --seed demo|empty          with --backend simulator: the tenant to start from when there is no state
${GRAPH_SIGN_IN_HELP}`;

export interface CliBackend {
  api: CloudPcApi;
  /** What the output names: "simulator (demo tenant)", "simulator (./w365.json)", the URL, "graph (tenant)". */
  label: string;
  kind: 'simulator' | 'server' | 'graph';
  /**
   * Which tenant this is, stable across runs and machines, for bindings (docs/deploy.md, "Bindings"): the
   * tenant id on Graph; `simulator` for the simulator, in process or served on this machine.
   */
  tenantKey: string;
  /** Saves and releases what was opened (the simulator's state file and its lock). */
  close(): Promise<void>;
}

/** A usage problem (exit 2) or a backend that could not be opened (exit 1), in one line. */
export interface BackendProblem {
  exitCode: 1 | 2;
  message: string;
}

export async function openCliBackend(args: CliArgs, io: CliIo): Promise<CliBackend | BackendProblem> {
  const backend = stringValue(args, 'backend') ?? 'simulator';
  const state = stringValue(args, 'state');
  const seed = stringValue(args, 'seed');
  if (backend !== 'simulator' && (state !== undefined || seed !== undefined))
    return { exitCode: 2, message: '--state and --seed go with --backend simulator' };
  if (backend === 'simulator')
    return openSimulator(state === undefined ? undefined : path.resolve(io.cwd, state), seed, io);
  if (backend === 'graph') {
    const opened = await openGraphCliApi(args, process.env);
    if (typeof opened === 'string') return { exitCode: 1, message: opened };
    // The sign-in names the tenant it reached; its id is the key (a label can change, an id cannot).
    const tenantKey = opened.tenantId;
    return { api: opened.api, label: opened.label, kind: 'graph', tenantKey, close: async () => undefined };
  }
  const problem = backendProblem(backend);
  if (problem) return { exitCode: 2, message: problem };
  const base = backend.replace(/\/+$/, '');
  // The simulator server accepts any token; a placeholder keeps the request pipeline identical to Graph's.
  const api = createFetchCloudPcApi({ baseUrl: base, getToken: async () => 'cpcpolicy-cli', timeoutMs: 30_000 });
  return { api, label: base, kind: 'server', tenantKey: SIMULATOR_TENANT_KEY, close: async () => undefined };
}

/**
 * The simulator in this process. With --state, in the order `simulator serve` uses, so a refused start writes
 * nothing: what --state points at, the lock, then the state. Its clock does not move during a command
 * (time scale 0): a CLI run is one instant of the simulated tenant; `simulator serve` moves time.
 */
async function openSimulator(
  statePath: string | undefined,
  seedText: string | undefined,
  io: CliIo,
): Promise<CliBackend | BackendProblem> {
  const seed = seedText ?? 'demo';
  if (seed !== 'demo' && seed !== 'empty')
    return { exitCode: 2, message: `--seed must be demo or empty, not '${seed}'` };
  if (!statePath) {
    const service = SimulatorService.open({ seed, timeScale: 0 });
    return inProcess(service, `simulator (${seed} tenant, in memory)`, async () => service.close());
  }
  try {
    inspectStateFile(statePath, `${statePath}.journal`);
  } catch (err) {
    if (err instanceof StateRefusedError) return { exitCode: 2, message: err.message };
    throw err;
  }
  const attempt = await acquireStateLock(statePath);
  if (!attempt.ok) return { exitCode: 2, message: attempt.message };
  let service: SimulatorService;
  try {
    service = SimulatorService.open({ seed, statePath, timeScale: 0, log: (m) => io.stderr(`cpcpolicy: ${m}\n`) });
  } catch (err) {
    await attempt.lock.release();
    return { exitCode: err instanceof StateRefusedError ? 2 : 1, message: `cannot open state: ${errorText(err)}` };
  }
  return inProcess(service, `simulator (${statePath})`, async () => {
    service.close();
    await attempt.lock.release();
  });
}

function inProcess(service: SimulatorService, label: string, close: () => Promise<void>): CliBackend {
  return {
    api: createInProcessCloudPcApi(service.handler),
    label,
    kind: 'simulator',
    tenantKey: SIMULATOR_TENANT_KEY,
    close,
  };
}
