// The simulator as the extension and the server use it: the model + a clock driver (scaled real time or
// manual) + optional durable state + the RestHandler that fronts it. Plain functions, no vscode, no sockets.
import type { Clock } from '../../model/clock';
import { systemClock } from '../../model/clock';
import type { RestHandler, RestRequest, RestResponse } from '../../model/rest';
import { Simulator } from '../simulator';
import type { Disposable, SimulatorChangeListener } from '../changeEvents';
import { createSeedData } from '../demoSeed';
import type { SeedKind } from '../demoSeed';
import { DEFAULT_MAX_BODY_BYTES, createSimulatorRequestProcessor } from '../rest/simulatorHandler';
import type { SimulatorHandlerOptions } from '../rest/simulatorHandler';
import { StateStore, StateWriteError } from '../statePersistence';
import type { JournalEntry, JournalIo, JournalRequest, LoadedState } from '../statePersistence';
import { StateRefusedError, copyAside } from '../stateFileCheck';
import { envelopeError } from './envelopeError';
import { MAX_SIMULATED_TIME } from '../timeUnits';
import { errorText } from '../../model/errorText';

/** By default a 2-hour provisioning takes about 20 s of real time. */
export const DEFAULT_TIME_SCALE = 360;
/** The range of the extension's `cpcpolicy.simulator.timeScale` setting; 0 (manual time) is allowed too. */
export const MIN_TIME_SCALE = 1;
export const MAX_TIME_SCALE = 100_000;
/** What a client reads when a change could not be made durable (no file path: that stays in the log). */
export const SAVE_FAILED_MESSAGE = 'the simulator could not save its state';

export function isValidTimeScale(n: number): boolean {
  return n === 0 || (Number.isFinite(n) && n >= MIN_TIME_SCALE && n <= MAX_TIME_SCALE);
}

