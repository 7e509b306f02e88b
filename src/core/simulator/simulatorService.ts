// The simulator as the extension and the server use it: the model + a clock driver (scaled real time or
// manual) + optional durable state + the RestHandler that fronts it. Plain functions, no vscode, no sockets.
import type { Clock } from '../model/clock';
import { systemClock } from '../model/clock';
import type { RestHandler, RestRequest, RestResponse } from '../model/rest';
import { Simulator } from './simulator';
import type { Disposable, SimulatorChangeListener } from './changeEvents';
import { createSeedData } from './demoSeed';
import type { SeedKind } from './demoSeed';
import { createSimulatorRequestProcessor } from './simulatorHandler';
import type { SimulatorHandlerOptions } from './simulatorHandler';
import { StateStore } from './statePersistence';
import type { JournalRequest } from './statePersistence';

/** By default a 2-hour provisioning takes about 20 s of real time. */
export const DEFAULT_TIME_SCALE = 360;

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

  private constructor(simulator: Simulator, store: StateStore | undefined, options: SimulatorServiceOptions) {
    this.simulator = simulator;
    this.store = store;
    this.timeScale = options.timeScale ?? DEFAULT_TIME_SCALE;
    this.realClock = options.realClock ?? systemClock;
    this.timers = options.timers ?? nodeTimers;
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
    const store = new StateStore(options.statePath, options.snapshotEvery);
    const loaded = store.load();
    for (const p of loaded.problems) options.log?.(p);
    const sim = new Simulator(loaded.data ?? createSeedData(seed));
    const replay = createSimulatorRequestProcessor(sim, options.handler);
    for (const e of loaded.entries) {
      sim.advanceTo(e.t);
      if (e.req) replay({ method: e.req.method, url: e.req.url, headers: e.req.headers, body: e.req.body });
    }
    const service = new SimulatorService(sim, store, options);
    // Start from a clean, compact pair of files: a fresh snapshot and an empty journal.
    if (!loaded.data || loaded.entries.length > 0 || loaded.problems.length > 0) store.writeSnapshot(sim.toData());
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
    if (this.store) this.store.writeSnapshot(this.simulator.toData());
  }

  async setConnectionHealth(id: string, healthCheckStatus: string): Promise<void> {
    await this.control('PATCH', `/_simulator/onPremisesConnections/${encodeURIComponent(id)}`, { healthCheckStatus });
  }

  private async control(method: string, url: string, body: unknown): Promise<Record<string, unknown>> {
    const res = await this.handler({ method, url, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
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
      this.store.writeSnapshot(this.simulator.toData());
      this.store.close();
    }
  }

  private handle(request: RestRequest): RestResponse {
    if (this.closed) {
      return { status: 503, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: { code: 'serviceUnavailable', message: 'The simulator is shut down.' } }) };
    }
    this.sync();
    const t = this.simulator.now();
    const response = this.process(request);
    const method = (request.method || 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD' && response.status < 400) {
      if (this.store) {
        // Durable before the response leaves: graph-client and server callers see only persisted changes.
        this.store.append({ t, req: journalRequest(request) });
        if (this.store.snapshotDue) this.store.writeSnapshot(this.simulator.toData());
      }
      // A clock advance moves simulated time: real time continues from there.
      this.reanchor();
      this.arm();
    }
    return response;
  }

  private reanchor(): void {
    this.anchorReal = this.realClock.now();
    this.anchorVirtual = this.simulator.now();
  }

  /** Scaled mode: brings simulated time up to date with real time, running whatever fell due. */
  private sync(): void {
    if (this.timeScale <= 0 || this.closed) return;
    const target = this.anchorVirtual + (this.realClock.now() - this.anchorReal) * this.timeScale;
    if (target <= this.simulator.now()) return;
    const ran = this.simulator.advanceTo(target);
    // Time passing with events is a change too: journal a tick so a restart doesn't rewind it.
    if (this.store && ran > 0) this.store.append({ t: this.simulator.now() });
  }

  /** Sleeps until the next due event (bounded), then syncs; keeps views moving without polling. */
  private arm(): void {
    if (this.timeScale <= 0 || this.closed) return;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    const next = this.simulator.nextDueTime();
    const wait = next === undefined ? 60_000 : Math.max(10, Math.min(60_000, (next - this.simulator.now()) / this.timeScale));
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.sync();
      if (this.store?.snapshotDue) this.store.writeSnapshot(this.simulator.toData());
      this.arm();
    }, wait);
  }
}

function journalRequest(r: RestRequest): JournalRequest {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers ?? {})) if (k.toLowerCase() === 'x-simulator-actor') headers['x-simulator-actor'] = v;
  return { method: r.method, url: r.url, body: r.body, headers };
}
