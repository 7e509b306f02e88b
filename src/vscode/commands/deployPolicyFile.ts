// Deploy: the open policy file to the backend (create or update, matched by exact displayName), after a
// diff for one policy or one question for a { "policies": [...] } file; refused while the file has errors.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CloudPcProvisioningPolicy } from '../../core/model/provisioningPolicy';
import { validateDocument } from '../../core/policy/validator';
import type { ExtensionContext } from '../extensionContext';
import type { Views } from '../views/registerViews';
import { reportError, withActionProgress } from './actionProgress';
import { documentOf, findDeployed } from './policyFileLookup';
import { decide } from './questions';
import { IMMUTABLE_FIELDS, isDeployedAsWritten, parsePolicyFiles, policyDiffText, sameAssignments } from './policyFileShape';
import type { PolicyFile } from './policyFileShape';
import { RemotePolicyDocuments } from './remotePolicyDocuments';

const t = (message: string, ...args: (string | number)[]): string => vscode.l10n.t(message, ...args);

/**
 * Deploys the policy file (create or update, matched by exact displayName); returns the policy id, or
 * for a `{ "policies": [...] }` file the ids of all its policies. Refused while the file has errors.
 */
export async function deployPolicyFile(ctx: ExtensionContext, views: Views, documents: RemotePolicyDocuments, arg: unknown): Promise<string | string[] | undefined> {
  const doc = await documentOf(arg);
  if (!doc) return undefined;
  const text = doc.getText();
  const errors = validateDocument(text).filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0];
    void vscode.window.showErrorMessage(t('Not deployed: the file has {0} error(s). First: {1} ({2}, line {3})', errors.length, first.message, first.code, doc.positionAt(first.range.offset).line + 1));
    return undefined;
  }
  const set = parsePolicyFiles(text);
  const problems = [...set.errors, ...set.policies.flatMap((p) => p.errors)];
  if (problems.length > 0) {
    void vscode.window.showErrorMessage(t('Not deployed: {0}', problems.join(' ')));
    return undefined;
  }
  try {
    return set.isFleet ? await deployFleet(ctx, views, doc, set.policies) : await deployOne(ctx, views, documents, set.policies[0]!);
  } finally {
    await views.sidebar.reloadPolicies();
    documents.refreshOpen();
  }
}

/** What Deploy will send for one policy: the deployed one (if any) with the file's settings over it. */
function proposedOf(file: PolicyFile, existing: CloudPcProvisioningPolicy | undefined): Partial<CloudPcProvisioningPolicy> {
  return { ...(existing ?? {}), ...file.fields, assignments: file.assignments ? file.assignments.map((target) => ({ id: '', target })) : (existing?.assignments ?? []) };
}

async function deployOne(ctx: ExtensionContext, views: Views, documents: RemotePolicyDocuments, file: PolicyFile): Promise<string | undefined> {
  const { sidebar } = views;
  try {
    const existing = await findDeployed(views, file, sidebar.signal);
    const question = existing ? t('Update the deployed policy "{0}" as shown in the diff?', existing.displayName) : t('Create the policy "{0}" on {1}?', file.fields.displayName ?? '', sidebar.backend.label);
    const button = existing ? t('Update') : t('Create');
    const go = await decide(ctx.backends.kind, { message: question, detail: existing ? existingCloudPcs() : '', proceed: button }, async () => {
      const before = existing ? RemotePolicyDocuments.uriFor(existing.id, existing.displayName, 'diff') : documents.propose(`${file.fields.displayName} (not deployed)`, '');
      const after = documents.propose(`${file.fields.displayName} (after deploy)`, policyDiffText(proposedOf(file, existing)));
      await vscode.commands.executeCommand('vscode.diff', before, after, t('{0}: deployed ↔ after Deploy', file.fields.displayName ?? ''), { preview: true });
      return (await vscode.window.showInformationMessage(question, { modal: true, detail: existing ? existingCloudPcs() : undefined }, button)) === button;
    });
    if (!go) return undefined;
    const id = await withActionProgress(ctx, t('Deploying "{0}"', file.fields.displayName ?? ''), (signal) => applyPolicyFile(ctx, views, file, existing, signal));
    void vscode.window.showInformationMessage(existing ? t('Updated "{0}".', file.fields.displayName ?? '') : t('Created "{0}".', file.fields.displayName ?? ''));
    return id;
  } catch (err) {
    reportError(ctx, t('Deploy failed'), err);
    return undefined;
  }
}

interface FleetStep {
  file: PolicyFile;
  existing: CloudPcProvisioningPolicy | undefined;
  changed: boolean;
}

