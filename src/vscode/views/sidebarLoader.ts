// The sidebar's loading state machine, in plain TypeScript (no vscode import, unit-tested with a fake API):
// first loads on demand, reloads by diff, partial updates of single Cloud PCs, server pages behind
// "Load more…", group details on demand, and a generation counter so an answer that arrives after a
// reset (backend switch) is dropped. A failed load becomes an error row with the action that fixes it.
import type { CloudPcApi } from '../../core/graph/cloudPcApi';
import { isNotFound } from '../../core/graph/graphError';
import type { Page } from '../../core/graph/paging';
import type { CloudPc } from '../../core/model/cloudPc';
import { errorText } from '../../core/model/errorText';
import type { CloudPcChange, CloudPcStore } from './cloudPcStore';
import type { CloudPcTreeModel, TreeRefresh } from './cloudPcTreeModel';
import { adviceFor } from './errorAdvice';
import type { PolicyTreeModel } from './policyTreeModel';
import type { Localize } from './treeNodes';

/** Cloud PCs fetched before the root offers "Load more…" (server pages beyond this wait for a click). */
export const CLOUD_PCS_PER_LOAD = 10_000;

export type LoaderApi = Pick<
  CloudPcApi,
  | 'iterateCloudPcs'
  | 'listPolicies'
  | 'getCloudPc'
  | 'listServicePlans'
  | 'listFrontlineServicePlans'
  | 'getGroup'
  | 'listGroupMembers'
>;

/** What a tree view offers the loader: redraw some nodes, or everything. */
export interface TreeRedraw {
  apply(refresh: TreeRefresh): void;
  fireAll(): void;
}

/** The loader's world: the backend at hand, the views to redraw, and how to speak. */
export interface LoaderHost {
  api(): LoaderApi;
  /** The backend's signal (aborted on a backend switch). */
  backendSignal(): AbortSignal;
  /** Microsoft Graph with no account: the views show their welcome content (Sign In), not an error row. */
  signedOut(err: unknown): boolean;
  /** Whose name the policy tooltips preview; undefined keeps the current one. */
  sampleUser(): string | undefined;
  warn(message: string): void;
  /** A failure no row can show ("Load more…" failed): a notification. */
  showError(message: string): void;
  /** Every load or partial update reached the models. */
  updated(): void;
  readonly t: Localize;
}

export interface SidebarModels {
  readonly store: CloudPcStore;
  readonly cloudPcModel: CloudPcTreeModel;
  readonly policyModel: PolicyTreeModel;
  readonly cloudPcView: TreeRedraw;
  readonly policyView: TreeRedraw;
}

export class SidebarLoader {
  private generation = 0;
  private abort = new AbortController();
  private cloudPcLoad: Promise<void> | undefined;
  private policyLoad: Promise<void> | undefined;
  private morePages: AsyncGenerator<Page<CloudPc>> | undefined;

  constructor(
    private readonly models: SidebarModels,
    private readonly host: LoaderHost,
    private readonly cloudPcsPerLoad = CLOUD_PCS_PER_LOAD,
  ) {}

  /** The backend's signal and ours: a backend switch or a reset cancels what was in flight. */
  get signal(): AbortSignal {
    return AbortSignal.any([this.host.backendSignal(), this.abort.signal]);
  }

  ensureCloudPcs(): Promise<void> {
    this.cloudPcLoad ??= this.reloadCloudPcs();
    return this.cloudPcLoad;
  }

  ensurePolicies(): Promise<void> {
    this.policyLoad ??= this.reloadPolicies();
    return this.policyLoad;
  }

  /** Forget everything (backend switch): answers still in flight are dropped, both trees redraw from scratch. */
  reset(): void {
    const { store, cloudPcModel, policyModel } = this.models;
    this.generation++;
    this.abort.abort();
    this.abort = new AbortController();
    this.cloudPcLoad = undefined;
    this.policyLoad = undefined;
    this.morePages = undefined;
    store.clear();
    cloudPcModel.reset();
    policyModel.reset();
    policyModel.loaded = false;
    this.redrawAll();
  }

