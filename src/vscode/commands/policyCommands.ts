// Actions on provisioning policies: retry, apply region / single sign-on to existing Cloud PCs, delete;
// and the view plumbing: filter the Cloud PCs view, "Load more…".
import * as vscode from 'vscode';
import { isGraphError } from '../../core/graph/graphError';
import type { CloudPcPolicySettingType } from '../../core/model/provisioningPolicy';
import type { ExtensionContext } from '../extensionContext';
import { BUCKET_LABELS, STATUS_BUCKETS } from '../views/cloudPcStatusBuckets';
import type { StatusBucket } from '../views/cloudPcStatusBuckets';
import type { CloudPcFilter } from '../views/cloudPcTreeModel';
import type { Views } from '../views/registerViews';
import type { TreeNode } from '../views/treeNodes';
import { reportError, withActionProgress } from './actionProgress';
import { reportResult } from './reportResult';
import { cloudPcIdsOf, isTreeNode, pickPolicyId, policyIdOf } from './commandArgs';
import { reprovisionCloudPcs } from './cloudPcCommands';
import { confirmByTyping } from './questions';

/**
 * Retry on a policy calls the service's policy retry; on one failed Cloud PC it reprovisions that Cloud PC
 * (a failed provisioning holds no user data, so no confirmation).
 */
async function retry(ctx: ExtensionContext, views: Views, arg: unknown, selection: unknown): Promise<void> {
  const { sidebar } = views;
  const pcIds = isTreeNode(arg) && arg.kind === 'cloudPc' ? cloudPcIdsOf(arg, selection) : cloudPcIdsOf(typeof arg === 'object' && arg !== null && 'cloudPcId' in arg ? arg : undefined);
  if (pcIds.length > 0) {
    await reprovisionCloudPcs(ctx, views, pcIds, 'retry');
    return;
  }
  const policyId = policyIdOf(arg) ?? (await pickPolicyId(sidebar, vscode.l10n.t('Retry the failed Cloud PCs of which policy?')));
  if (!policyId) return;
  try {
    const failed = sidebar.store.list('failed', policyId).length;
    await withActionProgress(ctx, vscode.l10n.t('Retrying the policy'), (signal) => sidebar.api.retryPolicy(policyId, { signal }));
    reportResult(ctx, vscode.l10n.t('Retrying provisioning of {0} failed Cloud PC(s) of "{1}".', failed, sidebar.policyModel.policy(policyId)?.displayName ?? policyId));
  } catch (err) {
    reportError(ctx, vscode.l10n.t('Retry failed'), err);
  }
  await sidebar.syncCloudPcs(sidebar.store.list('failed', policyId).map((pc) => pc.id));
}

async function applySettings(ctx: ExtensionContext, views: Views, arg: unknown, setting: unknown): Promise<void> {
  const { sidebar } = views;
  const policyId = policyIdOf(arg) ?? (await pickPolicyId(sidebar, vscode.l10n.t('Apply the settings of which policy?')));
  if (!policyId) return;
  let policySettings = setting === 'region' || setting === 'singleSignOn' ? (setting as CloudPcPolicySettingType) : undefined;
  if (!policySettings) {
    const picked = await vscode.window.showQuickPick([
      { label: vscode.l10n.t('Region'), description: 'region', detail: vscode.l10n.t('Move existing Cloud PCs to the policy\'s current region'), value: 'region' as const },
      { label: vscode.l10n.t('Single sign-on'), description: 'singleSignOn', detail: vscode.l10n.t('Turn single sign-on on or off on existing Cloud PCs'), value: 'singleSignOn' as const },
    ], { title: vscode.l10n.t('Apply which setting to the existing Cloud PCs?') });
    if (!picked) return;
    policySettings = picked.value;
  }
  const what = policySettings === 'region' ? vscode.l10n.t('the region') : vscode.l10n.t('single sign-on');
  const name = sidebar.policyModel.policy(policyId)?.displayName ?? policyId;
  try {
    await withActionProgress(ctx, vscode.l10n.t('Applying {0} to existing Cloud PCs', what), (signal) => sidebar.api.applyPolicy(policyId, { policySettings }, { signal }));
    reportResult(ctx, vscode.l10n.t('Applying {0} of "{1}" to its {2} Cloud PC(s): they show as updating until done.', what, name, sidebar.store.countPolicy(policyId)));
  } catch (err) {
    reportError(ctx, vscode.l10n.t('Apply failed'), err);
  }
  await sidebar.reloadCloudPcs();
}

/**
 * Deletes a policy after the admin types its name (cannot be undone); assignments must go first
 * (docs/simulator.md, rule 9), so one question covers removing them and says how many Cloud PCs enter the grace period.
 */
