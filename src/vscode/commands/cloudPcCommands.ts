// Actions on Cloud PCs: reprovision (one or many), end grace period, rename.
import * as vscode from 'vscode';
import type { BulkItemResult } from '../../core/graph/bulkActions';
import type { ExtensionContext } from '../extensionContext';
import { userSetting } from '../userSettings';
import { canReprovision } from '../views/cloudPcStatusBuckets';
import { cloudPcLabel } from '../views/cloudPcPresentation';
import type { Views } from '../views/registerViews';
import { reportError, withActionProgress } from './actionProgress';
import { cloudPcIdsOf, pickCloudPcIds, reprovisionable } from './commandArgs';

/** Reprovisions Cloud PCs; on a real tenant asks first (the user's data is deleted) unless the setting says not to. */
export async function reprovisionCloudPcs(ctx: ExtensionContext, views: Views, ids: string[], options: { confirm?: boolean } = {}): Promise<BulkItemResult[]> {
  const { sidebar } = views;
  const refused = ids.filter((id) => {
    const pc = sidebar.store.get(id);
    return pc !== undefined && !canReprovision(pc.status);
  });
  const allowed = ids.filter((id) => !refused.includes(id));
  if (refused.length > 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Skipped {0} Cloud PC(s): only provisioned or failed Cloud PCs can be reprovisioned.', refused.length));
  }
  if (allowed.length === 0) return [];
  const askByDefault = ctx.backends.kind === 'graph' && userSetting('cpcpolicy', 'confirmReprovision', true);
  if (options.confirm ?? askByDefault) {
    const names = allowed.slice(0, 5).map((id) => sidebar.store.get(id)).map((pc) => (pc ? cloudPcLabel(pc) : '')).filter(Boolean).join(', ');
    const answer = await vscode.window.showWarningMessage(
      allowed.length === 1 ? vscode.l10n.t('Reprovision this Cloud PC?') : vscode.l10n.t('Reprovision {0} Cloud PCs?', allowed.length),
      {
        modal: true,
        detail: vscode.l10n.t('Reprovisioning deletes the Cloud PC and everything the user stored on it, then creates a new one from the policy. This cannot be undone. {0}', names),
      },
      vscode.l10n.t('Reprovision'),
    );
    if (answer !== vscode.l10n.t('Reprovision')) return [];
  }
  let results: BulkItemResult[] = [];
  try {
    results = await withActionProgress(ctx, vscode.l10n.t('Reprovisioning {0} Cloud PC(s)', allowed.length), (signal, progress) =>
      sidebar.api.bulkReprovision(allowed, {}, {
        signal,
        onItemDone: (_r, done, total) => progress.report({ increment: 100 / total, message: `${done}/${total}` }),
      }));
  } catch (err) {
    reportError(ctx, vscode.l10n.t('Reprovision failed'), err);
    return [];
  }
  const failed = results.filter((r) => !r.ok);
  const succeeded = results.length - failed.length;
  if (failed.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Reprovisioning started for {0} Cloud PC(s).', succeeded));
  } else {
    const first = failed.slice(0, 3).map((r) => `${sidebar.store.get(r.id) ? cloudPcLabel(sidebar.store.get(r.id)!) : r.id}: ${r.error?.message ?? '?'}`).join('; ');
    void vscode.window.showWarningMessage(vscode.l10n.t('Reprovisioning started for {0} Cloud PC(s); {1} failed: {2}', succeeded, failed.length, first));
  }
  await sidebar.syncCloudPcs(allowed);
  return results;
}

async function endGracePeriod(ctx: ExtensionContext, views: Views, arg: unknown, selection: unknown): Promise<void> {
  const { sidebar } = views;
  let ids = cloudPcIdsOf(arg, selection);
  if (ids.length === 0) ids = await pickCloudPcIds(sidebar, vscode.l10n.t('End the grace period of which Cloud PCs?'), (pc) => pc.status === 'inGracePeriod');
  if (ids.length === 0) return;
  if (ctx.backends.kind === 'graph') {
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('End the grace period now?'), {
      modal: true,
      detail: vscode.l10n.t('The Cloud PC is deprovisioned immediately instead of at the end of its 7-day grace period; its data is deleted.'),
    }, vscode.l10n.t('End Grace Period'));
    if (answer !== vscode.l10n.t('End Grace Period')) return;
  }
  try {
    const results = await withActionProgress(ctx, vscode.l10n.t('Ending the grace period'), (signal) => sidebar.api.bulkCloudPcAction(ids, 'endGracePeriod', { signal }));
    const failed = results.filter((r) => !r.ok);
    if (failed.length) void vscode.window.showWarningMessage(vscode.l10n.t('{0} of {1} failed: {2}', failed.length, results.length, failed[0].error?.message ?? '?'));
  } catch (err) {
    reportError(ctx, vscode.l10n.t('End grace period failed'), err);
  }
  await sidebar.syncCloudPcs(ids);
}

async function rename(ctx: ExtensionContext, views: Views, arg: unknown, newName?: unknown): Promise<void> {
  const { sidebar } = views;
  let [id] = cloudPcIdsOf(arg);
  id ??= (await pickCloudPcIds(sidebar, vscode.l10n.t('Rename which Cloud PC?'), (pc) => pc.status !== 'deprovisioning', false))[0];
  if (!id) return;
  const current = sidebar.store.get(id);
  const name = typeof newName === 'string' ? newName : await vscode.window.showInputBox({
    title: vscode.l10n.t('Rename Cloud PC'),
    prompt: vscode.l10n.t('The display name users see (the device name from the naming template does not change)'),
    value: current?.displayName,
    validateInput: (v) => (v.trim().length === 0 || v.length > 64 ? vscode.l10n.t('1 to 64 characters') : undefined),
  });
  if (name === undefined || name.trim() === '') return;
  try {
    await withActionProgress(ctx, vscode.l10n.t('Renaming the Cloud PC'), (signal) => sidebar.api.renameCloudPc(id, name.trim(), { signal }));
  } catch (err) {
    reportError(ctx, vscode.l10n.t('Rename failed'), err);
  }
  await sidebar.syncCloudPcs([id]);
}

export function registerCloudPcCommands(ctx: ExtensionContext, views: Views): void {
  ctx.subscribe(
    vscode.commands.registerCommand('cpcpolicy.reprovision', async (arg?: unknown, selection?: unknown) => {
      let ids = cloudPcIdsOf(arg, selection);
      if (ids.length === 0) ids = await pickCloudPcIds(views.sidebar, vscode.l10n.t('Reprovision which Cloud PCs?'), reprovisionable);
      if (ids.length === 0) return [];
      const options = typeof selection === 'object' && selection !== null && !Array.isArray(selection) ? (selection as { confirm?: boolean }) : {};
      return reprovisionCloudPcs(ctx, views, ids, options);
    }),
    vscode.commands.registerCommand('cpcpolicy.endGracePeriod', (arg?: unknown, selection?: unknown) => endGracePeriod(ctx, views, arg, selection)),
    vscode.commands.registerCommand('cpcpolicy.rename', (arg?: unknown, name?: unknown) => rename(ctx, views, arg, name)),
  );
}
