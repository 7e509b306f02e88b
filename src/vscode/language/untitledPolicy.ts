// A new, unsaved policy document with a name of its own.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './policyDiagnostics';

let opened = 0;

/**
 * VS Code names an unnamed untitled document "Untitled-N" and hands a freed N to the next one; when the
 * closed document's hot-exit backup is not discarded yet, the new document opens with the old text (seen
 * in VS Code 1.100 and 1.139). A name no open document has avoids that, and Save As offers a
 * `*.cpcpolicy.json` file name, so the saved file keeps the language.
 */
export async function openUntitledPolicy(): Promise<vscode.TextDocument> {
  const inUse = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  let uri: vscode.Uri;
  do {
    uri = vscode.Uri.from({ scheme: 'untitled', path: `new-policy-${++opened}.cpcpolicy.json` });
  } while (inUse.has(uri.toString()));
  const doc = await vscode.workspace.openTextDocument(uri);
  return doc.languageId === LANGUAGE_ID ? doc : vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
}
