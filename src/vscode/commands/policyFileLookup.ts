// Which document a policy-file command acts on, and the deployed policy a file names (exact displayName).
import * as vscode from 'vscode';
import type { CloudPcProvisioningPolicy } from '../../core/model/provisioningPolicy';
import type { Views } from '../views/registerViews';
import type { PolicyFile } from './policyFileShape';

/** The document a command was given (a URI or its string), else the active policy editor's. */
export async function documentOf(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  if (typeof arg === 'string') return vscode.workspace.openTextDocument(vscode.Uri.parse(arg));
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && (doc.languageId === 'cpcpolicy' || doc.fileName.endsWith('.cpcpolicy.json'))) return doc;
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a .cpcpolicy.json file first.'));
  return undefined;
}

/** The deployed policy with the file's displayName, read whole (assignments included). */
export async function findDeployed(views: Views, file: PolicyFile, signal: AbortSignal): Promise<CloudPcProvisioningPolicy | undefined> {
  const name = file.fields.displayName;
  if (!name) return undefined;
  // Exact `eq` match (PSCloudPC#50: prefix matches hit the wrong policy).
  const [found] = await views.sidebar.api.findPoliciesByName(name, { signal });
  return found ? views.sidebar.api.getPolicy(found.id, { signal }) : undefined;
}
