// Assign a policy to groups: a multi-select group picker with search as you type (current assignments
// pre-selected, because assign replaces the whole set), Frontline service plan and allotment, then a
// what-if of who gets a Cloud PC before anything is applied.
import * as vscode from 'vscode';
import type { CloudPcApi } from '../../core/graph/cloudPcApi';
import type { LicenseDetails } from '../../core/model/directory';
import type { CloudPcProvisioningPolicy } from '../../core/model/provisioningPolicy';
import { provisioningKindOf } from '../../core/model/provisioningKind';
import type { CommandContext } from './commandContext';
import { errorText } from '../../core/model/errorText';
import { isFrontline, sampleName } from '../views/policyTreeModel';
import { reportError, withActionProgress } from './actionProgress';
import { reportResult } from './reportResult';
import { computeWhatIf } from '../../core/coverage/assignWhatIf';
import type { WhatIfGroup, WhatIfResult } from '../../core/coverage/assignWhatIf';
import { isTreeNode, pickPolicyId, policyIdOf } from './commandArgs';
import { cloudPcsEnteringGrace } from '../../core/coverage/graceCount';
import { confirm, decide } from './questions';
import { frontlineTargets, pickGroups } from './groupPicker';
import type { AssignTarget } from './groupPicker';

export interface AssignOptions {
  /** Only compute and return the what-if; assign nothing. */
  whatIfOnly?: boolean;
}

/** Users whose licenses the what-if reads at most (a big group shows the first ones). */
const WHAT_IF_MAX_USERS = 500;

const t = (message: string, ...args: (string | number)[]): string => vscode.l10n.t(message, ...args);

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

function toTargets(groups: unknown[]): AssignTarget[] {
  return groups
    .map((g) => (typeof g === 'string' ? { groupId: g } : (g as AssignTarget)))
    .filter((g) => typeof g?.groupId === 'string');
}

/** Everything the what-if needs, read from the directory and the other policies' assignments. */
export async function gatherWhatIf(
  api: CloudPcApi,
  policy: CloudPcProvisioningPolicy,
  targets: AssignTarget[],
  others: readonly CloudPcProvisioningPolicy[],
  existing: Parameters<typeof computeWhatIf>[0]['existing'],
  signal: AbortSignal,
): Promise<WhatIfResult> {
  const names = new Map<string, string>();
  const groups: WhatIfGroup[] = await mapLimit(targets, 4, async (target) => {
    const [group, members] = await Promise.all([
      api.getGroup(target.groupId, { signal }).catch(() => undefined),
      api.listGroupMembers(target.groupId, { signal }),
    ]);
    names.set(target.groupId, group?.displayName ?? target.groupId);
    // `$select` may drop `@odata.type`: a member without a UPN that resolves as a group is a nested group.
    const typed = await Promise.all(
      members.map(async (m) => {
        if (m['@odata.type'] || typeof (m as { userPrincipalName?: unknown }).userPrincipalName === 'string') return m;
        const nested = await api.getGroup(m.id, { signal }).catch(() => undefined);
        return nested
          ? { ...m, displayName: m.displayName ?? nested.displayName, '@odata.type': '#microsoft.graph.group' }
          : m;
      }),
    );
    return {
      id: target.groupId,
      displayName: group?.displayName ?? target.groupId,
      members: typed,
      allotment: target.allotmentLicensesCount,
    };
  });
  const userIds = [
    ...new Set(
      groups.flatMap((g) =>
        g.members
          .filter((m) => typeof (m as { userPrincipalName?: unknown }).userPrincipalName === 'string')
          .map((m) => m.id),
      ),
    ),
  ].slice(0, WHAT_IF_MAX_USERS);
  const licenses = new Map<string, LicenseDetails[] | { error: string }>();
  if (provisioningKindOf(policy.provisioningType).family === 'enterprise') {
    await mapLimit(userIds, 8, async (id) => {
      try {
        licenses.set(id, await api.listUserLicenseDetails(id, { signal }));
      } catch (err) {
        licenses.set(id, { error: errorText(err) });
      }
    });
  }
  // A user already covered by another policy of the same kind keeps that one: first assigned wins (docs/simulator.md rule 4).
  const coveredElsewhere = new Map<string, string>();
  const wanted = new Set(userIds);
  const sameKind = others.filter(
    (p) => p.id !== policy.id && isFrontline(p) === isFrontline(policy) && (p.assignments?.length ?? 0) > 0,
  );
  const otherGroups = new Map<string, string>();
  for (const p of sameKind)
    for (const a of p.assignments ?? [])
      if (!otherGroups.has(a.target.groupId)) otherGroups.set(a.target.groupId, p.displayName);
  await mapLimit([...otherGroups], 4, async ([groupId, policyName]) => {
    const members = await api.listGroupMembers(groupId, { signal }).catch(() => []);
    for (const m of members)
      if (wanted.has(m.id) && !coveredElsewhere.has(m.id)) coveredElsewhere.set(m.id, policyName);
  });
  for (const pc of existing) {
    if (pc.provisioningPolicyId === policy.id || !pc.userPrincipalName || pc.status === 'deprovisioning') continue;
    const other = others.find((p) => p.id === pc.provisioningPolicyId);
    if (!other || isFrontline(other) !== isFrontline(policy)) continue;
    for (const g of groups)
      for (const m of g.members) {
        if (
          (m as { userPrincipalName?: string }).userPrincipalName?.toLowerCase() ===
            pc.userPrincipalName.toLowerCase() &&
          !coveredElsewhere.has(m.id)
        )
          coveredElsewhere.set(m.id, other.displayName);
      }
  }
  return computeWhatIf(
    { policy, groups, licenses, coveredElsewhere, existing, sampleName: (upn) => sampleName(policy, upn) },
    t,
  );
}

