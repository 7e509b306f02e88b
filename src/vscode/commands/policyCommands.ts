// Actions on provisioning policies: retry, apply region / single sign-on to existing Cloud PCs, delete;
// and the view plumbing: filter the Cloud PCs view, "Load more…".
import * as vscode from 'vscode';
import { WhatIfReader } from '../../core/deploy/deployWhatIf';
import { isGraphError } from '../../core/graph/graphError';
import { errorText } from '../../core/model/errorText';
import type { CloudPcPolicySettingType } from '../../core/model/provisioningPolicy';
import type { CommandContext } from './commandContext';
import { BUCKET_LABELS, STATUS_BUCKETS } from '../views/cloudPcStatusBuckets';
import type { StatusBucket } from '../views/cloudPcStatusBuckets';
import type { CloudPcFilter } from '../views/sidebarIntents';
import { reportError, withActionProgress } from './actionProgress';
import { reportResult } from './reportResult';
import { cloudPcIdsOf, isTreeNode, pickPolicyId, policyIdOf } from './commandArgs';
import { reprovisionCloudPcs } from './cloudPcCommands';
import { confirm, confirmByTyping } from './questions';

/**
 * Retry on a policy calls the service's policy retry; on one failed Cloud PC it reprovisions that Cloud PC
 * (a failed provisioning holds no user data, so no confirmation).
 */
export async function retry(ctx: CommandContext, arg: unknown, selection: unknown): Promise<void> {
  const pcIds =
    isTreeNode(arg) && arg.kind === 'cloudPc'
      ? cloudPcIdsOf(arg, selection)
      : cloudPcIdsOf(typeof arg === 'object' && arg !== null && 'cloudPcId' in arg ? arg : undefined);
  if (pcIds.length > 0) {
    await reprovisionCloudPcs(ctx, pcIds, 'retry');
    return;
  }
  const policyId =
    policyIdOf(arg) ?? (await pickPolicyId(ctx.sidebar, vscode.l10n.t('Retry the failed Cloud PCs of which policy?')));
  if (!policyId) return;
  try {
    const failed = ctx.sidebar.countKnownCloudPcs({ bucket: 'failed', policyId });
    await withActionProgress(ctx, vscode.l10n.t('Retrying the policy'), (signal) =>
      ctx.api.retryPolicy(policyId, { signal }),
    );
    reportResult(
      ctx,
      vscode.l10n.t(
        'Retrying provisioning of {0} failed Cloud PC(s) of "{1}".',
        failed,
        ctx.sidebar.knownPolicy(policyId)?.displayName ?? policyId,
      ),
    );
  } catch (err) {
    reportError(ctx, vscode.l10n.t('Retry failed'), err);
  }
  await ctx.sidebar.cloudPcsChanged(ctx.sidebar.knownCloudPcs({ bucket: 'failed', policyId }).map((pc) => pc.id));
}

/** The policy's delivered Cloud PCs, which restart when a setting is applied, listed from the backend. */
async function restartingCloudPcs(ctx: CommandContext, policyId: string): Promise<number | { error: string }> {
  try {
    const pcs = await new WhatIfReader(ctx.api, ctx.signal).cloudPcsOf(policyId);
    return pcs.filter((pc) => pc.status === 'provisioned' || pc.status === 'provisionedWithWarnings').length;
  } catch (err) {
    return { error: errorText(err) };
  }
}

