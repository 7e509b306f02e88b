// A status bar item that says where the data comes from ("Simulator" or the tenant) and switches on click.
import * as vscode from 'vscode';
import type { BackendManager } from './backendManager';

export function createBackendStatusBar(backends: BackendManager): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('cpcpolicy.backend', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Windows 365 Backend');
  item.command = 'cpcpolicy.selectBackend';
  const update = (): void => {
    // Read the label without creating the backend: activation must stay free of heavy work.
    const simulator = backends.kind === 'simulator';
    const label = simulator ? vscode.l10n.t('Simulator') : backends.graphAccountLabel() ?? vscode.l10n.t('Graph: signed out');
    item.text = `$(${simulator ? 'beaker' : 'cloud'}) ${label}`;
    item.tooltip = simulator
      ? vscode.l10n.t('Windows 365: the embedded simulator (offline). Click to switch to Microsoft Graph.')
      : vscode.l10n.t('Windows 365: Microsoft Graph ({0}). Click to switch.', label);
  };
  update();
  item.show();
  // A backend setting change resets the backend, which fires this too.
  return vscode.Disposable.from(item, backends.onDidChangeBackend(update));
}