  /** Reloads every Cloud PC and applies only the differences (polls and Refresh use it). */
  async reloadCloudPcs(): Promise<void> {
    const { store, cloudPcModel } = this.models;
    const generation = this.generation;
    try {
      const target = Math.max(this.cloudPcsPerLoad, store.size);
      const pages = this.host.api().iterateCloudPcs({ signal: this.signal });
      const all: CloudPc[] = [];
      let hasMore = false;
      // next() by hand, not for-await: leaving a for-await loop early closes the generator, and "Load more…" needs it open.
      for (let step = await pages.next(); !step.done; step = await pages.next()) {
        all.push(...step.value.items);
        if (all.length >= target && step.value.hasMore) {
          hasMore = true;
          break;
        }
      }
      if (generation !== this.generation) return;
      this.morePages = hasMore ? pages : undefined;
      const wasLoaded = store.loaded;
      const hadError = cloudPcModel.error !== undefined;
      cloudPcModel.error = undefined;
      const changes = store.replaceAll(all);
      const moreChanged = store.hasMoreOnServer !== hasMore;
      store.hasMoreOnServer = hasMore;
      if (!wasLoaded || hadError || moreChanged) this.redrawAll();
      else this.applyChanges(changes);
    } catch (err) {
      if (generation !== this.generation) return;
      this.host.warn(`Could not load Cloud PCs: ${errorText(err)}`);
      if (this.host.signedOut(err)) {
        cloudPcModel.error = undefined;
        store.replaceAll([]);
      } else {
        const advice = adviceFor(err, this.host.t('Cloud PCs'), this.host.t);
        cloudPcModel.error = advice.text;
        cloudPcModel.errorAction = advice.action;
      }
      // No automatic retry (it would loop while the service fails): the error row's action retries.
      this.redrawAll();
    } finally {
      if (generation === this.generation) this.host.updated();
    }
  }

  async reloadPolicies(): Promise<void> {
    const { policyModel, policyView } = this.models;
    const generation = this.generation;
    try {
      const policies = await this.host.api().listPolicies({ signal: this.signal });
      if (generation !== this.generation) return;
      policyModel.sampleUser = this.host.sampleUser() ?? policyModel.sampleUser;
      const hadError = policyModel.error !== undefined;
      const refresh = policyModel.setPolicies(policies);
      if (hadError) policyView.fireAll();
      else policyView.apply(refresh);
    } catch (err) {
      if (generation !== this.generation) return;
      this.host.warn(`Could not load provisioning policies: ${errorText(err)}`);
      if (this.host.signedOut(err)) {
        policyModel.setPolicies([]);
      } else {
        const advice = adviceFor(err, this.host.t('provisioning policies'), this.host.t);
        policyModel.error = advice.text;
        policyModel.errorAction = advice.action;
      }
      policyView.fireAll();
    } finally {
      if (generation === this.generation) this.host.updated();
    }
  }

  /** Re-reads a few Cloud PCs (after an action or a simulator event); a 404 means it is gone. */
  async syncCloudPcs(ids: Iterable<string>): Promise<void> {
    const { store } = this.models;
    if (!store.loaded) return;
    const generation = this.generation;
    const changes: CloudPcChange[] = [];
    await Promise.all(
      [...ids].map(async (id) => {
        try {
          const pc = await this.host.api().getCloudPc(id, { signal: this.signal });
          if (generation !== this.generation) return;
          const change = store.upsert(pc);
          if (change) changes.push(change);
        } catch (err) {
          if (generation !== this.generation) return;
          if (isNotFound(err)) {
            const change = store.remove(id);
            if (change) changes.push(change);
          } else {
            this.host.warn(`Refreshing Cloud PC ${id} failed: ${errorText(err)}`);
          }
        }
      }),
    );
    if (generation !== this.generation) return;
    this.applyChanges(changes);
    this.host.updated();
  }

