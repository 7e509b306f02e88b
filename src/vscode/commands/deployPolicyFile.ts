// Deploy: the open policy file to the backend. Each policy is matched by the id its comment names (Pull
// and Deploy write it), else by exact displayName; the whole change is checked against the backend before
// anything is written; one question says what changes (and shows the diff for one policy); refused while
// the file has errors. After a create the file is bound to the new policy, so a later rename stays an update.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CloudPcApi } from '../../core/graph/cloudPcApi';
import type { CloudPcProvisioningPolicy } from '../../core/model/provisioningPolicy';
import { validateDocument } from '../../core/policy/validator';
import type { CommandContext } from './commandContext';
import { reportError, withActionProgress } from './actionProgress';
import { reportResult } from './reportResult';
import { preflightProblems } from './deployPreflight';
import { bindingEdit, policyBindings } from '../../core/policy/policyBinding';
import { documentOf, findDeployed } from './policyFileLookup';
import { changedProperties, IMMUTABLE_FIELDS, parsePolicyFiles, sameAssignments } from './policyFileShape';
import { decide } from './questions';
import type { DeployStep } from './deployStep';
import { askDeploy, openDeployDiff } from './deployDiff';
import { cloudPcsEnteringGrace } from './gracePeriodCount';

const t = (message: string, ...args: (string | number)[]): string => vscode.l10n.t(message, ...args);

const nameOf = (s: DeployStep): string => s.file.fields.displayName ?? '';
const isChanged = (s: DeployStep): boolean =>
  !s.existing || s.changes.length > 0 || s.existing.displayName !== nameOf(s);

/**
 * Deploys the policy file; returns the policy id, or for a `{ "policies": [...] }` file the ids of all its
 * policies. Refused while the file has errors or the backend would refuse part of the change.
 */
export async function deployPolicyFile(ctx: CommandContext, arg: unknown): Promise<string | string[] | undefined> {
  // From the diff's title bar the argument is the diff's proposed side: deploy the file it was made from.
  const doc = await documentOf(ctx.documents.sourceOf(arg) ?? arg);
  if (!doc) return undefined;
  const text = doc.getText();
  const errors = validateDocument(text).filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0];
    void vscode.window.showErrorMessage(
      t(
        'Not deployed: the file has {0} error(s). First: {1} ({2}, line {3})',
        errors.length,
        first.message,
        first.code,
        doc.positionAt(first.range.offset).line + 1,
      ),
    );
    return undefined;
  }
  const set = parsePolicyFiles(text);
  const problems = [...set.errors, ...set.policies.flatMap((p) => p.errors)];
  if (problems.length > 0) {
    void vscode.window.showErrorMessage(t('Not deployed: {0}', problems.join(' ')));
    return undefined;
  }
  try {
    const bindings = policyBindings(text);
    const steps: DeployStep[] = [];
    for (const [index, file] of set.policies.entries()) {
      const boundId = bindings[index]?.id;
      const match = await findDeployed(ctx.api, file, boundId, ctx.signal);
      steps.push({
        index,
        file,
        boundId,
        existing: match.policy,
        missingId: match.missingId,
        changes: match.policy ? changedProperties(file, match.policy) : [],
      });
    }
    const refusals = await preflightProblems(ctx.api, steps.filter(isChanged), t, ctx.signal);
    if (refusals.length > 0) {
      void vscode.window.showErrorMessage(t('Not deployed, nothing was changed: {0}', refusals.join(' ')), {
        modal: false,
      });
      return undefined;
    }
    await Promise.all(
      steps.filter(isChanged).map(async (step) => {
        step.dropped = await droppedAssignments(ctx, step);
      }),
    );
    return set.isFleet ? await deployFleet(ctx, doc, steps) : await deployOne(ctx, doc, steps[0]!);
  } catch (err) {
    reportError(ctx, t('Deploy failed'), err);
    return undefined;
  } finally {
    await ctx.sidebar.policiesChanged();
    ctx.documents.refreshOpen();
  }
}

/** The question for one policy, in an admin's words: "Rename "A" to "A v2" and change 2 settings?". */
export function updateQuestion(
  step: DeployStep,
  backendLabel: string,
): { message: string; detail: string; proceed: string } {
  const name = nameOf(step);
  if (!step.existing) {
    return step.missingId
      ? {
          message: t(
            'The policy this file was deployed as no longer exists on {0}. Create "{1}" as a new policy?',
            backendLabel,
            name,
          ),
          detail: t(
            'No policy has the id {0} (it was deleted, or the file comes from another tenant).',
            step.missingId,
          ),
          proceed: t('Create'),
        }
      : { message: t('Create the policy "{0}" on {1}?', name, backendLabel), detail: '', proceed: t('Create') };
  }
  const renamed = step.existing.displayName !== name;
  const n = step.changes.length;
  const message = renamed
    ? n > 0
      ? t('Rename "{0}" to "{1}" and change {2} setting(s)?', step.existing.displayName, name, n)
      : t('Rename "{0}" to "{1}"?', step.existing.displayName, name)
    : t('Change {0} setting(s) of "{1}"?', n, name);
  const detail = [n > 0 ? t('Changes: {0}.', step.changes.join(', ')) : '', ...graceLines([step])]
    .filter(Boolean)
    .join('\n');
  return { message, detail, proceed: t('Update') };
}

