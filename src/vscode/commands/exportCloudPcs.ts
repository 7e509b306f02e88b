// Copy or export the Cloud PCs view (the rows its filter shows) as CSV or JSON, naming the tenant and the time:
// to the clipboard, or into a new editor named for the tenant and time (Save keeps it).
import * as vscode from 'vscode';
import type { CloudPc } from '../../core/model/cloudPc';
import { exportFileName, toCsv, toJson } from '../../core/export/tableExport';
import type { ExportTable } from '../../core/export/tableExport';
import { BUCKET_LABELS, bucketOf } from '../views/cloudPcStatusBuckets';
import { cloudPcLabel } from '../views/cloudPcPresentation';
import type { CommandContext } from './commandContext';

export interface ExportChoice {
  format: 'csv' | 'json';
  to: 'clipboard' | 'editor';
}

const COLUMNS = [
  'Cloud PC',
  'Display name',
  'User',
  'Policy',
  'Status',
  'Status group',
  'Failure code',
  'Failure message',
  'Grace period ends',
  'Id',
];

function tableOf(pcs: readonly CloudPc[], policyName: (pc: CloudPc) => string): ExportTable {
  return {
    columns: COLUMNS,
    rows: pcs.map((pc) => [
      cloudPcLabel(pc),
      pc.displayName,
      pc.userPrincipalName,
      policyName(pc),
      pc.status,
      BUCKET_LABELS[bucketOf(pc.status)],
      pc.statusDetail?.code,
      pc.statusDetail?.message,
      pc.gracePeriodEndDateTime,
      pc.id,
    ]),
  };
}

function isChoice(arg: unknown): arg is ExportChoice {
  const c = arg as Partial<ExportChoice> | undefined;
  return (c?.format === 'csv' || c?.format === 'json') && (c.to === 'clipboard' || c.to === 'editor');
}

async function pickChoice(): Promise<ExportChoice | undefined> {
  const t = vscode.l10n.t;
  const items: (vscode.QuickPickItem & ExportChoice)[] = [
    { label: `$(copy) ${t('Copy as CSV')}`, format: 'csv', to: 'clipboard' },
    { label: `$(copy) ${t('Copy as JSON')}`, format: 'json', to: 'clipboard' },
    { label: `$(new-file) ${t('Open as CSV')}`, format: 'csv', to: 'editor' },
    { label: `$(new-file) ${t('Open as JSON')}`, format: 'json', to: 'editor' },
  ];
  return vscode.window.showQuickPick(items, { title: t('Copy or Export the Cloud PCs view') });
}

/** Returns the exported text (the test API reads it), or undefined when nothing was exported. */
export async function exportCloudPcs(ctx: CommandContext, arg: unknown): Promise<string | undefined> {
  const choice = isChoice(arg) ? arg : await pickChoice();
  if (!choice) return undefined;
  await ctx.sidebar.cloudPcs();
  const filter = ctx.sidebar.cloudPcFilter.filter;
  const pcs = ctx.sidebar.knownCloudPcs({ policyId: filter.policyId, bucket: filter.bucket });
  // The simulator's own clock on the simulator (its Cloud PCs live in simulated time), the real time on Graph.
  const when = {
    tenant: ctx.backend.label,
    exportedAt: new Date(ctx.backend.simulator?.now() ?? Date.now()).toISOString(),
  };
  const table = tableOf(pcs, (pc) => ctx.sidebar.policyNameOf(pc));
  const text = choice.format === 'csv' ? toCsv(table, when) : toJson(table, when);
  if (choice.to === 'clipboard') {
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Copied {0} Cloud PCs of {1} as {2}.', pcs.length, when.tenant, choice.format.toUpperCase()),
    );
  } else {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.path ?? '';
    const name = exportFileName('Cloud PCs', when, choice.format);
    const doc = await vscode.workspace.openTextDocument(
      vscode.Uri.from({ scheme: 'untitled', path: `${folder}/${name}` }),
    );
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), text);
    await vscode.workspace.applyEdit(edit);
    await vscode.window.showTextDocument(doc);
  }
  return text;
}
