// The two sidebar views and what they share: the Cloud PC store, the tree models and providers. Loading
// (first load on first show, reloads by diff, partial updates) is the plain-TS SidebarLoader's job.
import * as vscode from 'vscode';
import type { CloudPcApi } from '../../core/graph/cloudPcApi';
import type { KnownPolicyNames } from '../../core/model/policyNameOfCloudPc';
import { isGraphError } from '../../core/graph/graphError';
import { CloudPcStore } from './cloudPcStore';
import { CloudPcTreeModel } from './cloudPcTreeModel';
import type { ActiveBackend } from '../backend/backendManager';
import type { ExtensionContext } from '../extensionContext';
import { ModelTreeProvider } from './modelTreeProvider';
import { PolicyTreeModel } from './policyTreeModel';
import { SidebarLoader } from './sidebarLoader';
import type { CloudPcFilter } from './sidebarIntents';
import type { TreeNode } from './treeNodes';

/** Rows an action reveals at most (each reveal is a round trip to the workbench). */
const MAX_REVEALED = 10;

export class Sidebar implements vscode.Disposable {
  readonly store = new CloudPcStore();
  readonly cloudPcModel: CloudPcTreeModel;
  readonly policyModel: PolicyTreeModel;
  readonly cloudPcProvider: ModelTreeProvider;
  readonly policyProvider: ModelTreeProvider;
  readonly cloudPcView: vscode.TreeView<TreeNode>;
  readonly policyView: vscode.TreeView<TreeNode>;
  private readonly loader: SidebarLoader;
  private readonly loadedEmitter = new vscode.EventEmitter<void>();
  /** Fires after every load or partial update reached the models (the Fleet Overview, live refresh and tests follow it). */
  readonly onDidUpdate = this.loadedEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** The policy names the Cloud PC rows were last drawn with: a rename or deletion redraws them. */
  private drawnPolicyNames = '';

  constructor(private readonly ctx: ExtensionContext) {
    const t = (message: string, ...args: (string | number)[]) => vscode.l10n.t(message, ...args);
    // The simulated clock on the simulator (none in a window sharing another's: absolute times then).
    this.store.now = () => (ctx.backends.kind === 'simulator' ? ctx.backends.existing?.simulator?.now() : Date.now());
    this.cloudPcModel = new CloudPcTreeModel(this.store, t);
    this.policyModel = new PolicyTreeModel(this.store, t);
    this.cloudPcModel.policyNames = () => this.policyNames();
    this.loader = new SidebarLoader(
      {
        store: this.store,
        cloudPcModel: this.cloudPcModel,
        policyModel: this.policyModel,
        cloudPcView: { apply: (r) => this.cloudPcProvider.apply(r), fireAll: () => this.cloudPcProvider.fireAll() },
        policyView: { apply: (r) => this.policyProvider.apply(r), fireAll: () => this.policyProvider.fireAll() },
      },
      {
        api: () => this.api,
        backendSignal: () => this.backend.signal,
        signedOut: (err) =>
          ctx.backends.kind === 'graph' && !ctx.signIn.accountLabel && isGraphError(err) && err.status === 401,
        sampleUser: () => this.sampleUser(),
        warn: (message) => ctx.log.warn(message),
        showError: (message) => void vscode.window.showErrorMessage(message),
        updated: () => this.loadedEmitter.fire(),
        t,
      },
    );
    this.cloudPcProvider = new ModelTreeProvider(this.cloudPcModel, (node) => this.prepareCloudPcs(node), ctx.log);
    this.policyProvider = new ModelTreeProvider(this.policyModel, (node) => this.preparePolicies(node), ctx.log);
    this.policyView = vscode.window.createTreeView('cpcpolicy.policies', {
      treeDataProvider: this.policyProvider,
      showCollapseAll: true,
      canSelectMany: true,
    });
    this.cloudPcView = vscode.window.createTreeView('cpcpolicy.cloudPcs', {
      treeDataProvider: this.cloudPcProvider,
      showCollapseAll: true,
      canSelectMany: true,
    });
    this.disposables.push(
      this.policyView,
      this.cloudPcView,
      this.cloudPcProvider,
      this.policyProvider,
      this.loadedEmitter,
      this.onDidUpdate(() => this.followPolicyNames()),
    );
  }

  /** The tenant's policies as last read, by id; undefined until they were read (nothing is called deleted). */
  policyNames(): KnownPolicyNames {
    const model = this.policyModel;
    return model.loaded ? (id) => model.policy(id)?.displayName : undefined;
  }

  /** A policy renamed or deleted: the filter's label and the Cloud PC rows say its name as it is now. */
  private followPolicyNames(): void {
    if (!this.policyModel.loaded) return;
    const names = this.policyModel
      .allPolicies()
      .map((p) => `${p.id}=${p.displayName}`)
      .join('\n');
    if (names === this.drawnPolicyNames) return;
    this.drawnPolicyNames = names;
    // The filter keeps the name its policy has now: once the policy is deleted, that is the name it had last.
    const filter = this.cloudPcModel.filter;
    const current = filter.policyId ? this.policyModel.policy(filter.policyId)?.displayName : undefined;
    if (current) this.cloudPcModel.setFilter({ ...filter, policyName: current });
    this.cloudPcView.description = this.cloudPcModel.filterDescription();
    this.cloudPcProvider.fireAll();
  }

