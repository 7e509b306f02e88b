// Actions on Cloud PCs: reprovision (one or many), end grace period, rename; each asks first where it destroys.
import * as vscode from 'vscode';
import type { BulkItemResult } from '../../core/graph/bulkActions';
import type { CommandContext } from './commandContext';
import { canEndGracePeriod, canReprovision, canRetryProvisioning } from '../../core/model/reprovisionRule';
import { cloudPcLabel } from '../views/cloudPcPresentation';
import { reportError, withActionProgress } from './actionProgress';
import { reportResult } from './reportResult';
import { cloudPcIdsOf, pickCloudPcIds, reprovisionable } from './commandArgs';
import { confirm, confirmByTyping } from './questions';

/**
 * Reprovisions Cloud PCs after one question (the user's data is deleted; docs/simulator.md, rule 7), or, as Retry on
 * failed Cloud PCs, without one: a failed provisioning holds no user data. Retry skips every Cloud PC not known to be failed.
 */
export async function reprovisionCloudPcs(
  ctx: CommandContext,
  ids: string[],
  mode: 'reprovision' | 'retry' = 'reprovision',
): Promise<BulkItemResult[]> {
  // Retry asks nothing, so it takes only Cloud PCs known to be failed: anything else may hold a user's data.
  const refused = ids.filter((id) => {
    const pc = ctx.sidebar.knownCloudPc(id);
    return mode === 'retry' ? !canRetryProvisioning(pc?.status ?? '') : pc !== undefined && !canReprovision(pc.status);
  });
  const allowed = ids.filter((id) => !refused.includes(id));
  if (refused.length > 0) {
    void vscode.window.showWarningMessage(
      mode === 'retry'
        ? vscode.l10n.t(
            'Skipped {0} Cloud PC(s): Retry provisions only failed Cloud PCs again; use Reprovision for the others.',
            refused.length,
          )
        : vscode.l10n.t(
            'Skipped {0} Cloud PC(s): only provisioned or failed Cloud PCs can be reprovisioned.',
            refused.length,
          ),
    );
  }
  if (allowed.length === 0) return [];
  if (mode === 'reprovision') {
    const names = allowed
      .slice(0, 5)
      .map((id) => ctx.sidebar.knownCloudPc(id))
      .map((pc) => (pc ? cloudPcLabel(pc) : ''))
      .filter(Boolean)
      .join(', ');
    const more = allowed.length > 5 ? vscode.l10n.t(' and {0} more', allowed.length - 5) : '';
    const go = await confirm(ctx.backends.kind, {
      message:
        allowed.length === 1
          ? vscode.l10n.t('Reprovision this Cloud PC?')
          : vscode.l10n.t('Reprovision {0} Cloud PCs?', allowed.length),
      detail:
        allowed.length === 1
          ? vscode.l10n.t(
              'Reprovisioning deletes {0} and everything its user stored on it, then creates it again from the policy. This cannot be undone.',
              names || allowed[0],
            )
          : vscode.l10n.t(
              'Reprovisioning deletes {0} Cloud PCs and everything their users stored on them, then creates them again from their policies. This cannot be undone. {1}{2}',
              allowed.length,
              names,
              more,
            ),
      proceed: vscode.l10n.t('Reprovision'),
      keep: allowed.length === 1 ? vscode.l10n.t('Keep the Cloud PC') : vscode.l10n.t('Keep the Cloud PCs'),
    });
    if (!go) return [];
  }
  const verb = mode === 'retry' ? vscode.l10n.t('Retrying provisioning') : vscode.l10n.t('Reprovisioning');
  let results: BulkItemResult[] = [];
  try {
    results = await withActionProgress(
      ctx,
      vscode.l10n.t('{0} of {1} Cloud PC(s)', verb, allowed.length),
      (signal, progress) =>
        ctx.api.bulkReprovision(
          allowed,
          {},
          {
            signal,
            onItemDone: (_r, done, total) => progress.report({ increment: 100 / total, message: `${done}/${total}` }),
          },
        ),
    );
  } catch (err) {
    reportError(ctx, mode === 'retry' ? vscode.l10n.t('Retry failed') : vscode.l10n.t('Reprovision failed'), err);
    return [];
  }
  const failed = results.filter((r) => !r.ok);
  const succeeded = results.length - failed.length;
  if (failed.length === 0) {
    reportResult(ctx, vscode.l10n.t('{0} started for {1} Cloud PC(s).', verb, succeeded));
  } else {
    const labelOf = (id: string): string => {
      const pc = ctx.sidebar.knownCloudPc(id);
      return pc ? cloudPcLabel(pc) : id;
    };
    const first = failed
      .slice(0, 3)
      .map((r) => `${labelOf(r.id)}: ${r.error?.message ?? '?'}`)
      .join('; ');
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} started for {1} Cloud PC(s); {2} failed: {3}', verb, succeeded, failed.length, first),
    );
  }
  await ctx.sidebar.cloudPcsChanged(allowed);
  return results;
}

