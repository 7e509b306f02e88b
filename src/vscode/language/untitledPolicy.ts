// A new, unsaved policy document with a name of its own.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './policyDiagnostics';

/** Enough tries to step past every name a window can hold; a cap so a broken workbench cannot loop forever. */
const MAX_TRIES = 1000;

/** The next number to try: a name this window handed out once is never handed out again, even after it closed. */
let nextNumber = 1;

/** `untitled:/x` and `untitled:x` are the same name to the person: compare the path without its leading slash. */
function untitledName(uri: vscode.Uri): string | undefined {
  return uri.scheme === 'untitled' ? uri.path.replace(/^\/+/, '') : undefined;
}

function tabUris(input: unknown): vscode.Uri[] {
  if (input instanceof vscode.TabInputText) return [input.uri];
  if (input instanceof vscode.TabInputTextDiff) return [input.original, input.modified];
  return [];
}

/**
 * The untitled names in use: open documents and every tab. After a window reload a restored tab's document is
 * not open until its tab is shown, and its URI comes back as `untitled:/name` where ours was `untitled:name`.
 */
function namesInUse(): Set<string> {
  const uris = [
    ...vscode.workspace.textDocuments.map((d) => d.uri),
    ...vscode.window.tabGroups.all.flatMap((g) => g.tabs.flatMap((t) => tabUris(t.input))),
  ];
  return new Set(uris.map(untitledName).filter((n): n is string => n !== undefined));
}

/**
 * VS Code names an unnamed untitled document "Untitled-N" and hands a freed N to the next one; when the
 * closed document's hot-exit backup is not discarded yet, the new document opens with the old text (seen
 * in VS Code 1.100 and 1.139). A name no open document or tab has avoids that, and a name whose document
 * still opens with text (a backup) is passed over, so a new file is always empty. Save As offers a
 * `*.cpcpolicy.json` file name, so the saved file keeps the language. Within a window the numbers only grow
 * (a closed file's backup may still be on its way); after a reload the check of tabs and text covers them.
 */
export async function openUntitledPolicy(): Promise<vscode.TextDocument> {
  const inUse = namesInUse();
  for (let n = nextNumber; n < nextNumber + MAX_TRIES; n++) {
    const name = `new-policy-${n}.cpcpolicy.json`;
    if (inUse.has(name)) continue;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: name }));
    // Only the text counts: an untitled document with a name of its own is dirty from the start.
    if (doc.getText() !== '') continue;
    nextNumber = n + 1;
    return doc.languageId === LANGUAGE_ID ? doc : vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  }
  throw new Error(
    vscode.l10n.t('Every new-policy-N name up to {0} is in use: close some untitled policy files.', MAX_TRIES),
  );
}
