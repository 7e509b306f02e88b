// Status groups of Cloud PCs (for the whole tenant or one policy) and their pages: "Load more…" shows the
// next PAGE_SIZE rows, so a group of 5,000 renders 200 rows, not 5,000.
import { BUCKET_ICONS, BUCKET_LABELS, STATUS_BUCKETS } from './cloudPcStatusBuckets';
import type { StatusBucket } from './cloudPcStatusBuckets';
import type { CloudPcChange, CloudPcStore } from './cloudPcStore';
import type { Localize, NodeCache, NodePresentation, TreeNode } from './treeNodes';

export const PAGE_SIZE = 200;

export type StatusGroupNode = Extract<TreeNode, { kind: 'statusGroup' }>;
export type LoadMoreNode = Extract<TreeNode, { kind: 'loadMore' }>;

/** What a batch of Cloud PC changes requires the tree to redraw; `parents` = scopes whose group set changed. */
export interface GroupRefresh {
  nodes: Set<TreeNode>;
  /** Policy ids ('*' for the tenant-wide scope) whose list of groups appeared/disappeared or counts changed. */
  scopes: Set<string>;
}

export class StatusGroupPager {
  private readonly limits = new Map<string, number>();

  constructor(
    private readonly store: CloudPcStore,
    private readonly cache: NodeCache,
    private readonly prefix: string,
  ) {}

  groupId(bucket: StatusBucket, policyId?: string): string {
    return `${this.prefix}:group:${policyId ?? '*'}:${bucket}`;
  }

  /** The bucket is part of the id: a Cloud PC that changes group is a new row, never a duplicate id. */
  cloudPcId(id: string, bucket: StatusBucket): string {
    return `${this.prefix}:pc:${bucket}:${id}`;
  }

  /** Non-empty groups in display order (optionally only one bucket). */
  groups(policyId?: string, only?: StatusBucket): StatusGroupNode[] {
    const out: StatusGroupNode[] = [];
    for (const bucket of STATUS_BUCKETS) {
      if (only && bucket !== only) continue;
      if (this.store.count(bucket, policyId) === 0) continue;
      out.push(this.cache.get({ kind: 'statusGroup', id: this.groupId(bucket, policyId), bucket, policyId }));
    }
    return out;
  }

  children(group: StatusGroupNode): TreeNode[] {
    const list = this.store.list(group.bucket, group.policyId);
    const limit = this.limits.get(group.id) ?? PAGE_SIZE;
    const out: TreeNode[] = [];
    const end = Math.min(limit, list.length);
    for (let i = 0; i < end; i++)
      out.push(
        this.cache.get({ kind: 'cloudPc', id: this.cloudPcId(list[i].id, group.bucket), cloudPcId: list[i].id }),
      );
    if (list.length > limit) out.push(this.cache.get({ kind: 'loadMore', id: `${group.id}:more`, parentId: group.id }));
    return out;
  }

  /** Shows the group's pages up to row `index` (a revealed row must be on a shown page). */
  showRow(groupId: string, index: number): void {
    const limit = Math.ceil((index + 1) / PAGE_SIZE) * PAGE_SIZE;
    if (limit > (this.limits.get(groupId) ?? PAGE_SIZE)) this.limits.set(groupId, limit);
  }

  /** Shows the next page of a group; returns the group to redraw. */
  loadMore(node: LoadMoreNode): TreeNode | undefined {
    if (!node.parentId) return undefined;
    this.limits.set(node.parentId, (this.limits.get(node.parentId) ?? PAGE_SIZE) + PAGE_SIZE);
    return this.cache.peek(node.parentId);
  }

  present(group: StatusGroupNode, t: Localize): NodePresentation {
    const n = this.store.count(group.bucket, group.policyId);
    return {
      label: t(BUCKET_LABELS[group.bucket]),
      description: String(n),
      tooltip: t('{0} Cloud PCs: {1}', n, t(BUCKET_LABELS[group.bucket])),
      contextValue: `statusGroup;${group.bucket}${group.policyId ? ';policyScope' : ''}`,
      icon: BUCKET_ICONS[group.bucket],
      collapsible: group.bucket === 'failed' ? 'expanded' : 'collapsed',
    };
  }

  /**
   * The smallest set of nodes to redraw: a Cloud PC that stayed in its group redraws only its row;
   * one that moved redraws the two groups; a group that appeared or emptied redraws its parent scope.
   */
  refreshFor(changes: readonly CloudPcChange[], scopeOf: (policyId: string) => string[]): GroupRefresh {
    const nodes = new Set<TreeNode>();
    const scopes = new Set<string>();
    const touchGroup = (bucket: StatusBucket, policyId: string): void => {
      for (const scope of scopeOf(policyId)) {
        const pid = scope === '*' ? undefined : scope;
        const count = this.store.count(bucket, pid);
        const node = this.cache.peek(this.groupId(bucket, pid));
        // Appeared (count 1 and never shown) or emptied: the parent's list of groups changed.
        if (count === 0 || !node) scopes.add(scope);
        else nodes.add(node);
        if (count === 0 && node) this.cache.delete(node.id);
      }
    };
    for (const c of changes) {
      if (c.before && c.after && c.before.bucket === c.after.bucket && c.before.policyId === c.after.policyId) {
        const node = this.cache.peek(this.cloudPcId(c.id, c.after.bucket));
        if (node) nodes.add(node);
        continue;
      }
      if (c.before) this.cache.delete(this.cloudPcId(c.id, c.before.bucket));
      if (c.before) touchGroup(c.before.bucket, c.before.policyId);
      if (c.after) touchGroup(c.after.bucket, c.after.policyId);
    }
    return { nodes, scopes };
  }

  reset(): void {
    this.limits.clear();
  }
}
