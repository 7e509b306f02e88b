// One Fleet Overview panel: posts snapshots (at most one per BATCH_MS, none while hidden), turns the webview's
// requests into the existing commands (filter the Cloud PCs view, Retry, Reprovision, End Grace Period, export a
// table), and reports what the webview drew.
import * as vscode from 'vscode';
import type { FleetAction, FromWebview, ToWebview } from '../../webview/fleet/fleetProtocol';
import { isFleetTableId } from '../../core/export/fleetExportTables';
import { STATUS_BUCKETS } from '../views/cloudPcStatusBuckets';
import { fleetHtml, fleetNonce } from './fleetHtml';
import type { FleetSource } from './fleetSource';
import { errorText } from '../../core/model/errorText';
import { isRestricted, restrictedModeMessage, showRestrictedMode } from '../trust/restrictedMode';

export const FLEET_VIEW_TYPE = 'cpcpolicy.fleetOverview';
/** Live updates are coalesced: a clock advance that moves hundreds of Cloud PCs redraws once. */
const BATCH_MS = 250;

export interface FleetRenderReport {
  revision: number;
  /** `policyId|bucket` → the count the drawn bar segment carries. */
  cells: Record<string, number>;
  firstPaintMs?: number;
}

const ACTION_COMMANDS: Record<FleetAction, string> = {
  retry: 'cpcpolicy.retry',
  reprovision: 'cpcpolicy.reprovision',
  endGracePeriod: 'cpcpolicy.endGracePeriod',
};

export function fleetWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [
      vscode.Uri.joinPath(extensionUri, 'dist', 'webview'),
      vscode.Uri.joinPath(extensionUri, 'media', 'fleet'),
    ],
  };
}

export class FleetPanel implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirty = true;
  private ready = false;
  private posting = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly source: FleetSource,
    extensionUri: vscode.Uri,
    private readonly onRendered: (report: FleetRenderReport) => void,
  ) {
    const webview = panel.webview;
    webview.options = fleetWebviewOptions(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'cloudpc.svg');
    webview.html = fleetHtml(
      {
        cspSource: webview.cspSource,
        scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'fleet.js')),
        styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'fleet', 'fleet.css')),
        title: vscode.l10n.t('Fleet Overview'),
        loadingText: vscode.l10n.t('Loading the fleet…'),
      },
      fleetNonce(),
    );
    source.acquire();
    this.disposables.push(
      source.onDidChange(() => this.schedule()),
      webview.onDidReceiveMessage((m: FromWebview) => this.guard(this.receive(m))),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.dirty) this.schedule();
      }),
      panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.guard(this.postTrust())),
    );
  }

  /** In Restricted Mode the page draws Retry, Reprovision and End Grace Period disabled, with the reason. */
  private async postTrust(): Promise<void> {
    if (!this.ready || this.disposed) return;
    const restricted = isRestricted();
    const message: ToWebview = { type: 'trust', restricted, reason: restricted ? restrictedModeMessage() : '' };
    await this.panel.webview.postMessage(message);
  }

  private schedule(): void {
    this.dirty = true;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.guard(this.post());
    }, BATCH_MS);
  }

  private async post(): Promise<void> {
    if (!this.ready || !this.panel.visible || this.posting) return;
    this.posting = true;
    try {
      this.dirty = false;
      const message: ToWebview = { type: 'snapshot', snapshot: await this.source.snapshot() };
      // The panel may have closed while the snapshot was read: posting then would throw.
      if (this.disposed) return;
      await this.panel.webview.postMessage(message);
    } finally {
      this.posting = false;
    }
    if (this.dirty) this.schedule();
  }

  private async receive(m: FromWebview): Promise<void> {
    switch (m?.type) {
      case 'ready':
        this.ready = true;
        await this.postTrust();
        return this.post();
      case 'rendered':
        this.onRendered({ revision: m.revision, cells: m.cells, firstPaintMs: m.firstPaintMs });
        return;
      case 'filter':
        if (typeof m.policyId !== 'string' || !STATUS_BUCKETS.includes(m.bucket as never)) return;
        // An empty policy id is "every policy" (the failure reasons span policies).
        await vscode.commands.executeCommand('cpcpolicy.filterCloudPcs', {
          policyId: m.policyId || undefined,
          bucket: m.bucket,
        });
        await vscode.commands.executeCommand('cpcpolicy.cloudPcs.focus');
        return;
      case 'export':
        // Read-only, so offered in Restricted Mode too; the extension asks how and writes, never the page.
        if (!isFleetTableId(m.table)) return;
        await vscode.commands.executeCommand('cpcpolicy.exportFleetTable', { table: m.table });
        return;
      case 'action': {
        // Own keys only: the page's message names the action, and 'constructor' is not one.
        const command =
          typeof m.action === 'string' && Object.hasOwn(ACTION_COMMANDS, m.action)
            ? ACTION_COMMANDS[m.action]
            : undefined;
        const ids = Array.isArray(m.cloudPcIds)
          ? m.cloudPcIds.filter((id): id is string => typeof id === 'string')
          : [];
        if (!command || ids.length === 0) return;
        // The page draws these disabled in Restricted Mode; a message sent anyway starts nothing.
        if (isRestricted()) return showRestrictedMode();
        // Retry takes one Cloud PC at a time; Reprovision and End Grace Period take the list and ask once.
        if (m.action === 'retry')
          for (const id of ids) await vscode.commands.executeCommand(command, { cloudPcId: id });
        else await vscode.commands.executeCommand(command, ids);
        return;
      }
      default:
        return;
    }
  }

  private disposed = false;

  /** A failed snapshot or action is said, never an unhandled rejection; nothing is said once the panel is gone. */
  private guard(work: Promise<void>): void {
    work.catch((err: unknown) => {
      if (!this.disposed) void vscode.window.showWarningMessage(vscode.l10n.t('Fleet Overview: {0}', errorText(err)));
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
    this.source.release();
    this.panel.dispose();
  }
}
