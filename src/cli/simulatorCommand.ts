// `cpcpolicy simulator serve [--port 0] [--state file.json] [--seed demo|empty] [--time-scale n]`:
// the simulator as a local Graph endpoint on 127.0.0.1. The first stdout line is `listening on URL`.
import * as path from 'node:path';
import { parseCliArgs, stringValue } from './cliArgs';
import type { CliIo } from './cliIo';
import { escapeControl } from './textEscape';
import {
  SimulatorService,
  DEFAULT_TIME_SCALE,
  MAX_TIME_SCALE,
  MIN_TIME_SCALE,
  isValidTimeScale,
} from '../core/simulator/hosting/simulatorService';
import { startSimulatorServer } from '../core/simulator/hosting/simulatorServer';
import type { SimulatorServer } from '../core/simulator/hosting/simulatorServer';
import type { RestHandler } from '../core/model/rest';
import { StateRefusedError, inspectStateFile } from '../core/simulator/stateFileCheck';
import { acquireStateLock } from '../core/simulator/stateLock';
import type { StateLock } from '../core/simulator/stateLock';
import { envelopeError } from '../core/simulator/hosting/envelopeError';
import { errorText } from '../core/model/errorText';

export const SIMULATOR_USAGE = `Usage: cpcpolicy simulator serve [options]

Serves the Windows 365 simulator as Microsoft Graph (beta) on 127.0.0.1.

Options:
  --port <n>         TCP port (default 0: any free port)
  --state <file>     keep state durable in <file> (+ <file>.journal); default: memory only
  --seed demo|empty  tenant to start from when there is no saved state (default demo)
  --time-scale <n>   simulated seconds per real second, ${MIN_TIME_SCALE}–${MAX_TIME_SCALE} (default ${DEFAULT_TIME_SCALE}; 0 = only /_simulator/clock/advance moves time)
  -h, --help         show this help

One simulator at a time writes a state file: a second one on the same --state exits 2 and touches nothing.

Any Authorization header (or none) is accepted. Simulator controls live under /_simulator.
`;

export interface RunSimulatorOptions {
  /** Stops the server (tests); by default SIGINT / SIGTERM do. */
  signal?: AbortSignal;
}

export async function runSimulator(args: string[], io: CliIo, options: RunSimulatorOptions = {}): Promise<number> {
  const parsed = parseCliArgs(args, {
    port: { type: 'string' },
    state: { type: 'string' },
    seed: { type: 'string' },
    'time-scale': { type: 'string' },
  });
  if (typeof parsed === 'string') return usageProblem(io, parsed);
  const [sub, extra] = parsed.positionals;
  if (parsed.values['help'] === true || sub === 'help') {
    io.stdout(SIMULATOR_USAGE);
    return 0;
  }
  if (!sub) {
    io.stdout(SIMULATOR_USAGE);
    return 2;
  }
  if (sub !== 'serve') {
    io.stderr(`cpcpolicy simulator: unknown subcommand '${escapeControl(sub)}'\n\n${SIMULATOR_USAGE}`);
    return 2;
  }
  if (extra !== undefined) return usageProblem(io, `unexpected argument '${extra}'`);
  const portText = stringValue(parsed, 'port') ?? '0';
  if (!/^\d+$/.test(portText) || Number(portText) > 65535)
    return usageProblem(io, `--port must be 0–65535, not '${portText}'`);
  const port = Number(portText);
  const stateText = stringValue(parsed, 'state');
  const statePath = stateText === undefined ? undefined : path.resolve(io.cwd, stateText);
  const seed = stringValue(parsed, 'seed') ?? 'demo';
  if (seed !== 'demo' && seed !== 'empty') return usageProblem(io, `--seed must be demo or empty, not '${seed}'`);
  const scaleText = stringValue(parsed, 'time-scale');
  if (scaleText !== undefined && (!/^\d+(\.\d+)?$/.test(scaleText) || !isValidTimeScale(Number(scaleText))))
    return usageProblem(io, `--time-scale must be 0 or ${MIN_TIME_SCALE}–${MAX_TIME_SCALE}, not '${scaleText}'`);
  const timeScale = scaleText === undefined ? DEFAULT_TIME_SCALE : Number(scaleText);

  const opened = await openAndServe({ statePath, seed, timeScale, port }, io);
  if (typeof opened === 'number') return opened;
  const { service, server, lock } = opened;
  io.stdout(`listening on ${server.url}\n`);
  io.stdout(
    `state: ${statePath ?? 'memory only'}; seed: ${seed}; time scale: ${timeScale}; simulated now: ${service.simulator.iso()}\n`,
  );

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    if (options.signal) {
      if (options.signal.aborted) return resolve();
      options.signal.addEventListener('abort', stop, { once: true });
    } else {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }
  });
  await server.close();
  service.close();
  await lock?.release();
  io.stdout('simulator stopped\n');
  return 0;
}

interface ServeSettings {
  statePath: string | undefined;
  seed: 'demo' | 'empty';
  timeScale: number;
  port: number;
}

/**
 * In this order, so a refused start writes nothing: what --state points at (read only), the lock, the
 * port, and only then the state (load, replay, compact). Exit 2 for a state that is refused or taken.
 */
async function openAndServe(
  o: ServeSettings,
  io: CliIo,
): Promise<number | { service: SimulatorService; server: SimulatorServer; lock: StateLock | undefined }> {
  const fail = (code: number, message: string) => {
    io.stderr(`cpcpolicy simulator: ${message}\n`);
    return code;
  };
  let lock: StateLock | undefined;
  if (o.statePath) {
    try {
      inspectStateFile(o.statePath, `${o.statePath}.journal`);
    } catch (err) {
      if (err instanceof StateRefusedError) return fail(2, err.message);
      throw err;
    }
    const attempt = await acquireStateLock(o.statePath);
    if (!attempt.ok) return fail(2, attempt.message);
    lock = attempt.lock;
  }
  let service: SimulatorService | undefined;
  const handler: RestHandler = async (request) =>
    service
      ? service.handler(request)
      : envelopeError(503, 'serviceUnavailable', 'The simulator is starting.', request.headers?.['client-request-id']);
  let server: SimulatorServer;
  try {
    server = await startSimulatorServer({ handler, port: o.port });
  } catch (err) {
    await lock?.release();
    return fail(1, `cannot listen on 127.0.0.1:${o.port}: ${errorText(err)}`);
  }
  try {
    service = SimulatorService.open({
      seed: o.seed,
      statePath: o.statePath,
      timeScale: o.timeScale,
      log: (m) => io.stderr(`cpcpolicy simulator: ${m}\n`),
    });
  } catch (err) {
    await server.close();
    await lock?.release();
    return fail(err instanceof StateRefusedError ? 2 : 1, `cannot open state: ${errorText(err)}`);
  }
  return { service, server, lock };
}

function usageProblem(io: CliIo, message: string): number {
  io.stderr(`cpcpolicy simulator: ${escapeControl(message)}\n\n${SIMULATOR_USAGE}`);
  return 2;
}
