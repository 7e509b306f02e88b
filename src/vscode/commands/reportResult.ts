// Every action says what happened: a notification, a line in the "Cloud PC" log (the history an admin can
// scroll back through), and an event the test API listens to.
import * as vscode from 'vscode';
import type { ExtensionContext } from '../extensionContext';

const listeners = new Set<(message: string) => void>();

export function reportResult(ctx: ExtensionContext, message: string): void {
  ctx.log.info(message);
  for (const listener of listeners) listener(message);
  void vscode.window.showInformationMessage(message);
}

/** Test-only (through the test API): every result message until disposed. */
export function onDidReportResult(listener: (message: string) => void): vscode.Disposable {
  listeners.add(listener);
  return new vscode.Disposable(() => listeners.delete(listener));
}
