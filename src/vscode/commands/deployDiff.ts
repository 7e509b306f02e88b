// Deploy's diff for one policy: the deployed policy (or nothing) beside what Deploy will send, then the
// question that goes with it.
import * as vscode from 'vscode';
import type { CloudPcProvisioningPolicy } from '../../core/model/provisioningPolicy';
import type { DeployStep } from './deployStep';
import { policyDiffText } from './policyFileShape';
import type { RemotePolicyDocuments } from './remotePolicyDocuments';

/** What Deploy will send for one policy: the deployed one (if any) with the file's settings over it. */
export function proposedOf(step: DeployStep): Partial<CloudPcProvisioningPolicy> {
  const { file, existing } = step;
  return { ...(existing ?? {}), ...file.fields, assignments: file.assignments ? file.assignments.map((target) => ({ id: '', target })) : (existing?.assignments ?? []) };
}

/** Opens the diff of what Deploy will change for one policy: deployed (or nothing) ↔ after Deploy. */
export async function openDeployDiff(documents: RemotePolicyDocuments, step: DeployStep): Promise<void> {
  const name = step.file.fields.displayName ?? '';
  const { existing } = step;
  // Both sides in the file's order and without nulls, so the diff shows only what Deploy changes.
  const order = step.file.fields;
  const before = documents.propose(existing ? `${existing.displayName} (deployed)` : `${name} (not deployed)`, existing ? policyDiffText(existing, order) : '');
  const after = documents.propose(`${name} (after deploy)`, policyDiffText(proposedOf(step), order));
  await vscode.commands.executeCommand('vscode.diff', before, after, vscode.l10n.t('{0}: deployed ↔ after Deploy', name), { preview: true });
}

export async function askDeploy(question: { message: string; detail: string; proceed: string }): Promise<boolean> {
  return (await vscode.window.showInformationMessage(question.message, { modal: true, detail: question.detail || undefined }, question.proceed)) === question.proceed;
}
