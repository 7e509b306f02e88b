// Which document a policy-file command acts on, and the deployed policy a file stands for (its bound id, else its exact displayName).
import * as vscode from 'vscode';
import type { CloudPcProvisioningPolicy } from '../../core/model/provisioningPolicy';
import type { CloudPcApi } from '../../core/graph/cloudPcApi';
import { isNotFound } from '../../core/graph/graphError';
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

/** What a policy of a file is deployed as: its bound policy, one of the same name, none, or a bound one that is gone. */
export interface DeployedMatch {
  policy?: CloudPcProvisioningPolicy;
  /** The file is bound to this id and the backend has no such policy (deleted elsewhere). */
  missingId?: string;
}

/**
 * The deployed policy a file's policy stands for, read whole (assignments included): the one its comment's
 * id names (so a renamed policy stays itself), else the one with its exact displayName.
 */
export async function findDeployed(
  api: CloudPcApi,
  file: PolicyFile,
  boundId: string | undefined,
  signal: AbortSignal,
): Promise<DeployedMatch> {
  if (boundId) {
    try {
      return { policy: await api.getPolicy(boundId, { signal }) };
    } catch (err) {
      if (isNotFound(err)) return { missingId: boundId };
      throw err;
    }
  }
  const name = file.fields.displayName;
  if (!name) return {};
  // Exact `eq` match: a prefix match takes the wrong policy when one name begins another (docs/service-facts.md, "Endpoints and paging").
  const [found] = await api.findPoliciesByName(name, { signal });
  return found ? { policy: await api.getPolicy(found.id, { signal }) } : {};
}
