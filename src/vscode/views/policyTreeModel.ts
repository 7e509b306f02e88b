// The "Provisioning Policies" view as plain data: a node per policy (type and Cloud PC counts, a tooltip
// with image, network, naming template and a sample name), its assignments and its Cloud PCs by status.
import { isFrontlineType, provisioningKindOf } from '../../core/model/provisioningKind';
import type { CloudPcProvisioningPolicy } from '../../core/model/provisioningPolicy';
import { effectiveNamingTemplate, sampleName } from '../../core/policy/sampleName';
import { escapeMd, formatDateTime } from './cloudPcPresentation';
import type { CloudPcChange, CloudPcStore } from './cloudPcStore';
import type { TreeRefresh } from './cloudPcTreeModel';
import { presentNode, tooltipFor } from './cloudPcTreeModel';
import { StatusGroupPager } from './statusGroupPager';
import type { LoadMoreNode } from './statusGroupPager';
import { NodeCache, plainLocalize } from './treeNodes';
import type { Localize, NodePresentation, TreeNode } from './treeNodes';

/** What the Assignments node shows per group, loaded lazily when it is expanded. */
export type AssignmentGroupInfo = { displayName: string; memberCount: number } | { error: string };

/** "Enterprise", "Frontline dedicated", "Frontline shared", "Reserve"; a type we do not know yet as written. */
export function provisioningTypeLabel(type: string | null | undefined, t: Localize): string {
  const kind = provisioningKindOf(type);
  return kind.family === 'unknown' ? String(type) : t(kind.label);
}

export class PolicyTreeModel {
  readonly cache = new NodeCache();
  readonly pager: StatusGroupPager;
  private policies: CloudPcProvisioningPolicy[] = [];
  private readonly byId = new Map<string, CloudPcProvisioningPolicy>();
  readonly groupInfo = new Map<string, AssignmentGroupInfo>();
  readonly servicePlanNames = new Map<string, string>();
  loaded = false;
  error: string | undefined;
  /** What fixes the error (a command id without its prefix): Sign In, Switch Tenant, Show Log, Retry. */
  errorAction: string | undefined;
  /** The user the tooltip's sample name is made for. */
  sampleUser = 'adele.vance@contoso.com';

  constructor(
    readonly store: CloudPcStore,
    private readonly t: Localize = plainLocalize,
  ) {
    this.pager = new StatusGroupPager(store, this.cache, 'pol');
  }

  policy(id: string): CloudPcProvisioningPolicy | undefined {
    return this.byId.get(id);
  }

  allPolicies(): readonly CloudPcProvisioningPolicy[] {
    return this.policies;
  }

  /** Takes a fresh list; returns what to redraw (the root when policies came or went). */
  setPolicies(list: readonly CloudPcProvisioningPolicy[]): TreeRefresh {
    const sorted = [...list].sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
    const sameSet =
      this.loaded &&
      sorted.length === this.policies.length &&
      sorted.every((p, i) => p.id === this.policies[i].id && p.displayName === this.policies[i].displayName);
    const changed: TreeNode[] = [];
    if (sameSet) {
      for (const p of sorted) {
        const old = this.byId.get(p.id);
        if (old && JSON.stringify(old) === JSON.stringify(p)) continue;
        for (const id of [`pol:${p.id}`, `pol:${p.id}:assignments`]) {
          const node = this.cache.peek(id);
          if (node) changed.push(node);
        }
      }
    }
    this.policies = sorted;
    this.byId.clear();
    for (const p of sorted) this.byId.set(p.id, p);
    this.loaded = true;
    this.error = undefined;
    return { root: !sameSet, nodes: changed };
  }

  roots(): TreeNode[] {
    const error = this.error
      ? this.cache.get({
          kind: 'message',
          id: `pol:error:${this.errorAction ?? 'refresh'}:${this.error}`,
          tone: 'error',
          text: this.error,
          action: this.errorAction,
        })
      : undefined;
    if (!this.loaded)
      return [
        error ??
          this.cache.get({
            kind: 'message',
            id: 'pol:loading',
            tone: 'loading',
            text: this.t('Loading provisioning policies…'),
          }),
      ];
    const rows: TreeNode[] = this.policies.map((p) =>
      this.cache.get({ kind: 'policy', id: `pol:${p.id}`, policyId: p.id }),
    );
    return error ? [error, ...rows] : rows;
  }

