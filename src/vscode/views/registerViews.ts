// The sidebar: "Provisioning Policies" and "Cloud PCs", live while Cloud PCs move.
import * as vscode from 'vscode';
import type { ExtensionContext } from '../extensionContext';
import { LiveRefresh } from './liveRefresh';
import { Sidebar } from './sidebar';

export interface Views {
  readonly sidebar: Sidebar;
  readonly live: LiveRefresh;
}

export function registerViews(ctx: ExtensionContext): Views {
  const sidebar = new Sidebar(ctx);
  const live = new LiveRefresh(ctx, sidebar);
  let attached = false;
  const setBackendContext = (): void => {
    // Reading the kind does not create the backend: activation stays free of work.
    void vscode.commands.executeCommand('setContext', 'cpcpolicy.backend', ctx.backends.kind);
    // The welcome content with Sign In shows on Graph while no account is signed in.
    void vscode.commands.executeCommand('setContext', 'cpcpolicy.signedIn', !!ctx.signIn.accountLabel);
  };
  setBackendContext();
  ctx.subscribe(
    sidebar,
    live,
    // Subscribe to simulator events only once the views loaded something (the backend exists by then).
    sidebar.onDidUpdate(() => {
      if (attached) return;
      attached = true;
      live.attach();
    }),
    ctx.backends.onDidChangeBackend(() => {
      setBackendContext();
      live.detach();
      attached = false;
      sidebar.reset();
    }),
    ctx.onDidRequestRefresh(() => void sidebar.refresh()),
    ctx.signIn.onDidChange(setBackendContext),
  );
  return { sidebar, live };
}
