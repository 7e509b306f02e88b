// Commands that choose where policies and Cloud PCs come from: the simulator or Microsoft Graph.
import * as vscode from 'vscode';
import type { ExtensionContext } from '../extensionContext';

type Backend = 'simulator' | 'graph';

async function setBackend(backend: Backend): Promise<void> {
  await vscode.workspace.getConfiguration('cpcpolicy').update('backend', backend, vscode.ConfigurationTarget.Global);
}

export function registerBackendCommands(ctx: ExtensionContext): void {
  ctx.subscribe(
    vscode.commands.registerCommand('cpcpolicy.refresh', () => ctx.requestRefresh()),
    vscode.commands.registerCommand('cpcpolicy.showLog', () => ctx.log.show()),
    vscode.commands.registerCommand('cpcpolicy.useSimulator', () => setBackend('simulator')),
    vscode.commands.registerCommand('cpcpolicy.useGraph', () => setBackend('graph')),
    vscode.commands.registerCommand('cpcpolicy.selectBackend', async () => {
      const picked = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('Simulator'), description: vscode.l10n.t('Offline, built in, no tenant needed'), backend: 'simulator' as const },
          { label: vscode.l10n.t('Microsoft Graph'), description: vscode.l10n.t('A real tenant; sign in with a work account'), backend: 'graph' as const },
        ],
        { title: vscode.l10n.t('Where should policies and Cloud PCs come from?') },
      );
      if (picked) await setBackend(picked.backend);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('cpcpolicy.backend')) ctx.requestRefresh();
    }),
  );
}
