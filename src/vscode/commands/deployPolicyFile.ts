// Deploy: the open policy file to the backend, a thin shell over the deploy engine (src/core/deploy): the
// engine plans (matching, preflight, what-if) and applies; this file asks, binds the file to the ids the
// outcome names, reports, and announces to the views what the outcome says changed.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { applyPlan } from '../../core/deploy/applyPlan';
import type { DeployOutcome, DeployPlan, PolicyPlan } from '../../core/deploy/deployPlan';
import { planIsBlocked } from '../../core/deploy/deployPlan';
import { planDeploy } from '../../core/deploy/planDeploy';
import { bindingEdit, policyBindings } from '../../core/policy/policyBinding';
import type { CommandContext } from './commandContext';
import { reportError, withActionProgress } from './actionProgress';
import { reportResult } from './reportResult';
import { documentOf } from './policyFileLookup';
import { decide } from './questions';
import { askDeploy, openDeployDiff } from './deployDiff';
import { fleetQuestion, fleetSummary, updateQuestion } from './deployWords';

const t = (message: string, ...args: (string | number)[]): string => vscode.l10n.t(message, ...args);

const isChanged = (p: PolicyPlan): boolean => p.action === 'create' || p.action === 'update';

/**
 * Deploys the policy file; returns the policy id, or for a `{ "policies": [...] }` file the ids of all its
 * policies. Refused while the file has errors or the backend would refuse part of the change.
 */
export async function deployPolicyFile(ctx: CommandContext, arg: unknown): Promise<string | string[] | undefined> {
  // From the diff's title bar the argument is the diff's proposed side: deploy the file it was made from.
  const doc = await documentOf(ctx.documents.sourceOf(arg) ?? arg);
  if (!doc) return undefined;
  let outcome: DeployOutcome | undefined;
  try {
    const plan = await planDeploy([{ path: path.basename(doc.fileName), text: doc.getText() }], ctx.api, {
      signal: ctx.signal,
      createMissing: true,
      t,
    });
    if (refused(plan)) return undefined;
    const steps = plan.policies;
    if (!steps.some(isChanged)) {
      await bindFile(
        doc,
        steps.map((s) => ({ index: s.index, id: s.policyId!, name: s.name })),
        ctx.backend.label,
      );
      reportResult(
        ctx,
        plan.files[0]?.isFleet
          ? t('All {0} policies in the file are deployed as written.', steps.length)
          : t('"{0}" is deployed as written: nothing to change.', steps[0]!.name),
      );
      return plan.files[0]?.isFleet ? steps.map((s) => s.policyId!) : steps[0]!.policyId;
    }
    if (!(await ask(ctx, doc, plan))) return undefined;
    const toApply = steps.filter(isChanged).length;
    outcome = await withActionProgress(
      ctx,
      toApply === 1 ? t('Deploying "{0}"', steps.find(isChanged)!.name) : t('Deploying {0} policies', toApply),
      (signal, progress) =>
        applyPlan(plan, ctx.api, {
          signal,
          allowGrace: true,
          t,
          onProgress: (p) => progress.report({ message: p.name, increment: 100 / toApply }),
        }),
    );
    await bindFile(
      doc,
      outcome.policies.filter((o) => o.policyId).map((o) => ({ index: o.index, id: o.policyId!, name: o.name })),
      ctx.backend.label,
    );
    return report(ctx, plan, outcome);
  } catch (err) {
    reportError(ctx, t('Deploy failed'), err);
    return undefined;
  } finally {
    await announce(ctx, outcome);
    // Once deployed, its "deployed ↔ after Deploy" diff is stale; a declined Deploy leaves it open to read.
    if (outcome?.intents.policiesChanged) await ctx.documents.closeProposed(doc.uri);
    ctx.documents.refreshOpen();
  }
}

/** What the outcome changed reaches the views: assignments reload the Cloud PCs too (on Graph nothing else would). */
async function announce(ctx: CommandContext, outcome: DeployOutcome | undefined): Promise<void> {
  if (outcome && outcome.intents.assignmentsChanged.length > 0)
    await ctx.sidebar.assignmentsChanged(outcome.intents.assignmentsChanged);
  else if (!outcome || outcome.intents.policiesChanged) await ctx.sidebar.policiesChanged();
}