/** A `{ "policies": [...] }` file: one question for the whole set, then each policy in file order. */
async function deployFleet(ctx: ExtensionContext, views: Views, doc: vscode.TextDocument, files: PolicyFile[]): Promise<string[] | undefined> {
  const { sidebar } = views;
  const steps: FleetStep[] = [];
  try {
    for (const file of files) {
      const existing = await findDeployed(views, file, sidebar.signal);
      const changed = !existing || !isDeployedAsWritten(file, existing);
      steps.push({ file, existing, changed });
    }
  } catch (err) {
    reportError(ctx, t('Deploy failed'), err);
    return undefined;
  }
  const names = (list: FleetStep[]): string => list.map((s) => `"${s.file.fields.displayName ?? ''}"`).join(', ');
  const creates = steps.filter((s) => !s.existing);
  const updates = steps.filter((s) => s.existing && s.changed);
  const unchanged = steps.length - creates.length - updates.length;
  if (creates.length + updates.length === 0) {
    void vscode.window.showInformationMessage(t('All {0} policies in the file are deployed as written.', steps.length));
    return steps.map((s) => s.existing!.id);
  }
  const detail = [
    creates.length > 0 ? t('Create {0}: {1}', creates.length, names(creates)) : '',
    updates.length > 0 ? t('Update {0}: {1}', updates.length, names(updates)) : '',
    unchanged > 0 ? t('Unchanged: {0}', unchanged) : '',
    updates.length > 0 ? existingCloudPcs() : '',
  ].filter((line) => line !== '').join('\n');
  const button = t('Deploy');
  const message = t('Deploy {0} policies from {1} to {2}?', creates.length + updates.length, path.basename(doc.fileName), sidebar.backend.label);
  const go = await decide(ctx.backends.kind, { message, detail, proceed: button }, async () =>
    (await vscode.window.showInformationMessage(message, { modal: true, detail }, button)) === button);
  if (!go) return undefined;
  const toApply = creates.length + updates.length;
  const ids: string[] = [];
  let applied = 0;
  const failure = await withActionProgress(ctx, t('Deploying {0} policies', toApply), async (signal, progress) => {
    for (const step of steps) {
      if (!step.changed) {
        ids.push(step.existing!.id);
        continue;
      }
      progress.report({ message: step.file.fields.displayName, increment: 100 / toApply });
      try {
        // An assignment the service refuses stops the run too: the file is not deployed as written.
        ids.push(await applyPolicyFile(ctx, views, step.file, step.existing, signal, 'throw'));
        applied++;
      } catch (err) {
        // Stop at the first refusal: the service's reasons are usually the same for the rest.
        return { step, err };
      }
    }
    return undefined;
  });
  if (failure) {
    reportError(ctx, t('Deployed {0} of {1} changed policies; "{2}" failed and the {3} after it were not tried', applied, toApply, failure.step.file.fields.displayName ?? '', toApply - applied - 1), failure.err);
    return undefined;
  }
  void vscode.window.showInformationMessage(t('Deployed {0} policies: {1} created, {2} updated, {3} unchanged.', steps.length, creates.length, updates.length, unchanged));
  return ids;
}

/** Policy edits never touch existing Cloud PCs (the product's rule); said before every update. */
const existingCloudPcs = (): string => t('Existing Cloud PCs keep their settings; only new and reprovisioned Cloud PCs use the changes (region and single sign-on can be applied).');

/**
 * Creates or updates one policy as its file says, then replaces its assignments when the file lists them.
 * A refused assignment is reported and the policy id still returned ('report', one policy), or thrown ('throw').
 */
async function applyPolicyFile(ctx: ExtensionContext, views: Views, file: PolicyFile, existing: CloudPcProvisioningPolicy | undefined, signal: AbortSignal, assignFailure: 'report' | 'throw' = 'report'): Promise<string> {
  const { api } = views.sidebar;
  let policyId: string;
  if (existing) {
    const patch: Record<string, unknown> = { ...file.fields };
    for (const key of IMMUTABLE_FIELDS) if (patch[key] === undefined || patch[key] === existing[key]) delete patch[key];
    await api.updatePolicy(existing.id, patch as Partial<CloudPcProvisioningPolicy>, { signal });
    policyId = existing.id;
  } else {
    policyId = (await api.createPolicy(file.fields, { signal })).id;
  }
  const current = existing?.assignments?.map((a) => a.target) ?? [];
  if (file.assignments && !sameAssignments(current, file.assignments)) {
    try {
      await api.assignPolicy(policyId, file.assignments.map((target) => ({ target })), { signal });
    } catch (err) {
      if (assignFailure === 'throw') throw new Error(t('its settings were deployed but its assignments were not: {0}', err instanceof Error ? err.message : String(err)));
      reportError(ctx, t('The policy "{0}" was deployed but its assignments were not', file.fields.displayName ?? ''), err);
    }
  }
  return policyId;
}
