// Deploy's diff for one policy: the deployed policy (or nothing) beside what Deploy will send, then the
// question; answers whether to go ahead.
import * as vscode from 'vscode';
import type { CloudPcProvisioningPolicy } from '../../core/model/provisioningPolicy';
import type { DeployStep } from './deployPolicyFile';
import { policyDiffText } from './policyFileShape';
import { RemotePolicyDocuments } from './remotePolicyDocuments';

/** What Deploy will send for one policy: the deployed one (if any) with the file's settings over it. */
export function proposedOf(step: DeployStep): Partial<CloudPcProvisioningPolicy> {
  const { file, existing } = step;
  return { ...(existing ?? {}), ...file.fields, assignments: file.assignments ? file.assignments.map((target) => ({ id: '', target })) : (existing?.assignments ?? []) };
}

export async function showDeployDiff(documents: RemotePolicyDocuments, step: DeployStep, question: { message: string; detail: string; proceed: string }): Promise<boolean> {
  const name = step.file.fields.displayName ?? '';
  const { existing } = step;
  const before = existing ? RemotePolicyDocuments.uriFor(existing.id, existing.displayName, 'diff') : documents.propose(`${name} (not deployed)`, '');
  const after = documents.propose(`${name} (after deploy)`, policyDiffText(proposedOf(step)));
  await vscode.commands.executeCommand('vscode.diff', before, after, vscode.l10n.t('{0}: deployed ↔ after Deploy', name), { preview: true });
  return (await vscode.window.showInformationMessage(question.message, { modal: true, detail: question.detail || undefined }, question.proceed)) === question.proceed;
}