/** Errors in the file, or anything the backend would refuse: said, and nothing is written. */
function refused(plan: DeployPlan): boolean {
  if (!planIsBlocked(plan)) return false;
  const findings = plan.problems.filter((p) => p.code);
  if (findings.length > 0) {
    void sayFileHasErrors(findings);
    return true;
  }
  const reasons = [...plan.problems.map((p) => p.message), ...plan.policies.flatMap((p) => p.refusals)];
  void vscode.window.showErrorMessage(t('Not deployed, nothing was changed: {0}', reasons.join(' ')), { modal: false });
  return true;
}

/** Shown this many errors in the refusal; the Problems view has them all. */
const ERRORS_SHOWN = 3;

/**
 * The person pressed Deploy and waits for it: a refusal for errors is a modal (a toast can go unseen, and
 * VS Code's smoke-test mode shows none), naming the first errors and offering the Problems view.
 */
async function sayFileHasErrors(findings: DeployPlan['problems']): Promise<void> {
  const lines = findings.slice(0, ERRORS_SHOWN).map((f) => t('Line {0}: {1} ({2})', f.line ?? 1, f.message, f.code!));
  if (findings.length > ERRORS_SHOWN) lines.push(t('… and {0} more.', findings.length - ERRORS_SHOWN));
  lines.push('', t('Nothing was changed. Fix the errors (the Problems view lists them), then Deploy again.'));
  const showProblems: vscode.MessageItem = { title: t('Show Problems') };
  const close: vscode.MessageItem = { title: t('OK'), isCloseAffordance: true };
  const choice = await vscode.window.showErrorMessage(
    t('Not deployed: the file has {0} error(s).', findings.length),
    { modal: true, detail: lines.join('\n') },
    showProblems,
    close,
  );
  if (choice === showProblems) await vscode.commands.executeCommand('workbench.panel.markers.view.focus');
}

async function ask(ctx: CommandContext, doc: vscode.TextDocument, plan: DeployPlan): Promise<boolean> {
  if (!plan.files[0]?.isFleet) {
    const step = plan.policies[0]!;
    const question = updateQuestion(step, ctx.backend.label, t);
    return decide(
      ctx.backends.kind,
      question,
      () => askDeploy(question),
      () => openDeployDiff(ctx.documents, step, doc.uri),
    );
  }
  const question = fleetQuestion(plan, path.basename(doc.fileName), ctx.backend.label, t);
  return decide(
    ctx.backends.kind,
    question,
    async () =>
      (await vscode.window.showInformationMessage(
        question.message,
        { modal: true, detail: question.detail },
        question.proceed,
      )) === question.proceed,
  );
}

function report(ctx: CommandContext, plan: DeployPlan, outcome: DeployOutcome): string | string[] | undefined {
  const failed = outcome.policies.find((o) => o.error);
  const summary = fleetSummary(plan, outcome, t);
  if (!plan.files[0]?.isFleet) {
    const o = outcome.policies[0]!;
    if (failed && o.done.length > 0)
      reportError(
        ctx,
        t('The policy "{0}" was deployed but its assignments were not', o.name),
        failed.cause ?? failed.error,
      );
    else if (failed) reportError(ctx, t('Deploy failed'), failed.cause ?? failed.error);
    else reportResult(ctx, summary);
    return o.done.length > 0 ? o.policyId : undefined;
  }
  if (failed) {
    reportError(ctx, summary, failed.cause ?? failed.error);
    return undefined;
  }
  reportResult(ctx, summary);
  return outcome.policies.map((o) => o.policyId!);
}

/**
 * Writes each policy's deployed id into the comment before it, so the file stays bound through renames.
 * A file that was saved is saved again (it was clean); an edited one keeps its unsaved state.
 */
async function bindFile(
  doc: vscode.TextDocument,
  ids: { index: number; id: string; name: string }[],
  backendLabel: string,
): Promise<void> {
  const text = doc.getText();
  const bindings = policyBindings(text);
  const edit = new vscode.WorkspaceEdit();
  let any = false;
  for (const { index, id, name } of ids) {
    if (!id || bindings[index]?.id === id) continue;
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