type WhatIfItem = vscode.QuickPickItem & { action?: 'apply' | 'cancel' };

/** The what-if as a quick pick: Apply / Cancel on top, then who gets, keeps, is skipped, loses. */
export async function showWhatIf(
  policy: CloudPcProvisioningPolicy,
  whatIf: WhatIfResult,
  groupCount: number,
): Promise<boolean> {
  const limit = 200;
  const items: WhatIfItem[] = [
    {
      label: `$(check) ${t('Apply')}`,
      description: t('assign "{0}" to {1} group(s)', policy.displayName, groupCount),
      action: 'apply',
      alwaysShow: true,
    },
    { label: `$(close) ${t('Cancel')}`, action: 'cancel', alwaysShow: true },
  ];
  const section = <T>(title: string, rows: T[], toItem: (row: T) => WhatIfItem): void => {
    if (rows.length === 0) return;
    items.push({ label: `${title} (${rows.length})`, kind: vscode.QuickPickItemKind.Separator });
    items.push(...rows.slice(0, limit).map(toItem));
    if (rows.length > limit) items.push({ label: t('…and {0} more', rows.length - limit) });
  };
  section(t('Will get a Cloud PC'), whatIf.gets, (u) => ({
    label: `$(vm) ${u.name}`,
    description: u.userPrincipalName,
    detail: t('sample name {0} · via {1}', u.sampleName, u.group),
  }));
  section(t('Keep their Cloud PC'), whatIf.keeps, (u) => ({
    label: `$(pass) ${u.name}`,
    description: u.userPrincipalName,
  }));
  section(t('Skipped'), whatIf.skipped, (s) => ({
    label: `$(circle-slash) ${s.name}`,
    description: s.reason,
    detail: s.userPrincipalName ? `${s.userPrincipalName} · ${s.group}` : s.group,
  }));
  section(t('Cloud PC goes into the 7-day grace period'), whatIf.loses, (l) => ({ label: `$(clock) ${l.name}` }));
  section(t('Shared Cloud PC pools'), whatIf.pools, (p) => ({
    label: `$(server) ${p.group}`,
    description: t('{0} shared Cloud PCs', p.count),
  }));
  const pick = vscode.window.createQuickPick<WhatIfItem>();
  pick.title = t(
    'What if "{0}" is assigned: {1} get a Cloud PC, {2} skipped',
    policy.displayName,
    whatIf.gets.length,
    whatIf.skipped.length,
  );
  pick.placeholder = t('Review, then choose Apply or Cancel');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = items;
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: boolean): void => {
      if (done) return;
      done = true;
      resolve(value);
      pick.hide();
    };
    pick.onDidAccept(() => {
      const action = pick.activeItems[0]?.action;
      if (action) finish(action === 'apply');
    });
    pick.onDidHide(() => {
      finish(false);
      pick.dispose();
    });
    pick.show();
  });
}

