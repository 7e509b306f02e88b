// The Fleet Overview's data: the sidebar's Cloud PC store (the same loads, polls and simulator events the views
// use) feeds the incremental aggregates; licences and who is left out are read through the same CloudPcApi
// when the directory or the policies change. Started by the first open panel, stopped with the last.
import * as vscode from 'vscode';
import { buildFleetSnapshot } from '../../core/fleet/buildFleetSnapshot';
import { FleetAggregator } from '../../core/fleet/fleetAggregator';
import type { FleetSnapshot } from '../../core/fleet/fleetSnapshot';
import { loadFleetDirectory } from '../../core/fleet/loadFleetDirectory';
import type { FleetDirectoryRead } from '../../core/fleet/loadFleetDirectory';
import type { SimulatorChange } from '../../core/simulator/changeEvents';
import { simulatorRequest } from '../commands/simulatorControl';
import type { ExtensionContext } from '../extensionContext';
import { BUCKET_LABELS, STATUS_BUCKETS, bucketOf } from '../views/cloudPcStatusBuckets';
import type { Views } from '../views/registerViews';
import { errorText } from '../../core/model/errorText';
import { aggregatesOf } from './storeAggregates';
import type { StoreAggregates } from './storeAggregates';

/** Simulator events that change licences, groups, policies or the audit log: re-read the directory part. */
const DIRECTORY_KINDS = new Set<SimulatorChange['kind']>([
  'user',
  'group',
  'license',
  'policy',
  'auditEvent',
  'tenant',
]);
const DIRECTORY_DEBOUNCE_MS = 300;
/** On Graph the directory is re-read with the views' polls, at most this often. */
const GRAPH_DIRECTORY_MIN_MS = 60_000;

export class FleetSource implements vscode.Disposable {
  /** The aggregates while a panel is open (fed by the sidebar's store); empty ones before. */
  private feed: StoreAggregates | undefined;
  private directory: FleetDirectoryRead | undefined;
  private revision = 0;
  private users = 0;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Something the overview shows changed (the panel batches these). */
  readonly onDidChange = this.emitter.event;
  private running: vscode.Disposable[] = [];
  private simulatorListener: { dispose(): void } | undefined;
  private directoryTimer: ReturnType<typeof setTimeout> | undefined;
  private directoryReadAt = 0;
  private directoryGeneration = 0;

  constructor(
    private readonly ctx: ExtensionContext,
    private readonly views: Views,
  ) {}

  acquire(): void {
    if (this.users++ === 0) this.start();
  }

  release(): void {
    if (--this.users === 0) this.stop();
  }

  async snapshot(): Promise<FleetSnapshot> {
    const now = await this.now();
    const aggregator = this.feed?.aggregator ?? new FleetAggregator(bucketOf);
    aggregator.setAuditStarts(this.directory?.auditStarts ?? []);
    return buildFleetSnapshot(aggregator, {
      revision: ++this.revision,
      now,
      directory: this.directory,
      loading: !this.views.sidebar.store.loaded,
      policyNames: this.views.sidebar.policyNames(),
      buckets: STATUS_BUCKETS.map((key) => ({ key, label: vscode.l10n.t(BUCKET_LABELS[key]) })),
    });
  }

  /** A snapshot with everything read, even while no panel is open (the export asks for one). */
  async snapshotNow(): Promise<FleetSnapshot> {
    this.acquire();
    try {
      const { sidebar } = this.views;
      await Promise.all([sidebar.ensurePolicies(), sidebar.ensureCloudPcs()]);
      if (!this.directory) await this.readDirectory();
      return await this.snapshot();
    } finally {
      this.release();
    }
  }

  private start(): void {
    const { sidebar } = this.views;
    // First: the aggregates hear a change before the panel is told about it.
    this.feed = aggregatesOf(sidebar.store);
    this.running.push(
      this.feed,
      sidebar.store.onDidChange(() => this.emitter.fire()),
      sidebar.onDidUpdate(() => {
        this.emitter.fire();
        if (this.ctx.backends.kind === 'graph' && Date.now() - this.directoryReadAt > GRAPH_DIRECTORY_MIN_MS)
          this.scheduleDirectory(0);
      }),
      this.ctx.backends.onDidChangeBackend(() => {
        this.directory = undefined;
        this.attachSimulator();
        this.scheduleDirectory(0);
        void sidebar.ensureCloudPcs();
      }),
      this.ctx.onDidRequestRefresh(() => this.scheduleDirectory(0)),
    );
    this.attachSimulator();
    void sidebar.ensurePolicies();
    void sidebar.ensureCloudPcs().then(() => this.scheduleDirectory(0));
  }

  private stop(): void {
    for (const d of this.running) d.dispose();
    this.running = [];
    this.simulatorListener?.dispose();
    this.simulatorListener = undefined;
    clearTimeout(this.directoryTimer);
    this.directoryTimer = undefined;
    this.feed = undefined;
    this.directory = undefined;
  }

  private attachSimulator(): void {
    this.simulatorListener?.dispose();
    this.simulatorListener = this.ctx.backends.current.simulator?.onDidChange((change) => {
      if (DIRECTORY_KINDS.has(change.kind)) this.scheduleDirectory(DIRECTORY_DEBOUNCE_MS);
      else if (change.kind === 'clock') this.emitter.fire(); // the activity windows move with simulated time
    });
  }

  private scheduleDirectory(delayMs: number): void {
    clearTimeout(this.directoryTimer);
    this.directoryTimer = setTimeout(() => {
      this.directoryTimer = undefined;
      void this.readDirectory();
    }, delayMs);
  }

  private async readDirectory(): Promise<void> {
    const generation = ++this.directoryGeneration;
    const backend = this.ctx.backends.current;
    try {
      const policies = await backend.api.listPolicies({ signal: backend.signal });
      const read = await loadFleetDirectory(
        backend.api,
        policies,
        this.views.sidebar.store.all(),
        await this.now(),
        backend.signal,
      );
      if (generation !== this.directoryGeneration || backend.signal.aborted) return;
      this.directory = read;
    } catch (err) {
      if (generation !== this.directoryGeneration || backend.signal.aborted) return;
      this.directory = { licences: [], leftOut: [], auditStarts: [], error: errorText(err) };
      this.ctx.log.warn(`Fleet Overview: ${this.directory.error}`);
    }
    this.directoryReadAt = Date.now();
    this.emitter.fire();
  }

  /** The backend's time: the simulator runs its own clock; Graph is now. */
  private async now(): Promise<number> {
    if (!this.ctx.backends.current.simulator) return Date.now();
    try {
      const clock = await simulatorRequest<{ now: string }>(this.ctx, 'GET', '/_simulator/clock');
      return Date.parse(clock.now);
    } catch (err) {
      this.ctx.log.warn(
        `Fleet Overview: the simulator clock could not be read (${errorText(err)}); using the system time`,
      );
      return Date.now();
    }
  }

  dispose(): void {
    this.stop();
    this.emitter.dispose();
  }
}
