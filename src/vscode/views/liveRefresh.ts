// Keeps the views current while Cloud PCs move: on the simulator from its change events (batched), on
// Graph by polling every 30 s with back-off, only while a Cloud PC is in transition and a view is visible.
import type * as vscode from 'vscode';
import type { SimulatorChange } from '../../core/simulator/changeEvents';
import type { ExtensionContext } from '../extensionContext';
import { PollSchedule } from './pollSchedule';
import type { Sidebar } from './sidebar';
import { errorText } from '../../core/model/errorText';

/** Simulator events arrive in bursts (one clock advance moves many Cloud PCs): coalesce them. */
const BATCH_MS = 50;
/** Past this many changed Cloud PCs a full reload by diff is cheaper than one GET each. */
const MAX_SINGLE_SYNC = 50;

export class LiveRefresh implements vscode.Disposable {
  private simulatorListener: { dispose(): void } | undefined;
  private readonly pendingCloudPcs = new Set<string>();
  private policiesDirty = false;
  private directoryDirty = false;
  private everythingDirty = false;
  private batchTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pollSchedule: PollSchedule;
  private flushing: Promise<void> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly ctx: ExtensionContext,
    private readonly sidebar: Sidebar,
  ) {
    this.pollSchedule = new PollSchedule({
      wanted: () =>
        this.ctx.backends.kind === 'graph' && this.sidebar.store.loaded && this.sidebar.store.transitionalCount > 0,
      visible: () => this.sidebar.anyViewVisible,
      poll: async () => {
        await this.sidebar.reloadCloudPcs();
        return this.sidebar.cloudPcModel.error === undefined;
      },
    });
    this.disposables.push(
      sidebar.cloudPcView.onDidChangeVisibility(() => this.pollSchedule.visibilityChanged()),
      sidebar.policyView.onDidChangeVisibility(() => this.pollSchedule.visibilityChanged()),
      sidebar.onDidUpdate(() => this.pollSchedule.request()),
    );
  }

  /** (Re)subscribes to the current backend; called after the first load and after a backend switch. */
  attach(): void {
    this.simulatorListener?.dispose();
    this.simulatorListener = undefined;
    const backend = this.ctx.backends.current;
    if (backend.simulator)
      this.simulatorListener = backend.simulator.onDidChange((change) => this.onSimulatorChange(change));
    this.pollSchedule.request();
  }

  detach(): void {
    this.simulatorListener?.dispose();
    this.simulatorListener = undefined;
    this.pollSchedule.cancel();
  }

  /** Resolves when every batched event so far reached the views (tests and commands await it). */
  async settled(): Promise<void> {
    if (this.batchTimer) {
      clearTimeout(this.batchTimer);
      this.batchTimer = undefined;
      await this.flush();
    }
    await this.flushing;
  }

  private onSimulatorChange(change: SimulatorChange): void {
    switch (change.kind) {
      case 'cloudPc':
        this.pendingCloudPcs.add(change.id);
        break;
      case 'policy':
        this.policiesDirty = true;
        break;
      case 'user':
      case 'group':
      case 'license':
        this.directoryDirty = true;
        break;
      case 'tenant':
        this.everythingDirty = true;
        break;
      default:
        return; // clock ticks, audit events, network health: nothing the views show
    }
    this.batchTimer ??= setTimeout(() => {
      this.batchTimer = undefined;
      void this.flush();
    }, BATCH_MS);
  }

  private flush(): Promise<void> {
    const ids = [...this.pendingCloudPcs];
    const everything = this.everythingDirty;
    const policies = this.policiesDirty || everything;
    const directory = this.directoryDirty || everything;
    this.pendingCloudPcs.clear();
    this.policiesDirty = this.directoryDirty = this.everythingDirty = false;
    const run = async (): Promise<void> => {
      try {
        const work: Promise<void>[] = [];
        if (directory) this.sidebar.invalidateGroupInfo();
        if (policies) work.push(this.sidebar.reloadPolicies());
        if (everything || ids.length > MAX_SINGLE_SYNC) work.push(this.sidebar.reloadCloudPcs());
        else if (ids.length) work.push(this.sidebar.syncCloudPcs(ids));
        await Promise.all(work);
      } catch (err) {
        this.ctx.log.warn(`Live refresh failed: ${errorText(err)}`);
      }
    };
    this.flushing = this.flushing.then(run);
    return this.flushing;
  }

  dispose(): void {
    this.detach();
    clearTimeout(this.batchTimer);
    for (const d of this.disposables) d.dispose();
  }
}