async function deletePolicy(ctx: ExtensionContext, views: Views, arg: unknown): Promise<boolean> {
  const { sidebar } = views;
  const policyId = policyIdOf(arg) ?? (await pickPolicyId(sidebar, vscode.l10n.t('Delete which policy?')));
  if (!policyId) return false;
  // Fresh from the service: the view's copy may lag behind a change made elsewhere.
  const policy = await sidebar.api.getPolicy(policyId, { signal: sidebar.signal }).catch(() => sidebar.policyModel.policy(policyId));
  const name = policy?.displayName ?? policyId;
  const assigned = policy?.assignments?.length ?? 0;
  await sidebar.ensureCloudPcs();
  const pcs = sidebar.store.all().filter((pc) => pc.provisioningPolicyId === policyId && pc.status !== 'inGracePeriod' && pc.status !== 'deprovisioning').length;
  const go = await confirmByTyping(ctx.backends.kind, {
    message: vscode.l10n.t('Delete the provisioning policy "{0}"?', name),
    detail: assigned > 0
      ? vscode.l10n.t('Its {0} assignment(s) are removed first: its {1} Cloud PC(s) enter the 7-day grace period, then are deprovisioned. Deleting cannot be undone.', assigned, pcs)
      : vscode.l10n.t('It has no assignments. Deleting cannot be undone.'),
    expected: name,
  });
  if (!go) return false;
  try {
    await withActionProgress(ctx, vscode.l10n.t('Deleting "{0}"', name), async (signal) => {
      if (assigned > 0) await sidebar.api.assignPolicy(policyId, [], { signal });
      // Tools wait a moment after unassigning before the delete is accepted (graph-facts C.6).
      for (let attempt = 1; ; attempt++) {
        try {
          await sidebar.api.deletePolicy(policyId, { signal });
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
    await Promise.all([sidebar.reloadPolicies(), sidebar.reloadCloudPcs()]);
  }
  return true;
}

async function filterCloudPcs(views: Views, arg: unknown): Promise<void> {
  const { sidebar } = views;
  if (typeof arg === 'object' && arg !== null && !isTreeNode(arg)) {
    const f = arg as CloudPcFilter;
    sidebar.setCloudPcFilter({ policyId: f.policyId, bucket: f.bucket, policyName: f.policyId ? sidebar.policyModel.policy(f.policyId)?.displayName : undefined });
    return;
  }
  await sidebar.ensurePolicies();
  type Item = vscode.QuickPickItem & { filter?: CloudPcFilter };
  const current = sidebar.cloudPcModel.filter;
  const items: Item[] = [
    { label: `$(clear-all) ${vscode.l10n.t('All Cloud PCs')}`, filter: {} },
    { label: vscode.l10n.t('Status'), kind: vscode.QuickPickItemKind.Separator },
    ...STATUS_BUCKETS.filter((b) => sidebar.store.count(b) > 0).map((bucket: StatusBucket): Item => ({
      label: vscode.l10n.t(BUCKET_LABELS[bucket]), description: String(sidebar.store.count(bucket)), filter: { ...current, bucket },
    })),
    { label: vscode.l10n.t('Policy'), kind: vscode.QuickPickItemKind.Separator },
    ...sidebar.policyModel.allPolicies().map((p): Item => ({ label: p.displayName, description: String(sidebar.store.countPolicy(p.id)), filter: { ...current, policyId: p.id, policyName: p.displayName } })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Show which Cloud PCs?'), placeHolder: sidebar.cloudPcModel.filterDescription() });
  if (picked?.filter) sidebar.setCloudPcFilter(picked.filter);
}

async function loadMore(views: Views, node: unknown): Promise<void> {
  if (!isTreeNode(node) || node.kind !== 'loadMore') return;
  const { sidebar } = views;
  if (!node.parentId) return sidebar.loadMoreCloudPcs();
  const inPolicies = node.id.startsWith('pol:');
  const model = inPolicies ? sidebar.policyModel : sidebar.cloudPcModel;
  const parent: TreeNode | undefined = model.loadMore(node);
  const provider = inPolicies ? sidebar.policyProvider : sidebar.cloudPcProvider;
  provider.apply(parent ? { root: false, nodes: [parent] } : { root: true, nodes: [] });
}

export function registerPolicyCommands(ctx: ExtensionContext, views: Views): void {
  ctx.subscribe(
    vscode.commands.registerCommand('cpcpolicy.retry', (arg?: unknown, selection?: unknown) => retry(ctx, views, arg, selection)),
    vscode.commands.registerCommand('cpcpolicy.applySettings', (arg?: unknown, setting?: unknown) => applySettings(ctx, views, arg, setting)),
    vscode.commands.registerCommand('cpcpolicy.deletePolicy', (arg?: unknown) => deletePolicy(ctx, views, arg)),
    vscode.commands.registerCommand('cpcpolicy.filterCloudPcs', (arg?: unknown) => filterCloudPcs(views, arg)),
    vscode.commands.registerCommand('cpcpolicy.clearCloudPcFilter', () => views.sidebar.setCloudPcFilter({})),
    vscode.commands.registerCommand('cpcpolicy.loadMore', (node?: unknown) => loadMore(views, node)),
  );
}
