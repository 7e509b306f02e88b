// The "Cloud PCs" view as plain data: status groups over the whole tenant, optional filter by policy or
// status, paged rows, error/loading placeholders, and which nodes a change must redraw.
import type { CloudPc } from '../../core/model/cloudPc';
import { policyNameText, shownPolicyName } from '../../core/model/policyNameOfCloudPc';
import type { KnownPolicyNames } from '../../core/model/policyNameOfCloudPc';
import { cloudPcTooltip, presentCloudPc } from './cloudPcPresentation';
import { BUCKET_LABELS, bucketOf } from './cloudPcStatusBuckets';
import type { CloudPcChange, CloudPcStore } from './cloudPcStore';
import type { CloudPcFilter } from './sidebarIntents';
import { StatusGroupPager } from './statusGroupPager';
import type { LoadMoreNode } from './statusGroupPager';
import { NodeCache, plainLocalize } from './treeNodes';
import type { Localize, NodePresentation, TreeNode } from './treeNodes';

/** undefined in `nodes` = redraw the whole tree (the root's children changed). */
export interface TreeRefresh {
  root: boolean;
  nodes: TreeNode[];
}

export class CloudPcTreeModel {
  readonly cache = new NodeCache();
  readonly pager: StatusGroupPager;
  private filterValue: CloudPcFilter = {};
  /** Set when the last load failed; shown as an error row with a retry action. */
  error: string | undefined;
  /** What fixes the error (a command id without its prefix): Sign In, Switch Tenant, Show Log, Retry. */
  errorAction: string | undefined;
  /** The tenant's policies as last read (the sidebar sets it): rows and the filter name them as they are now. */
  policyNames: () => KnownPolicyNames = () => undefined;

  constructor(
    readonly store: CloudPcStore,
    private readonly t: Localize = plainLocalize,
  ) {
    this.pager = new StatusGroupPager(store, this.cache, 'cpcs');
  }

  get filter(): CloudPcFilter {
    return this.filterValue;
  }

  setFilter(filter: CloudPcFilter): void {
    this.filterValue = { ...filter };
  }

  filterDescription(): string | undefined {
    const parts: string[] = [];
    const { policyId, policyName } = this.filterValue;
    if (policyId) parts.push(this.t('policy: {0}', this.policyText(policyId, policyName)));
    if (this.filterValue.bucket) parts.push(this.t('status: {0}', this.t(BUCKET_LABELS[this.filterValue.bucket])));
    return parts.length ? parts.join(', ') : undefined;
  }

  roots(): TreeNode[] {
    const error = this.error
      ? this.cache.get({
          kind: 'message',
          id: `cpcs:error:${this.errorAction ?? 'refresh'}:${this.error}`,
          tone: 'error',
          text: this.error,
          action: this.errorAction,
        })
      : undefined;
    if (!this.store.loaded)
      return [
        error ??
          this.cache.get({ kind: 'message', id: 'cpcs:loading', tone: 'loading', text: this.t('Loading Cloud PCs…') }),
      ];
    // A failed refresh keeps what was loaded, with the error (and its retry) on top.
    const out: TreeNode[] = [
      ...(error ? [error] : []),
      ...this.pager.groups(this.filterValue.policyId, this.filterValue.bucket),
    ];
    if (this.store.hasMoreOnServer) out.push(this.cache.get({ kind: 'loadMore', id: 'cpcs:root:more' }));
    if (out.length === 0 && (this.filterValue.policyId || this.filterValue.bucket)) {
      out.push(
        this.cache.get({
          kind: 'message',
          id: 'cpcs:filtered-empty',
          tone: 'info',
          text: this.t('No Cloud PCs match the filter ({0})', this.filterDescription() ?? ''),
        }),
      );
    }
    return out;
  }

  children(node?: TreeNode): TreeNode[] {
    if (!node) return this.roots();
    return node.kind === 'statusGroup' ? this.pager.children(node) : [];
  }

  /**
   * A loaded Cloud PC's row under its status group, its page shown, for reveal; undefined when it is not loaded
   * or the filter hides it.
   */
  rowOf(cloudPcId: string): { row: TreeNode; group: TreeNode } | undefined {
    const pc = this.store.get(cloudPcId);
    if (!pc) return undefined;
    const bucket = bucketOf(pc.status);
    const { policyId, bucket: only } = this.filterValue;
    if (only && only !== bucket) return undefined;
    const index = this.store.list(bucket, policyId).findIndex((p) => p.id === cloudPcId);
    if (index < 0) return undefined;
    const group = this.cache.get({ kind: 'statusGroup', id: this.pager.groupId(bucket, policyId), bucket, policyId });
    this.pager.showRow(group.id, index);
    const row = this.cache.get({ kind: 'cloudPc', id: this.pager.cloudPcId(cloudPcId, bucket), cloudPcId });
    return { row, group };
  }