export async function assign(
  ctx: CommandContext,
  arg: unknown,
  groupsArg: unknown,
  options: AssignOptions = {},
): Promise<WhatIfResult | void> {
  const policyId = policyIdOf(arg) ?? (await pickPolicyId(ctx.sidebar, t('Assign which policy?')));
  if (!policyId) return;
  try {
    const policy = await ctx.api.getPolicy(policyId, { signal: ctx.signal });
    const others = await ctx.sidebar.policies();
    await ctx.sidebar.cloudPcs();
    let targets: AssignTarget[];
    if (Array.isArray(groupsArg)) {
      // Groups given as an argument skip the picker, never the what-if question.
      targets = toTargets(groupsArg);
      if (options.whatIfOnly) {
        return await gatherWhatIf(ctx.api, policy, targets, others, await ctx.sidebar.cloudPcs(), ctx.signal);
      }
    } else {
      const names = await ctx.sidebar.assignedGroupNames(policyId);
      const groups = await pickGroups(ctx.api, policy, names, ctx.signal);
      if (!groups) return;
      const picked = isFrontline(policy)
        ? await frontlineTargets(ctx.api, policy, groups, ctx.signal)
        : groups.map((g) => ({ groupId: g.groupId }));
      if (!picked) return;
      targets = picked;
    }
    const whatIf = await withActionProgress(ctx, t('Working out who gets a Cloud PC…'), async (signal) =>
      gatherWhatIf(ctx.api, policy, targets, others, await ctx.sidebar.cloudPcs(), signal),
    );
    const go = await decide(
      ctx.backends.kind,
      {
        message: t('Assign "{0}" to {1} group(s)?', policy.displayName, targets.length),
        detail: t(
          '{0} get a Cloud PC, {1} keep theirs, {2} skipped, {3} enter the 7-day grace period.',
          whatIf.gets.length,
          whatIf.keeps.length,
          whatIf.skipped.length,
          whatIf.loses.length,
        ),
        proceed: t('Apply'),
      },
      () => showWhatIf(policy, whatIf, targets.length),
    );
    if (!go) return;
    await withActionProgress(ctx, t('Assigning "{0}"', policy.displayName), (signal) =>
      ctx.api.assignPolicy(
        policyId,
        targets.map((target) => ({ target })),
        { signal },
      ),
    );
    reportResult(
      ctx,
      t(
        'Assigned "{0}" to {1} group(s): {2} Cloud PC(s) being provisioned, {3} entering the grace period.',
        policy.displayName,
        targets.length,
        whatIf.gets.length,
        whatIf.loses.length,
      ),
    );
  } catch (err) {
    reportError(ctx, t('Assign failed'), err);
  }
  await ctx.sidebar.assignmentsChanged(policyId);
}

/** Removes one group from a policy's assignments (the rest are re-sent: assign replaces the set). */
export async function removeAssignment(ctx: CommandContext, arg: unknown, groupIdArg?: unknown): Promise<void> {
  const policyId = policyIdOf(arg);
  const groupId =
    isTreeNode(arg) && arg.kind === 'assignment'
      ? arg.groupId
      : typeof groupIdArg === 'string'
        ? groupIdArg
        : undefined;
  if (!policyId || !groupId) return;
  try {
    const policy = await ctx.api.getPolicy(policyId, { signal: ctx.signal });
    const [groupName, losing] = await Promise.all([
      ctx.api.getGroup(groupId, { signal: ctx.signal }).then(
        (g) => g.displayName,
        () => groupId,
      ),
      cloudPcsEnteringGrace(ctx.api, policy, [groupId], () => ctx.sidebar.cloudPcs(), ctx.signal),
    ]);
    const go = await confirm(ctx.backends.kind, {
      message: t('Remove the group "{0}" from "{1}"?', groupName, policy.displayName),
      detail:
        losing === undefined
          ? t("Its members' Cloud PCs from this policy enter the 7-day grace period, then are deprovisioned.")
          : t(
              '{0} Cloud PC(s) from this policy enter the 7-day grace period, then are deprovisioned; assigning the group again within 7 days keeps them.',
              losing,
            ),
      proceed: t('Remove Assignment'),
      keep: t('Keep the Assignment'),
    });
    if (!go) return;
    const rest = (policy.assignments ?? [])
      .filter((a) => a.target.groupId !== groupId)
      .map((a) => ({ target: a.target }));
    await withActionProgress(ctx, t('Removing the assignment'), (signal) =>
      ctx.api.assignPolicy(policyId, rest, { signal }),
    );
    reportResult(ctx, t('Removed "{0}" from "{1}".', groupName, policy.displayName));
  } catch (err) {
    reportError(ctx, t('Remove assignment failed'), err);
  }
  await ctx.sidebar.assignmentsChanged(policyId);
}
