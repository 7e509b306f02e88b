// "New Cloud PC Policy File": an untitled cpcpolicy document filled from the engine's policy snippet.
import * as vscode from 'vscode';
import { NEW_POLICY_SNIPPET } from '../../core/policy/completion';
import type { ExtensionContext } from '../extensionContext';
import { openUntitledPolicy } from '../language/untitledPolicy';

export function registerPolicyFileCommands(ctx: ExtensionContext): void {
  ctx.subscribe(
    vscode.commands.registerCommand('cpcpolicy.newPolicyFile', async () => {
      const doc = await openUntitledPolicy();
      const editor = await vscode.window.showTextDocument(doc);
      await editor.insertSnippet(new vscode.SnippetString(NEW_POLICY_SNIPPET));
      return doc;
    }),
  );
}
