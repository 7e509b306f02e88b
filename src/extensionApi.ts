// What activate() returns: used by the integration tests and by other extensions.
import type * as vscode from 'vscode';
import type { Finding } from './core/policy/finding';
import type { AgentToolsHandle } from './vscode/agent/registerAgentTools';
import type { QuestionAnswerer } from './vscode/commands/questions';
import type { SessionProvider } from './vscode/backend/graphSignIn';
import type { FleetOverview } from './vscode/fleet/registerFleet';
import type { Views } from './vscode/views/registerViews';

/** Present only in an extension host started for tests (ExtensionMode.Test), never for a user. */
export interface CpcPolicyTestHooks {
  /** Answers every confirmation question until the returned disposable is disposed. */
  answerQuestions(answerer: QuestionAnswerer): vscode.Disposable;
  /** Every "what happened" message an action reports, until disposed. */
  onDidReportResult(listener: (message: string) => void): vscode.Disposable;
  /** The backend status bar item's text now (the simulated clock on the simulator). */
  statusBarText(): string;
  /** Stands in for VS Code's Microsoft authentication provider until disposed. */
  authenticateWith(provider: SessionProvider): vscode.Disposable;
  /** The language-model tools registered now, and what a changing one's confirmation says. */
  agentTools: AgentToolsHandle;
}

export interface CpcPolicyApi {
  /** Wall time activate() took, in milliseconds (the bench reports it). */
  readonly activationTimeMs: number;
  /** The sidebar: models, providers and live refresh (integration tests read the trees through it). */
  readonly views?: Views;
  /** The Fleet Overview panel: what its webview last drew (integration tests wait on it). */
  readonly fleet?: FleetOverview;
  /** Resolves with the findings for the document's current version, once validation has run. */
  validated(doc: vscode.TextDocument): Promise<Finding[]>;
  readonly testHooks?: CpcPolicyTestHooks;
}
