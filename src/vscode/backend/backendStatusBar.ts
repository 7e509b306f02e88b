// A status bar item that says where the data comes from ("Simulator" or the tenant) and switches on click;
// on the simulator it shows the simulated clock and its speed ("Simulator · 4 Jun 15:34 · ×360").
import * as vscode from 'vscode';
import { shortDateTime } from '../../core/model/timeWords';
import type { BackendManager } from './backendManager';
import type { SimulatorSession } from './simulatorSession';

/** How often the simulated clock in the status bar is redrawn (real time). */
const CLOCK_REDRAW_MS = 5_000;

export function createBackendStatusBar(backends: BackendManager): vscode.Disposable & { readonly text: string } {
  const item = vscode.window.createStatusBarItem('cpcpolicy.backend', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Windows 365 Backend');
  item.command = 'cpcpolicy.selectBackend';
  let followed: SimulatorSession | undefined;
  let changes: { dispose(): void } | undefined;
  const update = (): void => {
    // Read the label without creating the backend: activation must stay free of heavy work.
    const simulator = backends.kind === 'simulator';
    const label = simulator
      ? vscode.l10n.t('Simulator')
      : (backends.graphAccountLabel() ?? vscode.l10n.t('Graph: signed out'));
    const session = simulator ? backends.existing?.simulator : undefined;
    if (session !== followed) {
      // Advance Time jumps the clock: redraw at once rather than at the next tick.
      changes?.dispose();
      changes = session?.onDidChange((change) => {
        if (change.kind === 'clock') update();
      });
      followed = session;
    }
    const now = session?.now();
    const clock = session && now !== undefined ? ` · ${shortDateTime(now)} · ×${session.timeScale}` : '';
    item.text = `$(${simulator ? 'beaker' : 'cloud'}) ${label}${clock}`;
    item.tooltip = simulator
      ? vscode.l10n.t(
          'Windows 365: the embedded simulator (offline), simulated time in UTC at {0}× real time. Click to switch to Microsoft Graph.',
          session?.timeScale ?? '?',
        )
      : vscode.l10n.t('Windows 365: Microsoft Graph ({0}). Click to switch.', label);
  };
  update();
  item.show();
  // The clock also moves on its own (scaled real time): redraw on a timer.
  const timer = setInterval(update, CLOCK_REDRAW_MS);
  // A backend setting change resets the backend, which fires this too.
  const disposable = vscode.Disposable.from(item, backends.onDidChangeBackend(update), {
    dispose: () => {
      clearInterval(timer);
      changes?.dispose();
    },
  });
  return {
    dispose: () => disposable.dispose(),
    get text() {
      update();
      return item.text;
    },
  };
}
