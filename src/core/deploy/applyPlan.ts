// applyPlan: makes a plan's changes, in a safe order, and says exactly what changed and what did not.
// Nothing is written when the plan has problems or refusals, or sends Cloud PCs into the grace period
// without leave; the first failure stops the apply, so a rerun (plan again, apply again) finishes the job.
import type { CloudPcApi } from '../graph/cloudPcApi';
import { errorText } from '../model/errorText';
import type { CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import { IMMUTABLE_POLICY_FIELDS } from '../model/policyFields';
import type { Localize } from './deployPreflight';
import type { DeployOutcome, DeployPlan, PolicyOutcome, PolicyPlan } from './deployPlan';
import { planCounts } from './deployPlan';

export interface ApplyOptions {
  signal?: AbortSignal;
  /** Changes that send Cloud PCs into the 7-day grace period go ahead (the editor asked; the CLI's --allow-grace). */
  allowGrace?: boolean;
  /** Called before each policy is changed. */
  onProgress?: (policy: PolicyPlan, done: number, total: number) => void;
  t?: Localize;
}

const english: Localize = (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[+i]));

/** The order of the phases: nothing is taken away before everything is given (docs/deploy.md, "Apply order"). */
function phase(p: PolicyPlan): number {
  if (p.action === 'delete') return 3;
  if ((p.assignments?.removed.length ?? 0) > 0) return 2;
  return p.action === 'create' ? 1 : 0;
}

/** Makes the plan's changes; never throws for a service failure (the outcome says where it stopped). */
export async function applyPlan(plan: DeployPlan, api: CloudPcApi, options: ApplyOptions = {}): Promise<DeployOutcome> {
  const t = options.t ?? english;
  const refused = refusalsOf(plan, options, t);
  const outcome: DeployOutcome = {
    refused,
    policies: [],
    complete: false,
    intents: { policiesChanged: false, assignmentsChanged: [] },
  };
  const todo = plan.policies
    .filter((p) => p.action === 'create' || p.action === 'update' || p.action === 'delete')
    .map((p, i) => ({ p, i }))
    .sort((a, b) => phase(a.p) - phase(b.p) || a.i - b.i)
    .map(({ p }) => p);
  const results = new Map<PolicyPlan, PolicyOutcome>();
  if (refused.length === 0) {
    let stopped = false;
    for (const [n, p] of todo.entries()) {
      if (stopped) break;
      options.onProgress?.(p, n, todo.length);
      const result = await applyOne(p, api, options.signal);
      results.set(p, result);
      if (result.done.length > 0) outcome.intents.policiesChanged = true;
      if (result.done.includes('assignments') || result.done.includes('unassigned'))
        outcome.intents.assignmentsChanged.push(result.policyId!);
      stopped = result.status === 'failed' || result.status === 'partial';
    }
  }
  outcome.policies = plan.policies.map((p) => results.get(p) ?? untouched(p, refused.length > 0));
  outcome.complete =
    refused.length === 0 && outcome.policies.every((o) => o.status === 'changed' || o.status === 'unchanged');
  return outcome;
}

function refusalsOf(plan: DeployPlan, options: ApplyOptions, t: Localize): string[] {
  const out = plan.problems.map((p) => (p.file ? `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}` : p.message));
  for (const p of plan.policies) out.push(...p.refusals);
  const grace = planCounts(plan).grace;
  if (grace > 0 && !options.allowGrace)
    out.push(
      t(
        '{0} Cloud PC(s) would enter the 7-day grace period, then be deprovisioned: allow it explicitly (--allow-grace) or keep their groups.',
        grace,
      ),
    );
  return out;
}

function untouched(p: PolicyPlan, refused: boolean): PolicyOutcome {
  const changing = p.action === 'create' || p.action === 'update' || p.action === 'delete';
  return {
    file: p.file,
    index: p.index,
    name: p.name,
    action: p.action,
    ...(p.policyId ? { policyId: p.policyId } : {}),
    status: p.action === 'refused' ? 'refused' : !changing ? 'unchanged' : refused ? 'refused' : 'notTried',
    done: [],
    notDone: changing ? stepsOf(p) : [],
  };
}

/** The writes one policy needs, in order. */
function stepsOf(p: PolicyPlan): string[] {
  if (p.action === 'delete') return [...(p.assignments ? ['unassigned'] : []), 'deleted'];
  const steps: string[] = [];
  if (p.action === 'create') steps.push('created');
  if (p.rename) steps.push('renamed');
  if (p.changes.length > 0) steps.push('settings');
  const listed = p.source?.assignments;
  if (p.assignments || (p.action === 'create' && listed && listed.length > 0)) steps.push('assignments');
  return steps;
}

async function applyOne(p: PolicyPlan, api: CloudPcApi, signal: AbortSignal | undefined): Promise<PolicyOutcome> {
  const steps = stepsOf(p);
  const result: PolicyOutcome = {
    file: p.file,
    index: p.index,
    name: p.name,
    action: p.action,
    ...(p.policyId ? { policyId: p.policyId } : {}),
    status: 'changed',
    done: [],
    notDone: [...steps],
  };
  const did = (...names: string[]): void => {
    result.done.push(...names);
    result.notDone = result.notDone.filter((s) => !names.includes(s));
  };
  try {
    if (p.action === 'delete') {
      if (p.assignments) {
        await api.assignPolicy(p.policyId!, [], { signal });
        did('unassigned');
      }
      await api.deletePolicy(p.policyId!, { signal });
      did('deleted');
      return result;
    }
    if (p.action === 'create') {
      result.policyId = (await api.createPolicy(p.source!.fields, { signal })).id;
      did('created');
    } else if (p.rename || p.changes.length > 0) {
      await api.updatePolicy(p.policyId!, patchOf(p), { signal });
      did(...(p.rename ? ['renamed'] : []), ...(p.changes.length > 0 ? ['settings'] : []));
    }
    if (steps.includes('assignments')) {
      const targets = p.source!.assignments ?? [];
      await api.assignPolicy(
        result.policyId!,
        targets.map((target) => ({ target })),
        { signal },
      );
      did('assignments');
    }
    return result;
  } catch (err) {
    result.status = result.done.length > 0 ? 'partial' : 'failed';
    result.error = errorText(err);
    result.cause = err;
    return result;
  }
}

/** The file's settings, without immutable ones the deployed policy already has (a PATCH never carries them). */
function patchOf(p: PolicyPlan): Partial<CloudPcProvisioningPolicy> {
  const patch: Record<string, unknown> = { ...p.source!.fields };
  const deployed = p.deployed as unknown as Record<string, unknown>;
  for (const key of IMMUTABLE_POLICY_FIELDS)
    if (patch[key] === undefined || patch[key] === deployed[key]) delete patch[key];
  return patch as Partial<CloudPcProvisioningPolicy>;
}
