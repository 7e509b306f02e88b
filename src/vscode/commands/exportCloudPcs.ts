// Copy or export the Cloud PCs view (the rows its filter shows) as CSV or JSON, naming the tenant and the time:
// to the clipboard, to a file (a save dialog whose default name carries the tenant and time), or a new editor.
import * as vscode from 'vscode';
import type { CloudPc } from '../../core/model/cloudPc';
import type { ExportTable } from '../../core/export/tableExport';
import { BUCKET_LABELS, bucketOf } from '../views/cloudPcStatusBuckets';
import { cloudPcLabel } from '../views/cloudPcPresentation';
import type { CommandContext } from './commandContext';
import { deliverExport, exportChoiceOf, exportContextOf, pickExportChoice } from './exportDelivery';

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

/** Returns the exported text (the tests read it), or undefined when nothing was exported. */
export async function exportCloudPcs(ctx: CommandContext, arg: unknown): Promise<string | undefined> {
  const title = vscode.l10n.t('Cloud PCs');
  const choice = exportChoiceOf(arg) ?? (await pickExportChoice(vscode.l10n.t('Copy or Export the Cloud PCs view')));
  if (!choice) return undefined;
  await ctx.sidebar.cloudPcs();
  const filter = ctx.sidebar.cloudPcFilter.filter;
  const pcs = ctx.sidebar.knownCloudPcs({ policyId: filter.policyId, bucket: filter.bucket });
  const table = tableOf(pcs, (pc) => ctx.sidebar.policyNameOf(pc));
  return (await deliverExport(title, table, exportContextOf(ctx), choice))?.text;
}