export async function applySettings(ctx: CommandContext, arg: unknown, setting: unknown): Promise<void> {
  const policyId =
    policyIdOf(arg) ?? (await pickPolicyId(ctx.sidebar, vscode.l10n.t('Apply the settings of which policy?')));
  if (!policyId) return;
  let policySettings =
    setting === 'region' || setting === 'singleSignOn' ? (setting as CloudPcPolicySettingType) : undefined;
  if (!policySettings) {
    const picked = await vscode.window.showQuickPick(
      [
        {
          label: vscode.l10n.t('Region'),
          description: 'region',
          detail: vscode.l10n.t("Move existing Cloud PCs to the policy's current region"),
          value: 'region' as const,
        },
        {
          label: vscode.l10n.t('Single sign-on'),
          description: 'singleSignOn',
          detail: vscode.l10n.t('Turn single sign-on on or off on existing Cloud PCs'),
          value: 'singleSignOn' as const,
        },
      ],
      { title: vscode.l10n.t('Apply which setting to the existing Cloud PCs?') },
    );
    if (!picked) return;
    policySettings = picked.value;
  }
  const what = policySettings === 'region' ? vscode.l10n.t('the region') : vscode.l10n.t('single sign-on');
  const name = ctx.sidebar.knownPolicy(policyId)?.displayName ?? policyId;
  // Apply changes delivered Cloud PCs in use (a region move restarts each one): it asks on every backend,
  // whatever the arguments (docs/simulator.md "The behaviour it models": apply reaches provisioned ones).
  // Counted from the backend, not from the views (which may have loaded nothing, or only the first pages).
  const count = await restartingCloudPcs(ctx, policyId);
  const go = await confirm(ctx.backends.kind, {
    message: vscode.l10n.t('Apply {0} of "{1}" to its existing Cloud PCs?', what, name),
    detail:
      typeof count === 'number'
        ? vscode.l10n.t(
            '{0} Cloud PC(s) change: each restarts while the setting is applied, and a signed-in user is disconnected.',
            count,
          )
        : vscode.l10n.t(
            'Every provisioned Cloud PC of the policy changes (how many could not be read: {0}): each restarts while the setting is applied, and a signed-in user is disconnected.',
            count.error,
          ),
    proceed: vscode.l10n.t('Apply'),
    keep: vscode.l10n.t('Keep'),
  });
  if (!go) return;
  try {
    await withActionProgress(ctx, vscode.l10n.t('Applying {0} to existing Cloud PCs', what), (signal) =>
      ctx.api.applyPolicy(policyId, { policySettings }, { signal }),
    );
    reportResult(
      ctx,
      vscode.l10n.t(
        'Applying {0} of "{1}" to its {2} Cloud PC(s): they show as updating until done.',
        what,
        name,
        typeof count === 'number' ? count : '?',
      ),
    );
  } catch (err) {
    reportError(ctx, vscode.l10n.t('Apply failed'), err);
  }
  await ctx.sidebar.cloudPcsChanged();
}

/**
 * Deletes a policy after the admin types its name (cannot be undone); assignments must go first
 * (docs/simulator.md, rule 9), so one question covers removing them and says how many Cloud PCs enter the grace period.
 */
