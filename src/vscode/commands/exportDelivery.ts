// Where an exported table goes: the clipboard (Copy as CSV / JSON), a file the admin names in a save dialog
// (Export…, its default name carrying the tenant and the time), or a new editor. The webview never writes:
// it asks, and this writes.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { exportFileName, toCsv, toJson } from '../../core/export/tableExport';
import type { ExportContext, ExportTable } from '../../core/export/tableExport';
import type { CommandContext } from './commandContext';

export interface ExportChoice {
  format: 'csv' | 'json';
  to: 'clipboard' | 'file' | 'editor';
  /** Tests only: the file to write instead of asking (the save dialog is not a safety question). */
  uri?: vscode.Uri;
}

/** An export's outcome: the text (tests read it) and the file written, if any. */
export interface ExportResult {
  text: string;
  uri?: vscode.Uri;
}

const FORMATS = ['csv', 'json'];
const TARGETS = ['clipboard', 'file', 'editor'];

export function exportChoiceOf(arg: unknown): ExportChoice | undefined {
  const c = arg as Partial<ExportChoice> | undefined;
  if (!FORMATS.includes(c?.format as string) || !TARGETS.includes(c?.to as string)) return undefined;
  return { format: c!.format!, to: c!.to!, uri: c!.uri instanceof vscode.Uri ? c!.uri : undefined };
}

export async function pickExportChoice(title: string): Promise<ExportChoice | undefined> {
  const t = vscode.l10n.t;
  const items: (vscode.QuickPickItem & ExportChoice)[] = [
    { label: `$(copy) ${t('Copy as CSV')}`, format: 'csv', to: 'clipboard' },
    { label: `$(copy) ${t('Copy as JSON')}`, format: 'json', to: 'clipboard' },
    { label: `$(save-as) ${t('Export as CSV…')}`, format: 'csv', to: 'file' },
    { label: `$(save-as) ${t('Export as JSON…')}`, format: 'json', to: 'file' },
    { label: `$(new-file) ${t('Open as CSV')}`, format: 'csv', to: 'editor' },
    { label: `$(new-file) ${t('Open as JSON')}`, format: 'json', to: 'editor' },
  ];
  return vscode.window.showQuickPick(items, { title });
}

/** The tenant and the time: the simulator's own clock on the simulator (its Cloud PCs live in simulated time). */
export function exportContextOf(ctx: CommandContext): ExportContext {
  return {
    tenant: ctx.backend.label,
    exportedAt: new Date(ctx.backend.simulator?.now() ?? Date.now()).toISOString(),
  };
}

/** In the workspace folder; with none open, in the home folder (never the root of a drive). */
function defaultUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(path.join(os.homedir(), name));
}

/** Converts and delivers; undefined when the admin closed the save dialog. */
export async function deliverExport(
  title: string,
  table: ExportTable,
  when: ExportContext,
  choice: ExportChoice,
): Promise<ExportResult | undefined> {
  const text = choice.format === 'csv' ? toCsv(table, when) : toJson(table, when);
  const name = exportFileName(title, when, choice.format);
  const kind = choice.format.toUpperCase();
  if (choice.to === 'clipboard') {
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Copied {0} rows of {1} ({2}) as {3}.', table.rows.length, title, when.tenant, kind),
    );
    return { text };
  }
  if (choice.to === 'editor') {
    const doc = await vscode.workspace.openTextDocument(defaultUri(name).with({ scheme: 'untitled' }));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), text);
    await vscode.workspace.applyEdit(edit);
    await vscode.window.showTextDocument(doc);
    return { text };
  }
  const uri =
    choice.uri ??
    (await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export {0} as {1}', title, kind),
      defaultUri: defaultUri(name),
      filters: { [kind]: [choice.format] },
    }));
  if (!uri) return undefined;
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  } catch (err) {
    // A read-only folder or a full disk: say which file and why; nothing else was changed.
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Could not write {0}: {1}', uri.fsPath, err instanceof Error ? err.message : String(err)),
    );
    return undefined;
  }
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Exported {0} rows of {1} ({2}) to {3}.', table.rows.length, title, when.tenant, uri.fsPath),
  );
  return { text, uri };
}