export async function endGracePeriod(ctx: CommandContext, arg: unknown, selection: unknown): Promise<void> {
  let ids = cloudPcIdsOf(arg, selection);
  if (ids.length === 0)
    ids = await pickCloudPcIds(ctx.sidebar, vscode.l10n.t('End the grace period of which Cloud PCs?'), (pc) =>
      canEndGracePeriod(pc.status),
    );
  if (ids.length === 0) return;
  const only = ids.length === 1 ? ctx.sidebar.knownCloudPc(ids[0]) : undefined;
  const go = await confirmByTyping(ctx.backends.kind, {
    message:
      ids.length === 1
        ? vscode.l10n.t('End the grace period of {0} now?', only ? cloudPcLabel(only) : ids[0])
        : vscode.l10n.t('End the grace period of {0} Cloud PCs now?', ids.length),
    detail: vscode.l10n.t(
      "{0} Cloud PC(s) are deprovisioned now instead of at the end of the 7-day grace period, and their users' data is deleted. This cannot be undone.",
      ids.length,
    ),
    expected: only ? cloudPcLabel(only) : String(ids.length),
  });
  if (!go) return;
  try {
    const results = await withActionProgress(ctx, vscode.l10n.t('Ending the grace period'), (signal) =>
      ctx.api.bulkCloudPcAction(ids, 'endGracePeriod', { signal }),
    );
    const failed = results.filter((r) => !r.ok);
    if (failed.length)
      void vscode.window.showWarningMessage(
        vscode.l10n.t('{0} of {1} failed: {2}', failed.length, results.length, failed[0].error?.message ?? '?'),
      );
    else
      reportResult(
        ctx,
        vscode.l10n.t('Ended the grace period of {0} Cloud PC(s): they are being deprovisioned.', results.length),
      );
  } catch (err) {
    reportError(ctx, vscode.l10n.t('End grace period failed'), err);
  }
  await ctx.sidebar.cloudPcsChanged(ids);
}

export async function rename(ctx: CommandContext, arg: unknown, newName?: unknown): Promise<void> {
  let [id] = cloudPcIdsOf(arg);
  id ??= (
    await pickCloudPcIds(
      ctx.sidebar,
      vscode.l10n.t('Rename which Cloud PC?'),
      (pc) => pc.status !== 'deprovisioning',
      false,
    )
  )[0];
  if (!id) return;
  const current = ctx.sidebar.knownCloudPc(id);
  const name =
    typeof newName === 'string'
      ? newName
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Rename Cloud PC'),
          prompt: vscode.l10n.t(
            'The display name users see (the device name from the naming template does not change)',
          ),
          value: current?.displayName,
          validateInput: (v) =>
            v.trim().length === 0 || v.length > 64 ? vscode.l10n.t('1 to 64 characters') : undefined,
        });
  if (name === undefined || name.trim() === '') return;
  try {
    await withActionProgress(ctx, vscode.l10n.t('Renaming the Cloud PC'), (signal) =>
      ctx.api.renameCloudPc(id, name.trim(), { signal }),
    );
    reportResult(ctx, vscode.l10n.t('Renamed "{0}" to "{1}".', current?.displayName ?? id, name.trim()));
  } catch (err) {
    reportError(ctx, vscode.l10n.t('Rename failed'), err);
  }
  await ctx.sidebar.cloudPcsChanged([id]);
}

/** Reprovision from a row, a selection, ids, or the palette (which asks which). */
export async function reprovision(ctx: CommandContext, arg: unknown, selection: unknown): Promise<BulkItemResult[]> {
  let ids = cloudPcIdsOf(arg, selection);
  if (ids.length === 0)
    ids = await pickCloudPcIds(ctx.sidebar, vscode.l10n.t('Reprovision which Cloud PCs?'), reprovisionable);
  // No argument skips the question (a `{ confirm: false }` from a link or a script is ignored).
  return ids.length === 0 ? [] : reprovisionCloudPcs(ctx, ids);
}