export interface TimerApi {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const nodeTimers: TimerApi = {
  setTimeout: (fn, ms) => {
    const h = setTimeout(fn, ms);
    (h as { unref?: () => void }).unref?.();
    return h;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface SimulatorServiceOptions {
  /** Seed used when there is no saved state (default `demo`). */
  seed?: SeedKind;
  /** Durable state file (snapshot; the journal sits beside it as `<file>.journal`). Omit for memory only. */
  statePath?: string;
  /** Simulated ms per real ms; 0 = the clock moves only when told (tests, `/_simulator/clock/advance`). */
  timeScale?: number;
  /** The real clock the scaled time follows (injected for tests). */
  realClock?: Clock;
  timers?: TimerApi;
  /** Reports for stderr / the output log: corrupt files moved aside, torn records ignored. */
  log?: (message: string) => void;
  handler?: SimulatorHandlerOptions;
  /** Journal records between snapshots (default 200). */
  snapshotEvery?: number;
  /** The journal's file system calls (tests inject failures). */
  journalIo?: JournalIo;
}

export class SimulatorService {
  readonly simulator: Simulator;
  /** The Graph contract, durable and time-synced: give this to the Graph client's in-process transport. */
  readonly handler: RestHandler;
  private readonly process: (request: RestRequest) => RestResponse;
  private readonly store: StateStore | undefined;
  private readonly timeScale: number;
  private readonly realClock: Clock;
  private readonly timers: TimerApi;
  private anchorReal = 0;
  private anchorVirtual = 0;
  private timer: unknown;
  private closed = false;
  private readonly log: (message: string) => void;
  private readonly maxBody: number;

  private constructor(simulator: Simulator, store: StateStore | undefined, options: SimulatorServiceOptions) {
    this.simulator = simulator;
    this.store = store;
    this.timeScale = options.timeScale ?? DEFAULT_TIME_SCALE;
    this.realClock = options.realClock ?? systemClock;
    this.timers = options.timers ?? nodeTimers;
    this.log = options.log ?? (() => undefined);
    this.maxBody = options.handler?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    if (!isValidTimeScale(this.timeScale))
      throw new RangeError(`time scale must be 0 or ${MIN_TIME_SCALE}–${MAX_TIME_SCALE}, not ${this.timeScale}`);
    this.process = createSimulatorRequestProcessor(simulator, options.handler);
    this.handler = async (request) => this.handle(request);
    this.reanchor();
  }

  /** Opens (or seeds) a simulator; with `statePath`, replays the saved snapshot and journal first. */
  static open(options: SimulatorServiceOptions = {}): SimulatorService {
    const seed = options.seed ?? 'demo';
    if (!options.statePath) {
      const service = new SimulatorService(new Simulator(createSeedData(seed)), undefined, options);
      service.arm();
      return service;
    }
    const store = new StateStore(options.statePath, options.snapshotEvery, options.journalIo);
    const loaded = store.load();
    for (const p of loaded.problems) options.log?.(p);
    const sim = restore(store, loaded, seed, options);
    const service = new SimulatorService(sim, store, options);
    try {
      // Start from a clean, compact pair of files: a fresh snapshot and an empty journal. A snapshot that does
      // not fit (a full disk) is only compaction: the journal still holds every change, so start anyway.
      if (!loaded.data || loaded.entries.length > 0 || loaded.problems.length > 0) service.snapshotQuietly();
      store.checkWritable();
    } catch (err) {
      store.close();
      throw new StateRefusedError(
        `cannot write the state at ${options.statePath}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      );
    }
    service.arm();
    return service;
  }

  onDidChange(listener: SimulatorChangeListener): Disposable {
    return this.simulator.onDidChange(listener);
  }

  /** Current simulated time (ms since epoch), caught up with real time when scaled. */
  now(): number {
    this.sync();
    return this.simulator.now();
  }

  // Typed controls: each goes through the durable handler, so it is journaled like any other change.
  async advance(by: { days?: number; hours?: number; minutes?: number }): Promise<string> {
    return (await this.control('POST', '/_simulator/clock/advance', by)).now as string;
  }

  async addFault(fault: { userPrincipalName?: string; policyId?: string; count: number }): Promise<void> {
    await this.control('POST', '/_simulator/faults', { kind: 'provisioningFailure', ...fault });
  }

  async reset(seed: SeedKind): Promise<void> {
    await this.control('POST', '/_simulator/reset', { seed });
    // A reset makes the journal before it useless: compact right away.
    this.snapshotQuietly();
  }

  async setConnectionHealth(id: string, healthCheckStatus: string): Promise<void> {
    await this.control('PATCH', `/_simulator/onPremisesConnections/${encodeURIComponent(id)}`, { healthCheckStatus });
  }

  private async control(method: string, url: string, body: unknown): Promise<Record<string, unknown>> {
    const res = await this.handler({
      method,
      url,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const parsed = res.body ? (JSON.parse(res.body) as Record<string, unknown>) : {};
    if (res.status >= 400) {
      const error = (parsed.error ?? {}) as { message?: string; innerError?: { message?: string } };
      throw new Error(error.innerError?.message ?? error.message ?? `simulator control failed (${res.status})`);
    }
    return parsed;
  }

  /** Stops the clock driver, writes a final snapshot, closes files. */
  close(): void {
    if (this.closed) return;
    // Catch up with real time first, so a restart resumes where this run stopped.
    this.sync();
    this.closed = true;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.store) {
      this.snapshotQuietly();
      this.store.close();
    }
  }

  private handle(request: RestRequest): RestResponse {
    const clientRequestId = request.headers?.['client-request-id'];
    if (this.closed) return envelopeError(503, 'serviceUnavailable', 'The simulator is shut down.', clientRequestId);
    this.sync();
    const method = (request.method || 'GET').toUpperCase();
    const changes = method !== 'GET' && method !== 'HEAD';
    if (
      changes &&
      this.store &&
      !(request.body !== undefined && Buffer.byteLength(request.body, 'utf8') > this.maxBody)
    ) {
      // Write ahead: the record is on disk before the change is in memory. A request the model then refuses
      // replays to the same refusal, so journaling it first is harmless and keeps seeded ids in step.
      try {
        this.store.append({ t: this.simulator.now(), req: journalRequest(request) });
      } catch (err) {
        if (!(err instanceof StateWriteError)) throw err;
        this.log(err.message);
        return envelopeError(503, 'serviceUnavailable', SAVE_FAILED_MESSAGE, clientRequestId, { 'retry-after': '5' });
      }
    }
    const response = this.process(request);
    if (changes && response.status < 400) {
      if (this.store?.snapshotDue) this.snapshotQuietly();
      // A clock advance moves simulated time: real time continues from there.
      this.reanchor();
      this.arm();
    }
    return response;
  }

  /** A snapshot is only compaction (the journal already holds every change): a failure is logged, not fatal. */
  private snapshotQuietly(): void {
    try {
      this.store?.writeSnapshot(this.simulator.toData());
    } catch (err) {
      // The old snapshot and the journal are untouched, so nothing acknowledged is lost.
      this.log(`could not write a snapshot of the state (kept the journal): ${errorText(err)}`);
    }
  }

  private reanchor(): void {
    this.anchorReal = this.realClock.now();
    this.anchorVirtual = this.simulator.now();
  }

  /** Scaled mode: brings simulated time up to date with real time, running whatever fell due. */
  private sync(): void {
    if (this.timeScale <= 0 || this.closed) return;
    // The clock stops at the last moment of year 9999 rather than leave the range every date shares.
    const target = Math.min(
      MAX_SIMULATED_TIME,
      this.anchorVirtual + (this.realClock.now() - this.anchorReal) * this.timeScale,
    );
    if (target <= this.simulator.now()) return;
    const ran = this.simulator.advanceTo(target);
    if (!this.store || ran === 0) return;
    // Time passing with events is a change too: journal a tick so a restart doesn't rewind it. A tick that
    // cannot be written is not lost: the next record's time covers it on replay.
    try {
      this.store.append({ t: this.simulator.now() });
    } catch (err) {
      if (!(err instanceof StateWriteError)) throw err;
      this.log(err.message);
    }
  }

  /** Sleeps until the next due event (bounded), then syncs; keeps views moving without polling. */
  private arm(): void {
    if (this.timeScale <= 0 || this.closed) return;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    const next = this.simulator.nextDueTime();
    const wait =
      next === undefined ? 60_000 : Math.max(10, Math.min(60_000, (next - this.simulator.now()) / this.timeScale));
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.sync();
      if (this.store?.snapshotDue) this.snapshotQuietly();
      this.arm();
    }, wait);
  }
}

/** The headers a change's outcome depends on: the audit event's actor and its IP address. */
const JOURNALED_HEADERS = new Set(['x-simulator-actor', 'x-forwarded-for']);

function journalRequest(r: RestRequest): JournalRequest {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers ?? {}))
    if (JOURNALED_HEADERS.has(k.toLowerCase())) headers[k.toLowerCase()] = v;
  return { method: r.method, url: r.url, body: r.body, headers };
}

/** Builds the model from what was loaded. A state of ours that still fails is set aside, never dropped. */
function restore(store: StateStore, loaded: LoadedState, seed: SeedKind, options: SimulatorServiceOptions): Simulator {
  let sim: Simulator;
  try {
    sim = new Simulator(loaded.data ?? createSeedData(seed));
  } catch (err) {
    options.log?.(store.setAside(`cannot be loaded (${errorText(err)})`, 'unloadable'));
    loaded.entries = [];
    loaded.problems.push('set aside');
    return new Simulator(createSeedData(seed));
  }
  const replay = createSimulatorRequestProcessor(sim, options.handler);
  const failed = replayJournal(sim, replay, loaded.entries);
  if (failed !== undefined) {
    options.log?.(
      `journal record ${failed.seq} of ${store.journalPath} cannot be replayed; kept the records before it, copied the journal to ${copyAside(store.journalPath, 'unloadable')}`,
    );
    loaded.problems.push('replay stopped');
  }
  return sim;
}

/** Replays records in order; returns the first one that throws (replay stops there). */
function replayJournal(
  sim: Simulator,
  replay: (r: RestRequest) => RestResponse,
  entries: JournalEntry[],
): JournalEntry | undefined {
  for (const e of entries) {
    try {
      sim.advanceTo(Math.min(e.t, MAX_SIMULATED_TIME));
      if (e.req) replay({ method: e.req.method, url: e.req.url, headers: e.req.headers, body: e.req.body });
    } catch {
      return e;
    }
  }
  return undefined;
}
