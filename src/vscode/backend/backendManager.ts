// Which backend the views and commands talk to, and switching between them. A switch aborts what was
// in flight on the old backend and tells every view to reload.
import * as vscode from 'vscode';
import type { CloudPcApi } from '../../core/graph/cloudPcApi';
import { createFetchCloudPcApi, createInProcessCloudPcApi } from '../../core/graph/createCloudPcApi';
import type { GraphScopeName } from '../../core/graph/graphScopes';
import { GraphScope } from '../../core/graph/graphScopes';
import type { GraphSignIn } from './graphSignIn';
import { refuseWritesWhenRestricted } from '../trust/restrictedMode';
import { userSetting } from '../trust/userSettings';
import { requestLoggerFor } from './requestLogChannel';
import type { SimulatorSession } from './simulatorSession';

export type BackendKind = 'simulator' | 'graph';

export interface ActiveBackend {
  readonly kind: BackendKind;
  /** "Simulator", or the signed-in account / tenant. */
  readonly label: string;
  readonly api: CloudPcApi;
  /** Present only on the simulator backend: its change events and controls. */
  readonly simulator?: SimulatorSession;
  /** Aborted when this backend is replaced: pass it to every request. */
  readonly signal: AbortSignal;
}

export function readBackendKind(): BackendKind {
  return userSetting<BackendKind>('cpcpolicy', 'backend', 'simulator') === 'graph' ? 'graph' : 'simulator';
}

export class BackendManager implements vscode.Disposable {
  private active: (ActiveBackend & { abort: AbortController }) | undefined;
  private readonly changed = new vscode.EventEmitter<ActiveBackend>();
  /** Fires after a switch (or a sign-in change on Graph); views reload on it. */
  readonly onDidChangeBackend = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly signIn: GraphSignIn,
    private readonly openSimulator: () => SimulatorSession,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        const kind = this.active?.kind;
        // A new time scale reopens the simulator from its saved state (the clock driver takes it at start).
        const simulatorSettings = e.affectsConfiguration('cpcpolicy.simulator') && kind === 'simulator';
        const graphSettings = e.affectsConfiguration('cpcpolicy.graph') && kind === 'graph';
        if (e.affectsConfiguration('cpcpolicy.backend') || simulatorSettings || graphSettings) this.reset();
      }),
      signIn.onDidChange(() => {
        if (this.active?.kind === 'graph') this.changed.fire(this.current);
      }),
    );
  }

  /** The backend in use, created on first use (activation does no network and no heavy work). */
  get current(): ActiveBackend {
    this.active ??= this.create(readBackendKind());
    return this.active;
  }

  /** The backend if one was created (the status bar reads it without creating one). */
  get existing(): ActiveBackend | undefined {
    return this.active;
  }

  get kind(): BackendKind {
    return this.active?.kind ?? readBackendKind();
  }

  graphAccountLabel(): string | undefined {
    return this.signIn.accountLabel;
  }

  /** Drops the current backend (aborting its requests) and announces the new one. */
  reset(): void {
    const old = this.active;
    this.active = undefined;
    if (old) {
      old.abort.abort();
      old.simulator?.dispose();
    }
    this.changed.fire(this.current);
  }

  private create(kind: BackendKind): ActiveBackend & { abort: AbortController } {
    const abort = new AbortController();
    if (kind === 'simulator') {
      const opened = this.openSimulator();
      // Restricted Mode: the views still read the simulator; nothing changes it (restrictedMode.ts).
      const simulator = { ...opened, handler: refuseWritesWhenRestricted(opened.handler) };
      const api = createInProcessCloudPcApi(simulator.handler, { logger: requestLoggerFor(this.log, 'simulator') });
      this.log.info('Backend: the embedded Windows 365 simulator');
      return { kind, label: vscode.l10n.t('Simulator'), api, simulator, signal: abort.signal, abort };
    }
    const settings = this.signIn.settings;
    const api = createFetchCloudPcApi({
      cloud: settings.cloud,
      logger: requestLoggerFor(this.log, 'graph'),
      // Browsing never pops a sign-in prompt on its own; actions that need write consent ask for it.
      getToken: (scopes) => this.signIn.getToken(scopes, needsInteractive(scopes)),
    });
    this.log.info(`Backend: Microsoft Graph (${settings.cloud})`);
    const signIn = this.signIn;
    return {
      kind,
      get label() {
        return signIn.accountLabel ?? vscode.l10n.t('Microsoft Graph (signed out)');
      },
      api,
      signal: abort.signal,
      abort,
    };
  }

  dispose(): void {
    this.active?.abort.abort();
    this.active?.simulator?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** Write scopes come from an explicit action, so VS Code may ask the user to consent. */
function needsInteractive(scopes: readonly string[]): boolean {
  return scopes.some((s) => s.endsWith(GraphScope.cloudPcWrite as GraphScopeName));
}