  children(node?: TreeNode): TreeNode[] {
    if (!node) return this.roots();
    switch (node.kind) {
      case 'policy':
        return [
          this.cache.get({ kind: 'assignments', id: `pol:${node.policyId}:assignments`, policyId: node.policyId }),
          ...this.pager.groups(node.policyId),
        ];
      case 'assignments':
        return (this.byId.get(node.policyId)?.assignments ?? []).map((a) =>
          this.cache.get({
            kind: 'assignment',
            id: `pol:${node.policyId}:assignment:${a.target.groupId}`,
            policyId: node.policyId,
            groupId: a.target.groupId,
          }),
        );
      case 'statusGroup':
        return this.pager.children(node);
      default:
        return [];
    }
  }

  /** Group ids under a policy's Assignments node whose details are not loaded yet. */
  missingGroupInfo(policyId: string): string[] {
    return (this.byId.get(policyId)?.assignments ?? [])
      .map((a) => a.target.groupId)
      .filter((g) => !this.groupInfo.has(g));
  }

  present(node: TreeNode): NodePresentation {
    switch (node.kind) {
      case 'policy':
        return this.presentPolicy(node.policyId);
      case 'assignments': {
        const n = this.byId.get(node.policyId)?.assignments?.length ?? 0;
        return {
          label: this.t('Assignments'),
          description: n === 0 ? this.t('none') : n === 1 ? this.t('1 group') : this.t('{0} groups', n),
          tooltip: this.t('Groups this policy is assigned to. Assigning replaces the whole set.'),
          contextValue: `assignments;${n > 0 ? 'assigned' : 'unassigned'}`,
          icon: { id: 'organization' },
          collapsible: n > 0 ? 'collapsed' : 'none',
        };
      }
      case 'assignment':
        return this.presentAssignment(node.policyId, node.groupId);
      default:
        return presentNode(node, this.store, this.pager, this.t, false);
    }
  }

  contextValue(policy: CloudPcProvisioningPolicy): string {
    const tokens = ['policy', (policy.assignments?.length ?? 0) > 0 ? 'assigned' : 'unassigned'];
    if (this.store.count('failed', policy.id) > 0) tokens.push('hasFailed');
    if (isFrontlineType(policy.provisioningType)) tokens.push('frontline');
    if (this.store.countPolicy(policy.id) > 0) tokens.push('hasCloudPcs');
    return tokens.join(';');
  }

  private presentPolicy(policyId: string): NodePresentation {
    const p = this.byId.get(policyId);
    if (!p) return { label: this.t('(removed)'), contextValue: 'removed', collapsible: 'none' };
    const total = this.store.countPolicy(p.id);
    const failed = this.store.count('failed', p.id);
    const parts = [provisioningTypeLabel(p.provisioningType, this.t)];
    // Counts only once Cloud PCs loaded: "0 PCs" would be a claim, not a fact.
    if (this.store.loaded) parts.push(total === 1 ? this.t('1 PC') : this.t('{0} PCs', total));
    if (failed > 0) parts.push(this.t('{0} failed', failed));
    if ((p.assignments?.length ?? 0) === 0) parts.push(this.t('not assigned'));
    return {
      label: p.displayName,
      description: parts.join(' · '),
      tooltip: this.policyTooltip(p),
      contextValue: this.contextValue(p),
      icon: failed > 0 ? { id: 'shield', color: 'testing.iconFailed' } : { id: 'shield' },
      collapsible: 'collapsed',
    };
  }