export async function deletePolicy(ctx: CommandContext, arg: unknown): Promise<boolean> {
  const policyId = policyIdOf(arg) ?? (await pickPolicyId(ctx.sidebar, vscode.l10n.t('Delete which policy?')));
  if (!policyId) return false;
  // Fresh from the service: the view's copy may lag behind a change made elsewhere.
  const policy = await ctx.api
    .getPolicy(policyId, { signal: ctx.signal })
    .catch(() => ctx.sidebar.knownPolicy(policyId));
  const name = policy?.displayName ?? policyId;
  const assigned = policy?.assignments?.length ?? 0;
  const pcs = (await ctx.sidebar.cloudPcs()).filter(
    (pc) => pc.provisioningPolicyId === policyId && pc.status !== 'inGracePeriod' && pc.status !== 'deprovisioning',
  ).length;
  const go = await confirmByTyping(ctx.backends.kind, {
    message: vscode.l10n.t('Delete the provisioning policy "{0}"?', name),
    detail:
      assigned > 0
        ? vscode.l10n.t(
            'Its {0} assignment(s) are removed first: its {1} Cloud PC(s) enter the 7-day grace period, then are deprovisioned. Deleting cannot be undone.',
            assigned,
            pcs,
          )
        : vscode.l10n.t('It has no assignments. Deleting cannot be undone.'),
    expected: name,
  });
  if (!go) return false;
  try {
    await withActionProgress(ctx, vscode.l10n.t('Deleting "{0}"', name), async (signal) => {
      if (assigned > 0) await ctx.api.assignPolicy(policyId, [], { signal });
      // The delete may be refused for a moment after the unassign: retried as other tools do (docs/service-facts.md, "Provisioning lifecycle").
      for (let attempt = 1; ; attempt++) {
        try {
          await ctx.api.deletePolicy(policyId, { signal });
          return;
        } catch (err) {
          if (attempt >= 3 || !isGraphError(err) || err.status !== 400 || assigned === 0) throw err;
          await new Promise((resolve) => setTimeout(resolve, 2_000));
        }
      }
    });
    reportResult(ctx, vscode.l10n.t('Deleted the policy "{0}".', name));
  } catch (err) {
    reportError(ctx, vscode.l10n.t('Delete failed'), err);
    return false;
  } finally {
    await ctx.sidebar.assignmentsChanged(policyId);
  }
  return true;
}

/** Filters the Cloud PCs view: by the given filter, or by what the admin picks (a status, a policy). */
export async function filterCloudPcs(ctx: CommandContext, arg: unknown): Promise<void> {
  const { sidebar } = ctx;
  if (typeof arg === 'object' && arg !== null && !isTreeNode(arg)) {
    const f = arg as CloudPcFilter;
    sidebar.showCloudPcs({
      policyId: f.policyId,
      bucket: f.bucket,
      // A deleted policy (a Fleet Overview bar) is named by what its Cloud PCs carry, never its id.
      policyName: f.policyId
        ? (sidebar.knownPolicy(f.policyId)?.displayName ??
          sidebar.knownCloudPcs({ policyId: f.policyId })[0]?.provisioningPolicyName ??
          undefined)
        : undefined,
    });
    return;
  }
  const policies = await sidebar.policies();
  type Item = vscode.QuickPickItem & { filter?: CloudPcFilter };
  const { filter: current, description } = sidebar.cloudPcFilter;
  const items: Item[] = [
    { label: `$(clear-all) ${vscode.l10n.t('All Cloud PCs')}`, filter: {} },
    { label: vscode.l10n.t('Status'), kind: vscode.QuickPickItemKind.Separator },
    ...STATUS_BUCKETS.filter((bucket) => sidebar.countKnownCloudPcs({ bucket }) > 0).map(
      (bucket: StatusBucket): Item => ({
        label: vscode.l10n.t(BUCKET_LABELS[bucket]),
        description: String(sidebar.countKnownCloudPcs({ bucket })),
        filter: { ...current, bucket },
      }),
    ),
    { label: vscode.l10n.t('Policy'), kind: vscode.QuickPickItemKind.Separator },
    ...policies.map((p): Item => ({
      label: p.displayName,
      description: String(sidebar.countKnownCloudPcs({ policyId: p.id })),
      filter: { ...current, policyId: p.id, policyName: p.displayName },
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Show which Cloud PCs?'),
    placeHolder: description,
  });
  if (picked?.filter) sidebar.showCloudPcs(picked.filter);
}

/** Show, from a policy's CodeLens: the policy's Cloud PCs in the Cloud PCs view. */
export async function showPolicyCloudPcs(ctx: CommandContext, policyId: unknown): Promise<void> {
  if (typeof policyId !== 'string') return;
  await filterCloudPcs(ctx, { policyId });
  await vscode.commands.executeCommand('cpcpolicy.cloudPcs.focus');
}

export async function loadMore(ctx: CommandContext, node: unknown): Promise<void> {
  if (isTreeNode(node) && node.kind === 'loadMore') await ctx.sidebar.loadMore(node);
}
