// Long actions under a cancellable progress notification: cancelling aborts the requests in flight.
import * as vscode from 'vscode';
import type { ExtensionContext } from '../extensionContext';
import { isRestrictedModeError, showRestrictedMode } from '../trust/restrictedMode';
import { errorText } from '../../core/model/errorText';

export async function withActionProgress<T>(
  ctx: ExtensionContext,
  title: string,
  work: (signal: AbortSignal, progress: vscode.Progress<{ message?: string; increment?: number }>) => Promise<T>,
): Promise<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        return await work(AbortSignal.any([ctx.backends.current.signal, abort.signal]), progress);
      } finally {
        sub.dispose();
      }
    },
  );
}

/** Errors are shown, logged and swallowed: a command never ends in an unhandled rejection. */
export function reportError(ctx: ExtensionContext, what: string, err: unknown): void {
  if (isRestrictedModeError(err)) return showRestrictedMode();
  const message = errorText(err);
  ctx.log.error(`${what}: ${message}`);
  void vscode.window.showErrorMessage(`${what}: ${message}`);
}
