// The one context object built at activation and handed to every feature's register function.
import * as vscode from 'vscode';

export interface ExtensionContext {
  readonly vscodeContext: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  /** Fires when the views must reload everything (refresh, backend switch). */
  readonly onDidRequestRefresh: vscode.Event<void>;
  requestRefresh(): void;
  subscribe(...disposables: vscode.Disposable[]): void;
}

export function createExtensionContext(context: vscode.ExtensionContext): ExtensionContext {
  const log = vscode.window.createOutputChannel('Cloud PC', { log: true });
  const refresh = new vscode.EventEmitter<void>();
  context.subscriptions.push(log, refresh);
  return {
    vscodeContext: context,
    log,
    onDidRequestRefresh: refresh.event,
    requestRefresh: () => refresh.fire(),
    subscribe: (...disposables) => context.subscriptions.push(...disposables),
  };
}
