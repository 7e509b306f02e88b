// Which document a policy-file command acts on: a URI given, else the active policy editor's.
import * as vscode from 'vscode';

/** The document a command was given (a URI or its string), else the active policy editor's. */
export async function documentOf(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  if (typeof arg === 'string') return vscode.workspace.openTextDocument(vscode.Uri.parse(arg));
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && (doc.languageId === 'cpcpolicy' || doc.fileName.endsWith('.cpcpolicy.json'))) return doc;
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a .cpcpolicy.json file first.'));
  return undefined;
}