  private policyTooltip(p: CloudPcProvisioningPolicy): string {
    const t = this.t;
    const template = effectiveNamingTemplate(p);
    const sample = sampleName(p, this.sampleUser);
    const lines = [
      `**${escapeMd(p.displayName)}**`,
      p.description ? `\n${escapeMd(p.description)}\n` : '',
      `${t('Type')}: ${provisioningTypeLabel(p.provisioningType, t)} (${p.provisioningType ?? 'dedicated'})  `,
      `${t('Image')}: ${escapeMd(p.imageDisplayName || p.imageId || '—')}  `,
      `${t('Network')}: ${escapeMd(networkSummary(p, t))}  `,
      `${t('Naming template')}: \`${template}\`${sample ? ` → \`${sample}\` (${escapeMd(this.sampleUser)})` : ''}  `,
      `${t('Single sign-on')}: ${p.enableSingleSignOn ? t('on') : t('off')}  `,
      `${t('Created')}: ${formatDateTime(p.createdDateTime) || '—'}  `,
      `${t('Modified')}: ${formatDateTime(p.lastModifiedDateTime) || '—'}`,
    ];
    return lines.filter(Boolean).join('\n');
  }

  private presentAssignment(policyId: string, groupId: string): NodePresentation {
    const target = this.byId.get(policyId)?.assignments?.find((a) => a.target.groupId === groupId)?.target;
    const info = this.groupInfo.get(groupId);
    const parts: string[] = [];
    if (!info) parts.push(this.t('loading…'));
    else if ('error' in info) parts.push(info.error);
    else parts.push(info.memberCount === 1 ? this.t('1 member') : this.t('{0} members', info.memberCount));
    if (target?.servicePlanId) parts.push(this.servicePlanNames.get(target.servicePlanId) ?? target.servicePlanId);
    if (target?.allotmentLicensesCount) parts.push(this.t('allotment {0}', target.allotmentLicensesCount));
    const label = info && !('error' in info) ? info.displayName : groupId;
    return {
      label,
      description: parts.join(' · '),
      tooltip: `${escapeMd(label)}\n\n${this.t('Group id')}: \`${groupId}\``,
      contextValue: `assignment${target?.servicePlanId ? ';frontline' : ''}`,
      icon: info && 'error' in info ? { id: 'error', color: 'testing.iconFailed' } : { id: 'person' },
      collapsible: 'none',
    };
  }

  tooltip(node: TreeNode): string | undefined {
    // Under its policy's row: the policy's name now, not the one the Cloud PC was read with.
    return tooltipFor(node, this.store, this.t, (pc) => this.byId.get(pc.provisioningPolicyId ?? '')?.displayName);
  }

  loadMore(node: LoadMoreNode): TreeNode | undefined {
    return this.pager.loadMore(node);
  }

  /** Cloud PC changes: the rows and groups that moved, and the policy rows whose counts changed. */
  refreshFor(changes: readonly CloudPcChange[]): TreeRefresh {
    const { nodes, scopes } = this.pager.refreshFor(changes, (policyId) => [policyId]);
    for (const scope of scopes) {
      const node = this.cache.peek(`pol:${scope}`);
      if (node) nodes.add(node);
    }
    // Counts in the policy's description change whenever a Cloud PC enters or leaves a group.
    for (const c of changes) {
      if (c.before && c.after && c.before.bucket === c.after.bucket && c.before.policyId === c.after.policyId) continue;
      for (const side of [c.before, c.after]) {
        const node = side && this.cache.peek(`pol:${side.policyId}`);
        if (node) nodes.add(node);
      }
    }
    return { root: false, nodes: [...nodes] };
  }

  reset(): void {
    this.cache.clear();
    this.pager.reset();
    this.groupInfo.clear();
    this.error = undefined;
  }
}

export function networkSummary(p: CloudPcProvisioningPolicy, t: Localize): string {
  const configs = p.domainJoinConfigurations ?? [];
  if (configs.length === 0) return t('not set');
  return configs
    .map((d) => {
      const join = d.domainJoinType ?? d.type ?? 'azureADJoin';
      if (d.onPremisesConnectionId) return `${join}, ${t('Azure network connection')} ${d.onPremisesConnectionId}`;
      return `${join}, ${t('Microsoft-hosted')} ${[d.regionGroup, d.regionName].filter(Boolean).join('/')}`;
    })
    .join('; ');
}
