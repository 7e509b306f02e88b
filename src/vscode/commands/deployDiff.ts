// Deploy's diff for one policy: the deployed policy (or nothing) beside what Deploy will send, then the
// question that goes with it.
import * as vscode from 'vscode';
import type { CloudPcProvisioningPolicy } from '../../core/model/provisioningPolicy';
import type { PolicyPlan } from '../../core/deploy/deployPlan';
import { policyDiffText } from '../../core/deploy/policyFileShape';
import type { RemotePolicyDocuments } from './remotePolicyDocuments';

/** What Deploy will send for one policy: the deployed one (if any) with the file's settings over it. */
export function proposedOf(step: PolicyPlan): Partial<CloudPcProvisioningPolicy> {
  const file = step.source!;
  const existing = step.deployed;
  return {
    ...(existing ?? {}),
    ...file.fields,
    assignments: file.assignments
      ? file.assignments.map((target) => ({ id: '', target }))
      : (existing?.assignments ?? []),
  };
}

/** Opens the diff of what Deploy will change for one policy: deployed (or nothing) ↔ after Deploy. */
export async function openDeployDiff(
  documents: RemotePolicyDocuments,
  step: PolicyPlan,
  source: vscode.Uri,
): Promise<void> {
  const name = step.name;
  const existing = step.deployed;
  // Both sides in the file's order and without nulls, so the diff shows only what Deploy changes.
  const order = step.source?.fields;
  const before = documents.propose(
    existing ? `${existing.displayName} (deployed)` : `${name} (not deployed)`,
    existing ? policyDiffText(existing, order) : '',
    source,
  );
  const after = documents.propose(`${name} (after deploy)`, policyDiffText(proposedOf(step), order), source);
  await vscode.commands.executeCommand(
    'vscode.diff',
    before,
    after,
    vscode.l10n.t('{0}: deployed ↔ after Deploy', name),
    { preview: true },
  );
}

/** The modal covers the diff: its detail says how to read the diff first and come back to the question. */
export async function askDeploy(question: { message: string; detail: string; proceed: string }): Promise<boolean> {
  const detail = [
    question.detail,
    vscode.l10n.t("To read the diff first, choose Cancel: Deploy Policy File on the diff's title bar asks again."),
  ]
    .filter(Boolean)
    .join('\n\n');
  return (
    (await vscode.window.showInformationMessage(question.message, { modal: true, detail }, question.proceed)) ===
    question.proceed
  );
}
