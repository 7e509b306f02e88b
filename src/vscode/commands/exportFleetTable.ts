// Copy or export one Fleet Overview table (the panel's Export… button, or the palette) as CSV or JSON, naming
// the tenant and the time. The panel's webview only names the table; the rows come from the extension's snapshot.
import * as vscode from 'vscode';
import { FLEET_TABLE_IDS, FLEET_TABLE_TITLES, fleetTable, isFleetTableId } from '../../core/export/fleetExportTables';
import type { FleetTableId } from '../../core/export/fleetExportTables';
import type { CommandContext } from './commandContext';
import { deliverExport, exportChoiceOf, exportContextOf, pickExportChoice } from './exportDelivery';

async function pickTable(): Promise<FleetTableId | undefined> {
  const picked = await vscode.window.showQuickPick(
    FLEET_TABLE_IDS.map((id) => ({ label: vscode.l10n.t(FLEET_TABLE_TITLES[id]), id })),
    { title: vscode.l10n.t('Export which Fleet Overview table?') },
  );
  return picked?.id;
}

/** `arg`: `{ table, format?, to?, uri? }`; what is missing is asked. Returns the text exported, if any. */
export async function exportFleetTable(ctx: CommandContext, arg: unknown): Promise<string | undefined> {
  const given = (arg ?? {}) as { table?: unknown };
  const table = isFleetTableId(given.table) ? given.table : await pickTable();
  if (!table) return undefined;
  const title = vscode.l10n.t(FLEET_TABLE_TITLES[table]);
  const choice = exportChoiceOf(arg) ?? (await pickExportChoice(vscode.l10n.t('Copy or Export "{0}"', title)));
  if (!choice) return undefined;
  const snapshot = await ctx.fleet.snapshot();
  return (await deliverExport(title, fleetTable(snapshot, table), exportContextOf(ctx), choice))?.text;
}
