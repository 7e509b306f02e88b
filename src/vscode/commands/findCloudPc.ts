// Find a Cloud PC: a quick pick over every Cloud PC loaded (not only the rows of expanded groups, which is all
// the view's own type-to-filter sees), by device name, display name or user; choosing one reveals its row.
import * as vscode from 'vscode';
import type { CloudPc } from '../../core/model/cloudPc';
import { BUCKET_LABELS, bucketOf } from '../views/cloudPcStatusBuckets';
import { cloudPcLabel } from '../views/cloudPcPresentation';
import type { CommandContext } from './commandContext';

type Item = vscode.QuickPickItem & { cloudPcId: string };

function itemOf(pc: CloudPc, policyName: string): Item {
  const name = cloudPcLabel(pc);
  return {
    label: name,
    // The quick pick matches label, description and detail: user, display name and policy are all found.
    description: pc.userPrincipalName ?? undefined,
    detail: [
      pc.displayName && pc.displayName !== name ? pc.displayName : undefined,
      policyName,
      vscode.l10n.t(BUCKET_LABELS[bucketOf(pc.status)]),
    ]
      .filter(Boolean)
      .join(' · '),
    cloudPcId: pc.id,
  };
}

/** Returns the id of the Cloud PC revealed, or undefined when none was chosen. */
export async function findCloudPc(ctx: CommandContext): Promise<string | undefined> {
  const pcs = await ctx.sidebar.cloudPcs();
  const picked = await vscode.window.showQuickPick(
    [...pcs]
      .sort((a, b) => cloudPcLabel(a).localeCompare(cloudPcLabel(b)))
      .map((pc) => itemOf(pc, ctx.sidebar.policyNameOf(pc))),
    {
      title: vscode.l10n.t('Find a Cloud PC ({0} loaded)', pcs.length),
      placeHolder: vscode.l10n.t('Device name, display name, user or policy'),
      matchOnDescription: true,
      matchOnDetail: true,
    },
  );
  if (!picked) return undefined;
  await vscode.commands.executeCommand('cpcpolicy.cloudPcs.focus');
  await ctx.sidebar.revealCloudPc(picked.cloudPcId);
  return picked.cloudPcId;
}