async function deployOne(ctx: CommandContext, doc: vscode.TextDocument, step: DeployStep): Promise<string | undefined> {
  const name = nameOf(step);
  if (step.existing && !isChanged(step)) {
    await bindFile(doc, [{ index: 0, id: step.existing.id }], ctx.backend.label);
    reportResult(ctx, t('"{0}" is deployed as written: nothing to change.', name));
    return step.existing.id;
  }
  const question = updateQuestion(step, ctx.backend.label);
  const go = await decide(
    ctx.backends.kind,
    question,
    () => askDeploy(question),
    () => openDeployDiff(ctx.documents, step, doc.uri),
  );
  if (!go) return undefined;
  const outcome = await withActionProgress(ctx, t('Deploying "{0}"', name), (signal) =>
    applyPolicyFile(ctx.api, step, signal),
  );
  await bindFile(doc, [{ index: 0, id: outcome.id }], ctx.backend.label);
  if (outcome.assignError) {
    reportError(ctx, t('The policy "{0}" was deployed but its assignments were not', name), outcome.assignError);
  } else if (!step.existing) {
    reportResult(ctx, t('Created "{0}".', name));
  } else {
    reportResult(
      ctx,
      step.existing.displayName !== name
        ? t('Renamed "{0}" to "{1}" and changed {2} setting(s).', step.existing.displayName, name, step.changes.length)
        : t('Updated "{0}": {1} setting(s) changed.', name, step.changes.length),
    );
  }
  return outcome.id;
}

/** A `{ "policies": [...] }` file: one question for the whole set, then each policy in file order. */
async function deployFleet(
  ctx: CommandContext,
  doc: vscode.TextDocument,
  steps: DeployStep[],
): Promise<string[] | undefined> {
  const names = (list: DeployStep[]): string =>
    list
      .map((s) =>
        s.existing && s.existing.displayName !== nameOf(s)
          ? `"${nameOf(s)}" (${t('renamed from "{0}"', s.existing.displayName)})`
          : `"${nameOf(s)}"`,
      )
      .join(', ');
  const creates = steps.filter((s) => !s.existing);
  const updates = steps.filter((s) => s.existing && isChanged(s));
  const unchanged = steps.length - creates.length - updates.length;
  if (creates.length + updates.length === 0) {
    await bindFile(
      doc,
      steps.map((s) => ({ index: s.index, id: s.existing!.id })),
      ctx.backend.label,
    );
    reportResult(ctx, t('All {0} policies in the file are deployed as written.', steps.length));
    return steps.map((s) => s.existing!.id);
  }
  const gone = creates.filter((s) => s.missingId).length;
  const detail = [
    creates.length > 0 ? t('Create {0}: {1}', creates.length, names(creates)) : '',
    gone > 0 ? t('{0} of them were deployed once and no longer exist.', gone) : '',
    updates.length > 0 ? t('Update {0}: {1}', updates.length, names(updates)) : '',
    unchanged > 0 ? t('Unchanged: {0}', unchanged) : '',
    ...(updates.length > 0 ? graceLines(updates) : []),
  ]
    .filter((line) => line !== '')
    .join('\n');
  const button = t('Deploy');
  const message = t(
    'Deploy {0} policies from {1} to {2}?',
    creates.length + updates.length,
    path.basename(doc.fileName),
    ctx.backend.label,
  );
  const go = await decide(
    ctx.backends.kind,
    { message, detail, proceed: button },
    async () => (await vscode.window.showInformationMessage(message, { modal: true, detail }, button)) === button,
  );
  if (!go) return undefined;
  const toApply = creates.length + updates.length;
  const done: { step: DeployStep; id: string; assignError?: unknown }[] = [];
  let failure: { step: DeployStep; err: unknown } | undefined;
  await withActionProgress(ctx, t('Deploying {0} policies', toApply), async (signal, progress) => {
    for (const step of steps) {
      if (!isChanged(step)) continue;
      progress.report({ message: nameOf(step), increment: 100 / toApply });
      try {
        const outcome = await applyPolicyFile(ctx.api, step, signal);
        done.push({ step, ...outcome });
        // Stop at the first refusal: the service's reasons are usually the same for the rest.
        if (outcome.assignError) return;
      } catch (err) {
        failure = { step, err };
        return;
      }
    }
  });
  await bindFile(
    doc,
    [
      ...steps.filter((s) => s.existing && !isChanged(s)).map((s) => ({ index: s.index, id: s.existing!.id })),
      ...done.map((d) => ({ index: d.step.index, id: d.id })),
    ],
    ctx.backend.label,
  );
  const summary = fleetSummary(steps, done, failure);
  if (failure || done.some((d) => d.assignError)) {
    const err = failure?.err ?? done.find((d) => d.assignError)?.assignError;
    reportError(ctx, summary, err);
    return undefined;
  }
  reportResult(ctx, summary);
  return steps.map((s) => done.find((d) => d.step === s)?.id ?? s.existing!.id);
}

