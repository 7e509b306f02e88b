// Assign a policy to groups: a multi-select group picker with search as you type (current assignments
// pre-selected, because assign replaces the whole set), Frontline service plan and allotment, then a
// what-if of who gets a Cloud PC before anything is applied.
import * as vscode from 'vscode';
import type { CloudPcApi } from '../../core/graph/cloudPcApi';
import type { CloudPc } from '../../core/model/cloudPc';
import type { CloudPcProvisioningPolicy } from '../../core/model/provisioningPolicy';
import type { CommandContext } from './commandContext';
import { isFrontlineType } from '../../core/model/provisioningKind';
import { reportError, withActionProgress } from './actionProgress';
import { reportResult } from './reportResult';
import type { WhatIfResult } from '../../core/coverage/assignWhatIf';
import { gatherWhatIf as gatherCoreWhatIf } from '../../core/coverage/gatherWhatIf';
import { isTreeNode, pickPolicyId, policyIdOf } from './commandArgs';
import { cloudPcsEnteringGrace } from '../../core/coverage/graceCount';
import { confirm, decide } from './questions';
import { frontlineTargets, pickGroups } from './groupPicker';
import type { AssignTarget } from './groupPicker';

export interface AssignOptions {
  /** Only compute and return the what-if; assign nothing. */
  whatIfOnly?: boolean;
}

const t = (message: string, ...args: (string | number)[]): string => vscode.l10n.t(message, ...args);

function toTargets(groups: unknown[]): AssignTarget[] {
  return groups
    .map((g) => (typeof g === 'string' ? { groupId: g } : (g as AssignTarget)))
    .filter((g) => typeof g?.groupId === 'string');
}

/** Everything the what-if needs, read from the directory and the other policies' assignments (core/coverage). */
export function gatherWhatIf(
  api: CloudPcApi,
  policy: CloudPcProvisioningPolicy,
  targets: AssignTarget[],
  others: readonly CloudPcProvisioningPolicy[],
  existing: readonly CloudPc[],
  signal: AbortSignal,
): Promise<WhatIfResult> {
  return gatherCoreWhatIf(api, policy, targets, others, existing, signal, t);
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
      const picked = isFrontlineType(policy.provisioningType)
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
