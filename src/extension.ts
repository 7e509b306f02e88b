// Activation reads like a table of contents: build one context, then one register call per feature.
import type * as vscode from 'vscode';
import { createExtensionContext } from './vscode/extensionContext';
import type { CpcPolicyApi } from './vscode/extensionApi';
import { registerBackendCommands } from './vscode/commands/backendCommands';
import { registerPolicyFileCommands } from './vscode/commands/policyFileCommands';
import { registerViews } from './vscode/views/registerViews';

export function activate(context: vscode.ExtensionContext): CpcPolicyApi {
  const started = performance.now();
  const ctx = createExtensionContext(context);
  registerViews(ctx);
  registerBackendCommands(ctx);
  registerPolicyFileCommands(ctx);
  return { activationTimeMs: performance.now() - started };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
