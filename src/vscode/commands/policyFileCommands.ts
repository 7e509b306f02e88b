// "New Cloud PC Policy File": an untitled cpcpolicy document filled from the engine's policy snippet.
import * as vscode from 'vscode';
import { NEW_POLICY_SNIPPET } from '../../core/policy/completion';
import { openUntitledPolicy } from '../language/untitledPolicy';

export async function newPolicyFile(): Promise<vscode.TextDocument> {
  const doc = await openUntitledPolicy();
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(new vscode.SnippetString(NEW_POLICY_SNIPPET));
  return doc;
}
