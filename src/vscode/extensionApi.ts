// What activate() returns: used by the integration tests and by other extensions.
import type * as vscode from 'vscode';
import type { Finding } from '../core/policy/finding';
import type { FleetOverview } from './fleet/registerFleet';
import type { Views } from './views/registerViews';

export interface CpcPolicyApi {
  /** Wall time activate() took, in milliseconds (the bench reports it). */
  readonly activationTimeMs: number;
  /** The sidebar: models, providers and live refresh (integration tests read the trees through it). */
  readonly views?: Views;
  /** The Fleet Overview panel: what its webview last drew (integration tests wait on it). */
  readonly fleet?: FleetOverview;
  /** Resolves with the findings for the document's current version, once validation has run. */
  validated(doc: vscode.TextDocument): Promise<Finding[]>;
}