  /** The root's "Load more…": the next server pages, appended to what is loaded. */
  async loadMoreCloudPcs(): Promise<void> {
    const { store } = this.models;
    const pages = this.morePages;
    if (!pages) return;
    const generation = this.generation;
    try {
      let got = 0;
      let hasMore = false;
      for (let step = await pages.next(); !step.done; step = await pages.next()) {
        if (generation !== this.generation) return;
        for (const pc of step.value.items) store.upsert(pc);
        got += step.value.items.length;
        hasMore = step.value.hasMore;
        if (got >= this.cloudPcsPerLoad && hasMore) break;
      }
      if (generation !== this.generation) return;
      store.hasMoreOnServer = hasMore;
      if (!hasMore) this.morePages = undefined;
    } catch (err) {
      if (generation !== this.generation) return;
      this.host.showError(this.host.t('Could not load more Cloud PCs: {0}', errorText(err)));
    }
    this.redrawAll();
    this.host.updated();
  }

  /** Group names and member counts for a policy's Assignments node; `force` reads them again. */
  async loadGroupInfo(policyId: string, force = false): Promise<void> {
    const { policyModel } = this.models;
    if (force) this.forgetGroupInfo(policyId);
    const missing = policyModel.missingGroupInfo(policyId);
    const policy = policyModel.policy(policyId);
    const needPlans = (policy?.assignments ?? []).some(
      (a) => a.target.servicePlanId && !policyModel.servicePlanNames.has(a.target.servicePlanId),
    );
    if (missing.length === 0 && !needPlans) return;
    const signal = this.signal;
    const api = this.host.api();
    if (needPlans) {
      try {
        for (const plan of await api.listServicePlans({ signal }))
          policyModel.servicePlanNames.set(plan.id, plan.displayName);
        for (const plan of await api.listFrontlineServicePlans({ signal }).catch(() => [])) {
          if (!policyModel.servicePlanNames.has(plan.id)) policyModel.servicePlanNames.set(plan.id, plan.displayName);
        }
      } catch (err) {
        this.host.warn(`Service plans: ${errorText(err)}`);
      }
    }
    await Promise.all(
      missing.map(async (groupId) => {
        try {
          const [group, members] = await Promise.all([
            api.getGroup(groupId, { signal }),
            api.listGroupMembers(groupId, { signal }),
          ]);
          policyModel.groupInfo.set(groupId, { displayName: group.displayName, memberCount: members.length });
        } catch (err) {
          policyModel.groupInfo.set(groupId, {
            error: isNotFound(err) ? this.host.t('group not found') : errorText(err),
          });
        }
      }),
    );
  }

  /** Forgets the group details of a policy's assignments (they are read again when next shown). */
  forgetGroupInfo(policyId: string): void {
    const { policyModel } = this.models;
    for (const a of policyModel.policy(policyId)?.assignments ?? []) policyModel.groupInfo.delete(a.target.groupId);
  }

  /** Directory changed: forget every group's details and redraw the Assignments nodes that are shown. */
  invalidateGroupInfo(): void {
    const { policyModel, policyView } = this.models;
    policyModel.groupInfo.clear();
    const nodes = policyModel
      .allPolicies()
      .map((p) => policyModel.cache.peek(`pol:${p.id}:assignments`))
      .filter((n) => n !== undefined);
    policyView.apply({ root: false, nodes });
  }

  /** Reload both views by diff (Refresh). */
  async refresh(): Promise<void> {
    this.models.policyModel.groupInfo.clear();
    this.cloudPcLoad = this.reloadCloudPcs();
    this.policyLoad = this.reloadPolicies();
    await Promise.all([this.cloudPcLoad, this.policyLoad]);
  }

  private applyChanges(changes: readonly CloudPcChange[]): void {
    if (changes.length === 0) return;
    this.models.cloudPcView.apply(this.models.cloudPcModel.refreshFor(changes));
    this.models.policyView.apply(this.models.policyModel.refreshFor(changes));
  }

  dispose(): void {
    this.abort.abort();
  }

  private redrawAll(): void {
    this.models.cloudPcView.fireAll();
    this.models.policyView.fireAll();
  }
}