  /** A row's parent, for the tree view's reveal: a Cloud PC's status group; groups sit at the root. */
  parent(node: TreeNode): TreeNode | undefined {
    if (node.kind === 'loadMore' && node.parentId) return this.cache.peek(node.parentId);
    if (node.kind !== 'cloudPc') return undefined;
    const pc = this.store.get(node.cloudPcId);
    return pc ? this.cache.peek(this.pager.groupId(bucketOf(pc.status), this.filterValue.policyId)) : undefined;
  }

  /** A policy as the tenant names it now; a deleted one by the name it had, marked deleted. */
  policyText(policyId: string | null, carried: string | null | undefined): string {
    return policyNameText(shownPolicyName(policyId, carried, this.policyNames()), this.t('deleted'));
  }

  private policyOf(pc: CloudPc): string {
    return this.policyText(pc.provisioningPolicyId, pc.provisioningPolicyName);
  }

  present(node: TreeNode): NodePresentation {
    const pc = node.kind === 'cloudPc' ? this.store.get(node.cloudPcId) : undefined;
    if (pc)
      return presentCloudPc(pc, this.t, { showPolicy: true, now: this.store.now(), policyName: this.policyOf(pc) });
    return presentNode(node, this.store, this.pager, this.t, true);
  }

  tooltip(node: TreeNode): string | undefined {
    const pc = node.kind === 'cloudPc' ? this.store.get(node.cloudPcId) : undefined;
    return pc ? cloudPcTooltip(pc, this.t, this.policyOf(pc)) : undefined;
  }

  /** "Load more…" on a group shows its next page; on the root it asks the loader for the next server pages. */
  loadMore(node: LoadMoreNode): TreeNode | undefined {
    return this.pager.loadMore(node);
  }

  refreshFor(changes: readonly CloudPcChange[]): TreeRefresh {
    if (changes.length === 0) return { root: false, nodes: [] };
    const policyFilter = this.filterValue.policyId;
    const bucketFilter = this.filterValue.bucket;
    const relevant = changes.filter((c) => {
      const sides = [c.before, c.after].filter((s): s is NonNullable<typeof s> => !!s);
      return sides.some(
        (s) => (!policyFilter || s.policyId === policyFilter) && (!bucketFilter || s.bucket === bucketFilter),
      );
    });
    const { nodes, scopes } = this.pager.refreshFor(relevant, () => [policyFilter ?? '*']);
    return { root: scopes.size > 0, nodes: [...nodes] };
  }

  /** A full reload: forget node identities and pages. */
  reset(): void {
    this.cache.clear();
    this.pager.reset();
    this.error = undefined;
  }
}

/** Tooltips computed on hover (resolveTreeItem), not for every row drawn. */
export function tooltipFor(
  node: TreeNode,
  store: CloudPcStore,
  t: Localize,
  policyName?: (pc: CloudPc) => string | undefined,
): string | undefined {
  if (node.kind !== 'cloudPc') return undefined;
  const pc = store.get(node.cloudPcId);
  return pc ? cloudPcTooltip(pc, t, policyName?.(pc)) : undefined;
}

const ACTION_TITLES: Record<string, string> = {
  refresh: 'Retry',
  signIn: 'Sign In',
  switchTenant: 'Switch Tenant',
  showLog: 'Show Log',
};

/** Shared by both views: the rows both trees have in common. */
export function presentNode(
  node: TreeNode,
  store: CloudPcStore,
  pager: StatusGroupPager,
  t: Localize,
  showPolicy: boolean,
): NodePresentation {
  switch (node.kind) {
    case 'statusGroup':
      return pager.present(node, t);
    case 'cloudPc': {
      const pc = store.get(node.cloudPcId);
      if (!pc) return { label: t('(removed)'), contextValue: 'removed', collapsible: 'none' };
      return presentCloudPc(pc, t, { showPolicy, now: store.now() });
    }
    case 'loadMore':
      return {
        label: t('Load more…'),
        tooltip: node.parentId ? t('Show the next {0} rows', 200) : t('Fetch the next pages from the service'),
        contextValue: 'loadMore',
        icon: { id: 'ellipsis' },
        collapsible: 'none',
        command: { command: 'cpcpolicy.loadMore', title: t('Load more…'), withNode: true },
      };
    case 'message':
      return {
        label: node.text,
        description: node.detail,
        tooltip: node.detail ? `${node.text}\n\n${node.detail}` : node.text,
        contextValue: node.tone === 'error' ? `message;error;${node.action ?? 'refresh'}` : `message;${node.tone}`,
        icon:
          node.tone === 'error'
            ? { id: 'error', color: 'errorForeground' }
            : node.tone === 'loading'
              ? { id: 'loading~spin' }
              : { id: 'info' },
        collapsible: 'none',
        command:
          node.tone === 'error'
            ? {
                command: `cpcpolicy.${node.action ?? 'refresh'}`,
                title: t(ACTION_TITLES[node.action ?? 'refresh'] ?? 'Retry'),
                withNode: false,
              }
            : undefined,
      };
    default:
      return { label: node.id, contextValue: node.kind, collapsible: 'none' };
  }
}