/** What now exists, exactly: created, updated, created without assignments, failed, not tried. */
function fleetSummary(
  steps: DeployStep[],
  done: { step: DeployStep; assignError?: unknown }[],
  failure: { step: DeployStep } | undefined,
): string {
  const list = (items: DeployStep[]): string => items.map((s) => `"${nameOf(s)}"`).join(', ');
  const created = done.filter((d) => !d.step.existing && !d.assignError).map((d) => d.step);
  const updated = done.filter((d) => d.step.existing && !d.assignError).map((d) => d.step);
  const half = done.filter((d) => d.assignError).map((d) => d.step);
  const tried = new Set([...done.map((d) => d.step), ...(failure ? [failure.step] : [])]);
  const notTried = steps.filter((s) => isChanged(s) && !tried.has(s));
  const unchanged = steps.filter((s) => !isChanged(s)).length;
  return [
    created.length > 0 ? t('Created {0}: {1}.', created.length, list(created)) : '',
    updated.length > 0 ? t('Updated {0}: {1}.', updated.length, list(updated)) : '',
    half.length > 0 ? t('Deployed without their assignments: {0}.', list(half)) : '',
    failure ? t('Not deployed: "{0}".', nameOf(failure.step)) : '',
    notTried.length > 0 ? t('Not tried: {0}.', list(notTried)) : '',
    unchanged > 0 ? t('Unchanged: {0}.', unchanged) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * What an update does to existing Cloud PCs: a dropped assignment sends its members' Cloud PCs into the 7-day
 * grace period (docs/simulator.md, rule 8); the others keep their settings (rule 6). Said before every update.
 */
function graceLines(updates: readonly DeployStep[]): string[] {
  const dropped = updates.flatMap((s) => (s.dropped ? [s.dropped] : []));
  if (dropped.length === 0)
    return [
      t(
        'Existing Cloud PCs keep their settings; only new and reprovisioned Cloud PCs use the changes (region and single sign-on can be applied).',
      ),
    ];
  const groups = dropped.reduce((n, d) => n + d.groups.length, 0);
  const known = dropped.every((d) => d.cloudPcs !== undefined);
  const cloudPcs = dropped.reduce((n, d) => n + (d.cloudPcs ?? 0), 0);
  return [
    known
      ? t(
          'The file no longer assigns {0} group(s): {1} Cloud PC(s) from the policy enter the 7-day grace period, then are deprovisioned; assigning the group again within 7 days keeps them.',
          groups,
          cloudPcs,
        )
      : t(
          "The file no longer assigns {0} group(s): their members' Cloud PCs from the policy enter the 7-day grace period, then are deprovisioned.",
          groups,
        ),
    t(
      'The other existing Cloud PCs keep their settings; only new and reprovisioned Cloud PCs use the changes (region and single sign-on can be applied).',
    ),
  ];
}

/** Deploy replaces the assignment set: the deployed policy's groups the file no longer lists go. */
async function droppedAssignments(ctx: CommandContext, step: DeployStep): Promise<DeployStep['dropped']> {
  if (!step.existing || !step.file.assignments) return undefined;
  const kept = new Set(step.file.assignments.map((a) => a.groupId));
  const groups = (step.existing.assignments ?? []).map((a) => a.target.groupId).filter((g) => !kept.has(g));
  return groups.length === 0
    ? undefined
    : { groups, cloudPcs: await cloudPcsEnteringGrace(ctx, step.existing, groups) };
}

/** Creates or updates one policy as its file says, then replaces its assignments when the file lists them. */
async function applyPolicyFile(
  api: CloudPcApi,
  step: DeployStep,
  signal: AbortSignal,
): Promise<{ id: string; assignError?: unknown }> {
  const { file, existing } = step;
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
      await api.assignPolicy(
        policyId,
        file.assignments.map((target) => ({ target })),
        { signal },
      );
    } catch (err) {
      return { id: policyId, assignError: err };
    }
  }
  return { id: policyId };
}

/**
 * Writes each policy's deployed id into the comment before it, so the file stays bound through renames.
 * A file that was saved is saved again (it was clean); an edited one keeps its unsaved state.
 */
async function bindFile(
  doc: vscode.TextDocument,
  ids: { index: number; id: string }[],
  backendLabel: string,
): Promise<void> {
  const text = doc.getText();
  const bindings = policyBindings(text);
  const edit = new vscode.WorkspaceEdit();
  let any = false;
  for (const { index, id } of ids) {
    if (bindings[index]?.id === id) continue;
    const name = parsePolicyFiles(text).policies[index]?.fields.displayName ?? '';
    const change = bindingEdit(text, index, id, t('{0}: deployed to {1}', name, backendLabel));
    if (!change) continue;
    edit.replace(
      doc.uri,
      new vscode.Range(doc.positionAt(change.offset), doc.positionAt(change.offset + change.length)),
      change.text,
    );
    any = true;
  }
  if (!any) return;
  const wasClean = !doc.isDirty;
  if ((await vscode.workspace.applyEdit(edit)) && wasClean && doc.uri.scheme === 'file') await doc.save();
}
