// The two sidebar views, their shared Cloud PC store, and loading: first load on first show, reloads by
// diff (stable node identities), and partial updates when single Cloud PCs change.
import * as vscode from 'vscode';
import type { CloudPcApi } from '../../core/graph/cloudPcApi';
import { isGraphError } from '../../core/graph/graphError';
import type { Page } from '../../core/graph/paging';
import type { CloudPc } from '../../core/model/cloudPc';
import type { ActiveBackend } from '../backend/backendManager';
import type { ExtensionContext } from '../extensionContext';
import { CloudPcStore } from './cloudPcStore';
import type { CloudPcChange } from './cloudPcStore';
import { CloudPcTreeModel } from './cloudPcTreeModel';
import type { CloudPcFilter } from './cloudPcTreeModel';
import { adviceFor } from './errorAdvice';
import { ModelTreeProvider } from './modelTreeProvider';
import { PolicyTreeModel } from './policyTreeModel';
import type { TreeNode } from './treeNodes';
import { errorText } from '../../core/model/errorText';

/** Cloud PCs fetched before the root offers "Load more…" (server pages beyond this wait for a click). */
export const CLOUD_PCS_PER_LOAD = 10_000;

export function errorMessage(err: unknown): string {
  return errorText(err);
}

export function isNotFound(err: unknown): boolean {
  return isGraphError(err) && err.status === 404;
}