  get backend(): ActiveBackend {
    return this.ctx.backends.current;
  }

  get api(): CloudPcApi {
    return this.backend.api;
  }

  get anyViewVisible(): boolean {
    return this.cloudPcView.visible || this.policyView.visible;
  }

  private async prepareCloudPcs(node: TreeNode | undefined): Promise<void> {
    if (!node) await this.ensureCloudPcs();
  }

  private async preparePolicies(node: TreeNode | undefined): Promise<void> {
    if (!node) {
      // Policies show as soon as they load; their Cloud PC counts follow when the (larger) Cloud PC list arrives.
      void this.ensureCloudPcs();
      await this.ensurePolicies();
    } else if (node.kind === 'assignments') await this.loadGroupInfo(node.policyId);
  }

  /** Whose name the policy tooltips preview: a simulated user, or the first of `cpcpolicy.preview.sampleUsers`. */
  private sampleUser(): string | undefined {
    const fromSimulator = this.backend.simulator?.sampleUserPrincipalNames(1)[0];
    return fromSimulator ?? vscode.workspace.getConfiguration('cpcpolicy.preview').get<string[]>('sampleUsers', [])[0];
  }

  ensureCloudPcs(): Promise<void> {
    return this.loader.ensureCloudPcs();
  }

  ensurePolicies(): Promise<void> {
    return this.loader.ensurePolicies();
  }

  /** Forget everything (backend switch): both trees redraw from scratch. */
  reset(): void {
    this.loader.reset();
  }

  reloadCloudPcs(): Promise<void> {
    return this.loader.reloadCloudPcs();
  }

  reloadPolicies(): Promise<void> {
    return this.loader.reloadPolicies();
  }

  syncCloudPcs(ids: Iterable<string>): Promise<void> {
    return this.loader.syncCloudPcs(ids);
  }

  loadGroupInfo(policyId: string, force = false): Promise<void> {
    return this.loader.loadGroupInfo(policyId, force);
  }

  /** Forgets a policy's group details (its assignments changed); they are read again when shown. */
  forgetGroupInfo(policyId: string): void {
    this.loader.forgetGroupInfo(policyId);
  }

  invalidateGroupInfo(): void {
    this.loader.invalidateGroupInfo();
  }

  /** "Load more…": the next server pages on the root, the next rows of a group elsewhere. */
  async loadMore(node: TreeNode & { kind: 'loadMore' }): Promise<void> {
    if (!node.parentId) return this.loader.loadMoreCloudPcs();
    const inPolicies = node.id.startsWith('pol:');
    const parent = (inPolicies ? this.policyModel : this.cloudPcModel).loadMore(node);
    (inPolicies ? this.policyProvider : this.cloudPcProvider).apply(
      parent ? { root: false, nodes: [parent] } : { root: true, nodes: [] },
    );
  }

  setCloudPcFilter(filter: CloudPcFilter): void {
    this.cloudPcModel.setFilter(filter);
    const description = this.cloudPcModel.filterDescription();
    this.cloudPcView.description = description;
    void vscode.commands.executeCommand('setContext', 'cpcpolicy.cloudPcsFiltered', !!description);
    this.cloudPcProvider.fireAll();
  }

  /** Reload both views by diff (Refresh). */
  /** Selects a loaded Cloud PC's row in the Cloud PCs view, clearing a filter that hides it; false when unknown. */
  async revealCloudPc(cloudPcId: string): Promise<boolean> {
    await this.ensureCloudPcs();
    let found = this.cloudPcModel.rowOf(cloudPcId);
    if (!found) {
      this.setCloudPcFilter({});
      found = this.cloudPcModel.rowOf(cloudPcId);
    }
    if (!found) return false;
    // Its page may have just been shown: the group redraws first.
    this.cloudPcProvider.apply({ root: false, nodes: [found.group] });
    await this.cloudPcView.reveal(found.row, { select: true, focus: true, expand: true });
    return true;
  }

  /** Rows acted on stay in sight (their groups open, the first selected) while the view is shown; the filter stays. */
  async revealActedOn(cloudPcIds: readonly string[]): Promise<void> {
    if (!this.cloudPcView.visible) return;
    const rows = cloudPcIds
      .slice(0, MAX_REVEALED)
      .map((id) => this.cloudPcModel.rowOf(id))
      .filter((found) => found !== undefined);
    if (rows.length === 0) return;
    for (const found of new Set(rows.map((r) => r.group))) this.cloudPcProvider.apply({ root: false, nodes: [found] });
    // The first last, so the view scrolls to the row it selects. The action already happened: a row that
    // cannot be revealed (the tree redrew meanwhile) is a log line, never an error for the action.
    try {
      for (const { row } of [...rows.slice(1), rows[0]!])
        await this.cloudPcView.reveal(row, { select: row === rows[0]!.row, focus: false, expand: true });
    } catch (err) {
      this.ctx.log.warn(`Could not reveal the Cloud PC acted on: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  refresh(): Promise<void> {
    return this.loader.refresh();
  }

  dispose(): void {
    this.loader.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
