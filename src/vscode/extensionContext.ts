// The one context object built at activation and handed to every feature's register function.
import * as vscode from 'vscode';
import { BackendManager } from './backend/backendManager';
import { GraphSignIn, readGraphSignInSettings } from './backend/graphSignIn';
import { openSimulatorSession } from './backend/openSimulatorSession';

export interface ExtensionContext {
  readonly vscodeContext: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  /** Where data comes from (simulator or Graph); `backends.current.api` is the CloudPcApi to call. */
  readonly backends: BackendManager;
  readonly signIn: GraphSignIn;
  /** Fires when the user asks the views to reload (a backend switch resets them through `backends`). */
  readonly onDidRequestRefresh: vscode.Event<void>;
  requestRefresh(): void;
  subscribe(...disposables: vscode.Disposable[]): void;
}

export function createExtensionContext(context: vscode.ExtensionContext): ExtensionContext {
  const log = vscode.window.createOutputChannel('Cloud PC', { log: true });
  const refresh = new vscode.EventEmitter<void>();
  const signIn = new GraphSignIn();
  const backends = new BackendManager(log, signIn, () => openSimulatorSession(context.globalStorageUri.fsPath, log));
  context.subscriptions.push(
    log,
    refresh,
    signIn,
    backends,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('cpcpolicy.graph')) signIn.updateSettings(readGraphSignInSettings());
    }),
  );
  return {
    vscodeContext: context,
    log,
    backends,
    signIn,
    onDidRequestRefresh: refresh.event,
    requestRefresh: () => refresh.fire(),
    subscribe: (...disposables) => context.subscriptions.push(...disposables),
  };
}