export class Sidebar implements vscode.Disposable {
  readonly store = new CloudPcStore();
  readonly cloudPcModel: CloudPcTreeModel;
  readonly policyModel: PolicyTreeModel;
  readonly cloudPcProvider: ModelTreeProvider;
  readonly policyProvider: ModelTreeProvider;
  readonly cloudPcView: vscode.TreeView<TreeNode>;
  readonly policyView: vscode.TreeView<TreeNode>;
  private generation = 0;
  private abort = new AbortController();
  private cloudPcLoad: Promise<void> | undefined;
  private policyLoad: Promise<void> | undefined;
  private morePages: AsyncGenerator<Page<CloudPc>> | undefined;
  private readonly loadedEmitter = new vscode.EventEmitter<void>();
  /** Fires after every load or partial update reached the models (tests wait on it). */
  readonly onDidUpdate = this.loadedEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly ctx: ExtensionContext) {
    const t = (message: string, ...args: (string | number)[]) => vscode.l10n.t(message, ...args);
    // The simulated clock on the simulator (none in a window sharing another's: absolute times then).
    this.store.now = () => (ctx.backends.kind === 'simulator' ? ctx.backends.existing?.simulator?.now() : Date.now());
    this.cloudPcModel = new CloudPcTreeModel(this.store, t);
    this.policyModel = new PolicyTreeModel(this.store, t);
    this.cloudPcProvider = new ModelTreeProvider(this.cloudPcModel, (node) => this.prepareCloudPcs(node), ctx.log);
    this.policyProvider = new ModelTreeProvider(this.policyModel, (node) => this.preparePolicies(node), ctx.log);
    this.policyView = vscode.window.createTreeView('cpcpolicy.policies', { treeDataProvider: this.policyProvider, showCollapseAll: true, canSelectMany: true });
    this.cloudPcView = vscode.window.createTreeView('cpcpolicy.cloudPcs', { treeDataProvider: this.cloudPcProvider, showCollapseAll: true, canSelectMany: true });
    this.disposables.push(this.policyView, this.cloudPcView, this.cloudPcProvider, this.policyProvider, this.loadedEmitter);
  }

  get backend(): ActiveBackend {
    return this.ctx.backends.current;
  }

  get api(): CloudPcApi {
    return this.backend.api;
  }

  /** The backend's signal and ours: a backend switch or a reload cancels what was in flight. */
  get signal(): AbortSignal {
    return AbortSignal.any([this.backend.signal, this.abort.signal]);
  }

  get anyViewVisible(): boolean {
    return this.cloudPcView.visible || this.policyView.visible;
  }

  // ---- loading ----

  private async prepareCloudPcs(node: TreeNode | undefined): Promise<void> {
    if (!node) await this.ensureCloudPcs();
  }

  private async preparePolicies(node: TreeNode | undefined): Promise<void> {
    if (!node) {
      // Policies show as soon as they load; their Cloud PC counts follow when the (larger) Cloud PC list arrives.
      void this.ensureCloudPcs();
      await this.ensurePolicies();
    }
    else if (node.kind === 'assignments') await this.loadGroupInfo(node.policyId);
  }

  ensureCloudPcs(): Promise<void> {
    this.cloudPcLoad ??= this.reloadCloudPcs();
    return this.cloudPcLoad;
  }

  ensurePolicies(): Promise<void> {
    this.policyLoad ??= this.reloadPolicies();
    return this.policyLoad;
  }

  /** Forget everything (backend switch): both trees redraw from scratch. */
  reset(): void {
    this.generation++;
    this.abort.abort();
    this.abort = new AbortController();
    this.cloudPcLoad = undefined;
    this.policyLoad = undefined;
    this.morePages = undefined;
    this.store.clear();
    this.cloudPcModel.reset();
    this.policyModel.reset();
    this.policyModel.loaded = false;
    this.cloudPcProvider.fireAll();
    this.policyProvider.fireAll();
  }

  /** Reloads every Cloud PC and applies only the differences (polls and Refresh use it). */
  async reloadCloudPcs(): Promise<void> {
    const generation = this.generation;
    try {
      const target = Math.max(CLOUD_PCS_PER_LOAD, this.store.size);
      const pages = this.api.iterateCloudPcs({ signal: this.signal });
      const all: CloudPc[] = [];
      let hasMore = false;
      for await (const page of pages) {
        all.push(...page.items);
        if (all.length >= target && page.hasMore) {
          hasMore = true;
          break;
        }
      }
      if (generation !== this.generation) return;
      this.morePages = hasMore ? pages : undefined;
      const wasLoaded = this.store.loaded;
      const hadError = this.cloudPcModel.error !== undefined;
      this.cloudPcModel.error = undefined;
      const changes = this.store.replaceAll(all);
      const moreChanged = this.store.hasMoreOnServer !== hasMore;
      this.store.hasMoreOnServer = hasMore;
      if (!wasLoaded || hadError || moreChanged) {
        this.cloudPcProvider.fireAll();
        this.policyProvider.fireAll();
      } else {
        this.applyChanges(changes);
      }
    } catch (err) {
      if (generation !== this.generation) return;
      this.ctx.log.warn(`Could not load Cloud PCs: ${errorMessage(err)}`);
      if (this.signedOut(err)) {
        // Signed out is not an error: the views show their welcome content with Sign In.
        this.cloudPcModel.error = undefined;
        this.store.replaceAll([]);
      } else {
        const advice = adviceFor(err, vscode.l10n.t('Cloud PCs'), vscode.l10n.t);
        this.cloudPcModel.error = advice.text;
        this.cloudPcModel.errorAction = advice.action;
      }
      // No automatic retry from getChildren (it would loop while the service fails): the error row retries.
      this.cloudPcProvider.fireAll();
      this.policyProvider.fireAll();
    } finally {
      if (generation === this.generation) this.loadedEmitter.fire();
    }
  }

  async reloadPolicies(): Promise<void> {
    const generation = this.generation;
    try {
      const policies = await this.api.listPolicies({ signal: this.signal });
      if (generation !== this.generation) return;
      this.policyModel.sampleUser = this.sampleUser();
      const hadError = this.policyModel.error !== undefined;
      const refresh = this.policyModel.setPolicies(policies);
      if (hadError) this.policyProvider.fireAll();
      else this.policyProvider.apply(refresh);
    } catch (err) {
      if (generation !== this.generation) return;
      this.ctx.log.warn(`Could not load provisioning policies: ${errorMessage(err)}`);
      if (this.signedOut(err)) {
        this.policyModel.setPolicies([]);
      } else {
        const advice = adviceFor(err, vscode.l10n.t('provisioning policies'), vscode.l10n.t);
        this.policyModel.error = advice.text;
        this.policyModel.errorAction = advice.action;
      }
      this.policyProvider.fireAll();
    } finally {
      if (generation === this.generation) this.loadedEmitter.fire();
    }
  }

  /** Microsoft Graph with no account: the welcome content (Sign In), not an error row. */
  private signedOut(err: unknown): boolean {
    return this.ctx.backends.kind === 'graph' && !this.ctx.signIn.accountLabel && isGraphError(err) && err.status === 401;
  }

  /** Whose name the policy tooltips preview: a simulated user, or the first of `cpcpolicy.preview.sampleUsers`. */
  private sampleUser(): string {
    const fromSimulator = this.backend.simulator?.sampleUserPrincipalNames(1)[0];
    const configured = vscode.workspace.getConfiguration('cpcpolicy.preview').get<string[]>('sampleUsers', [])[0];
    return fromSimulator ?? configured ?? this.policyModel.sampleUser;
  }

  /** Re-reads a few Cloud PCs (after an action or a simulator event); a 404 means it is gone. */
  async syncCloudPcs(ids: Iterable<string>): Promise<void> {
    if (!this.store.loaded) return;
    const generation = this.generation;
    const changes: CloudPcChange[] = [];
    await Promise.all([...ids].map(async (id) => {
      try {
        const pc = await this.api.getCloudPc(id, { signal: this.signal });
        if (generation !== this.generation) return;
        const change = this.store.upsert(pc);
        if (change) changes.push(change);
      } catch (err) {
        if (generation !== this.generation) return;
        if (isNotFound(err)) {
          const change = this.store.remove(id);
          if (change) changes.push(change);
        } else {
          this.ctx.log.warn(`Refreshing Cloud PC ${id} failed: ${errorMessage(err)}`);
        }
      }
    }));
    if (generation !== this.generation) return;
    this.applyChanges(changes);
    this.loadedEmitter.fire();
  }

  applyChanges(changes: readonly CloudPcChange[]): void {
    if (changes.length === 0) return;
    this.cloudPcProvider.apply(this.cloudPcModel.refreshFor(changes));
    this.policyProvider.apply(this.policyModel.refreshFor(changes));
  }

  /** The root's "Load more…": the next server pages. */
  async loadMoreCloudPcs(): Promise<void> {
    const pages = this.morePages;
    if (!pages) return;
    const generation = this.generation;
    try {
      let got = 0;
      let hasMore = false;
      for await (const page of { [Symbol.asyncIterator]: () => pages }) {
        for (const pc of page.items) this.store.upsert(pc);
        got += page.items.length;
        hasMore = page.hasMore;
        if (got >= CLOUD_PCS_PER_LOAD && page.hasMore) break;
      }
      if (generation !== this.generation) return;
      this.store.hasMoreOnServer = hasMore;
      if (!hasMore) this.morePages = undefined;
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not load more Cloud PCs: {0}', errorMessage(err)));
    }
    this.cloudPcProvider.fireAll();
    this.policyProvider.fireAll();
    this.loadedEmitter.fire();
  }

  /** Group names and member counts for a policy's Assignments node. */
  async loadGroupInfo(policyId: string, force = false): Promise<void> {
    if (force) for (const a of this.policyModel.policy(policyId)?.assignments ?? []) this.policyModel.groupInfo.delete(a.target.groupId);
    const missing = this.policyModel.missingGroupInfo(policyId);
    const policy = this.policyModel.policy(policyId);
    const needPlans = (policy?.assignments ?? []).some((a) => a.target.servicePlanId && !this.policyModel.servicePlanNames.has(a.target.servicePlanId));
    if (missing.length === 0 && !needPlans) return;
    const signal = this.signal;
    if (needPlans) {
      try {
        for (const plan of await this.api.listServicePlans({ signal })) this.policyModel.servicePlanNames.set(plan.id, plan.displayName);
        for (const plan of await this.api.listFrontlineServicePlans({ signal }).catch(() => [])) {
          if (!this.policyModel.servicePlanNames.has(plan.id)) this.policyModel.servicePlanNames.set(plan.id, plan.displayName);
        }
      } catch (err) {
        this.ctx.log.warn(`Service plans: ${errorMessage(err)}`);
      }
    }
    await Promise.all(missing.map(async (groupId) => {
      try {
        const [group, members] = await Promise.all([this.api.getGroup(groupId, { signal }), this.api.listGroupMembers(groupId, { signal })]);
        this.policyModel.groupInfo.set(groupId, { displayName: group.displayName, memberCount: members.length });
      } catch (err) {
        this.policyModel.groupInfo.set(groupId, { error: isNotFound(err) ? vscode.l10n.t('group not found') : errorMessage(err) });
      }
    }));
  }

  /** Directory changed: forget group details and redraw the Assignments nodes that are shown. */
  invalidateGroupInfo(): void {
    this.policyModel.groupInfo.clear();
    const nodes = this.policyModel.allPolicies()
      .map((p) => this.policyModel.cache.peek(`pol:${p.id}:assignments`))
      .filter((n): n is TreeNode => !!n);
    this.policyProvider.apply({ root: false, nodes });
  }

  setCloudPcFilter(filter: CloudPcFilter): void {
    this.cloudPcModel.setFilter(filter);
    const description = this.cloudPcModel.filterDescription();
    this.cloudPcView.description = description;
    void vscode.commands.executeCommand('setContext', 'cpcpolicy.cloudPcsFiltered', !!description);
    this.cloudPcProvider.fireAll();
  }

  /** Reload both views by diff (Refresh). */
  async refresh(): Promise<void> {
    this.policyModel.groupInfo.clear();
    this.cloudPcLoad = this.reloadCloudPcs();
    this.policyLoad = this.reloadPolicies();
    await Promise.all([this.cloudPcLoad, this.policyLoad]);
  }

  dispose(): void {
    this.abort.abort();
    for (const d of this.disposables) d.dispose();
  }
}
