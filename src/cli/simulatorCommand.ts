// `cpcpolicy simulator serve [--port 0] [--state file.json] [--seed demo|empty] [--time-scale n]`:
// the simulator as a local Graph endpoint on 127.0.0.1. The first stdout line is `listening on URL`.
import * as path from 'node:path';
import type { CliIo } from './cliIo';
import { SimulatorService, DEFAULT_TIME_SCALE, MAX_TIME_SCALE, MIN_TIME_SCALE, isValidTimeScale } from '../core/simulator/simulatorService';
import { startSimulatorServer } from '../core/simulator/simulatorServer';
import type { SimulatorServer } from '../core/simulator/simulatorServer';
import type { RestHandler } from '../core/model/rest';
import { StateRefusedError, inspectStateFile } from '../core/simulator/stateFileCheck';
import { acquireStateLock } from '../core/simulator/stateLock';
import type { StateLock } from '../core/simulator/stateLock';
import { envelopeError } from '../core/simulator/envelopeError';

export const SIMULATOR_USAGE = `Usage: cpcpolicy simulator serve [options]

Serves the Windows 365 simulator as Microsoft Graph (beta) on 127.0.0.1.

Options:
  --port <n>         TCP port (default 0: any free port)
  --state <file>     keep state durable in <file> (+ <file>.journal); default: memory only
  --seed demo|empty  tenant to start from when there is no saved state (default demo)
  --time-scale <n>   simulated seconds per real second, ${MIN_TIME_SCALE}–${MAX_TIME_SCALE} (default ${DEFAULT_TIME_SCALE}; 0 = only /_simulator/clock/advance moves time)

One simulator at a time writes a state file: a second one on the same --state exits 2 and touches nothing.

Any Authorization header (or none) is accepted. Simulator controls live under /_simulator.
`;

export interface RunSimulatorOptions {
  /** Stops the server (tests); by default SIGINT / SIGTERM do. */
  signal?: AbortSignal;
}

export async function runSimulator(args: string[], io: CliIo, options: RunSimulatorOptions = {}): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === 'help' || sub === '--help' || sub === '-h') {
    io.stdout(SIMULATOR_USAGE);
    return sub ? 0 : 2;
  }
  if (sub !== 'serve') {
    io.stderr(`cpcpolicy simulator: unknown subcommand '${sub}'\n\n${SIMULATOR_USAGE}`);
    return 2;
  }
  let port = 0;
  let statePath: string | undefined;
  let seed: 'demo' | 'empty' = 'demo';
  let timeScale = DEFAULT_TIME_SCALE;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = rest[i + 1];
    const need = () => {
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      i++;
      return value;
    };
    try {
      if (flag === '--port') {
        const v = need();
        if (!/^\d+$/.test(v) || Number(v) > 65535) throw new UsageError(`--port must be 0–65535, not '${v}'`);
        port = Number(v);
      } else if (flag === '--state') {
        statePath = path.resolve(io.cwd, need());
      } else if (flag === '--seed') {
        const v = need();
        if (v !== 'demo' && v !== 'empty') throw new UsageError(`--seed must be demo or empty, not '${v}'`);
        seed = v;
      } else if (flag === '--time-scale') {
        const v = need();
        if (!/^\d+(\.\d+)?$/.test(v) || !isValidTimeScale(Number(v))) throw new UsageError(`--time-scale must be 0 or ${MIN_TIME_SCALE}–${MAX_TIME_SCALE}, not '${v}'`);
        timeScale = Number(v);
      } else {
        throw new UsageError(`unknown option '${flag}'`);
      }
    } catch (err) {
      if (err instanceof UsageError) {
        io.stderr(`cpcpolicy simulator: ${err.message}\n\n${SIMULATOR_USAGE}`);
        return 2;
      }
      throw err;
    }
  }

  const opened = await openAndServe({ statePath, seed, timeScale, port }, io);
  if (typeof opened === 'number') return opened;
  const { service, server, lock } = opened;
  io.stdout(`listening on ${server.url}\n`);
  io.stdout(`state: ${statePath ?? 'memory only'}; seed: ${seed}; time scale: ${timeScale}; simulated now: ${service.simulator.iso()}\n`);

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
async function openAndServe(o: ServeSettings, io: CliIo): Promise<number | { service: SimulatorService; server: SimulatorServer; lock: StateLock | undefined }> {
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
  const handler: RestHandler = async (request) => (service ? service.handler(request) : envelopeError(503, 'serviceUnavailable', 'The simulator is starting.', request.headers?.['client-request-id']));
  let server: SimulatorServer;
  try {
    server = await startSimulatorServer({ handler, port: o.port });
  } catch (err) {
    await lock?.release();
    return fail(1, `cannot listen on 127.0.0.1:${o.port}: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    service = SimulatorService.open({ seed: o.seed, statePath: o.statePath, timeScale: o.timeScale, log: (m) => io.stderr(`cpcpolicy simulator: ${m}\n`) });
  } catch (err) {
    await server.close();
    await lock?.release();
    return fail(err instanceof StateRefusedError ? 2 : 1, `cannot open state: ${err instanceof Error ? err.message : String(err)}`);
  }
  return { service, server, lock };
}

class UsageError extends Error {}
