// The Fleet Overview: showing it (the command table's `cpcpolicy.showFleetOverview`), its restore after a reload
// (the serializer), and what the extension API reports about it (what the webview last drew).
import * as vscode from 'vscode';
import type { FleetSnapshot } from '../../core/fleet/fleetSnapshot';
import type { ExtensionContext } from '../extensionContext';
import type { Views } from '../views/registerViews';
import { FLEET_VIEW_TYPE, FleetPanel, fleetWebviewOptions } from './fleetPanel';
import type { FleetRenderReport } from './fleetPanel';
import { FleetSource } from './fleetSource';

export interface FleetOverview {
  /** The open panel, if any. */
  readonly panel: FleetPanel | undefined;
  /** What the webview last drew (its revision and the bar counts read back from the page). */
  readonly lastRendered: FleetRenderReport | undefined;
  readonly onDidRender: vscode.Event<FleetRenderReport>;
  /** Opens the panel, or brings the open one to the front. */
  show(): void;
  /** What the panel shows now (read even while no panel is open: the export reads it). */
  snapshot(): Promise<FleetSnapshot>;
}

export function registerFleetOverview(ctx: ExtensionContext, views: Views): FleetOverview {
  const source = new FleetSource(ctx, views);
  const rendered = new vscode.EventEmitter<FleetRenderReport>();
  const extensionUri = ctx.vscodeContext.extensionUri;
  let current: FleetPanel | undefined;
  let lastRendered: FleetRenderReport | undefined;
  const adopt = (panel: vscode.WebviewPanel): FleetPanel => {
    const fleet = new FleetPanel(panel, source, extensionUri, (report) => {
      lastRendered = report;
      rendered.fire(report);
    });
    current = fleet;
    panel.onDidDispose(() => {
      if (current === fleet) current = undefined;
    });
    return fleet;
  };
  ctx.subscribe(
    source,
    rendered,
    vscode.window.registerWebviewPanelSerializer(FLEET_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => {
        adopt(panel);
      },
    }),
    { dispose: () => current?.dispose() },
  );
  return {
    get panel() {
      return current;
    },
    get lastRendered() {
      return lastRendered;
    },
    onDidRender: rendered.event,
    snapshot: () => source.snapshotNow(),
    show: () => {
      if (current) {
        current.panel.reveal();
        return;
      }
      adopt(
        vscode.window.createWebviewPanel(
          FLEET_VIEW_TYPE,
          vscode.l10n.t('Fleet Overview'),
          vscode.ViewColumn.Active,
          fleetWebviewOptions(extensionUri),
        ),
      );
    },
  };
}
