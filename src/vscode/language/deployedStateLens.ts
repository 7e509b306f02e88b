// A CodeLens above each policy of a file: `Not deployed · Deploy`, `Deployed · matches · 34 Cloud PCs,
// 1 failed · Show`, `Deployed · differs in 3 properties · Diff · Deploy` (docs/tenant-editor.md). It follows
// the sidebar's live data: a Deploy, a change in the tenant or a Cloud PC's status redraws it.
import * as vscode from 'vscode';
import type { CloudPcProvisioningPolicy } from '../../core/model/provisioningPolicy';
import { deployedStates, deployedStateTitle } from './deployedState';
import type { CloudPcCounts, DeployedState } from './deployedState';

/** What the lens reads: the deployed policies and Cloud PCs the sidebar already holds. */
export interface DeployedStateSource {
  readonly onDidChange: vscode.Event<void>;
  /** The deployed policies (with assignments), or undefined while not loaded or failing. */
  policies(): readonly CloudPcProvisioningPolicy[] | undefined;
  cloudPcCounts(policyId: string): CloudPcCounts | undefined;
  /** Asks the source to load what the lens needs (the policies list). */
  ensureLoaded(): void;
}

/** The commands the lens runs: deploy takes the document's URI, diff the URI and the policy's index, show the deployed policy's id. */
export interface DeployedStateCommands {
  deploy: string;
  diff: string;
  show: string;
  /** Offered instead of Deploy while the folder is untrusted: it says why and leads to Manage Workspace Trust. */
  trust: string;
}

/** Restricted Mode as the lens needs it: whether Deploy is off, the reason, and when that changes. */
export interface DeployGate {
  restricted(): boolean;
  reason(): string;
  readonly onDidChange: vscode.Event<void>;
}

export class DeployedStateLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly source: DeployedStateSource,
    private readonly commands: DeployedStateCommands,
    private readonly gate: DeployGate,
  ) {
    this.subscriptions = [source.onDidChange(() => this.changed.fire()), gate.onDidChange(() => this.changed.fire())];
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const deployed = this.source.policies();
    if (!deployed) {
      this.source.ensureLoaded();
      return [];
    }
    return deployedStates(doc.getText(), deployed).flatMap((state) => this.lensesFor(doc, state));
  }

  private lensesFor(doc: vscode.TextDocument, state: DeployedState): vscode.CodeLens[] {
    const range = new vscode.Range(doc.positionAt(state.offset), doc.positionAt(state.offset));
    const counts = state.kind === 'matches' ? this.source.cloudPcCounts(state.policy.id) : undefined;
    const lens = (title: string, command = '', args?: unknown[], tooltip?: string): vscode.CodeLens =>
      new vscode.CodeLens(range, { title, command, arguments: args, tooltip });
    const label = lens(
      deployedStateTitle(state, counts),
      '',
      undefined,
      state.kind === 'differs' ? vscode.l10n.t('Differs in: {0}', state.properties.join(', ')) : undefined,
    );
    // In Restricted Mode Deploy never starts (no diff, no question): the lens says why instead.
    const deploy = this.gate.restricted()
      ? lens(vscode.l10n.t('Deploy is off in Restricted Mode'), this.commands.trust, undefined, this.gate.reason())
      : lens(vscode.l10n.t('Deploy'), this.commands.deploy, [doc.uri]);
    switch (state.kind) {
      case 'notDeployed':
      case 'gone':
        return [label, deploy];
      case 'matches':
        return [label, lens(vscode.l10n.t('Show'), this.commands.show, [state.policy.id])];
      case 'differs':
        return [label, lens(vscode.l10n.t('Diff'), this.commands.diff, [doc.uri, state.index]), deploy];
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
