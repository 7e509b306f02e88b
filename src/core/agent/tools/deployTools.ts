// Policy as code as tools: plan a policy file against the backend (core/deploy's planDeploy: create, update with
// the changed settings, rename, assignments with their what-if, refusals) and deploy it (applyPlan, after the
// person confirms the plan). The same engine as Deploy Policy File and `cpcpolicy plan/apply`.
import { applyPlan } from '../../deploy/applyPlan';
import { planCounts, planHasChanges, planIsBlocked } from '../../deploy/deployPlan';
import type { DeployOutcome, DeployPlan, PolicyPlan } from '../../deploy/deployPlan';
import { planDeploy } from '../../deploy/planDeploy';
import type { AgentEnv, ChangeSummary, ToolResult } from '../agentTool';
import { defineTool, toolError } from '../agentTool';
import { fitText, quote, TENANT_TEXT_NOTE } from '../toolText';
import { POLICY_SOURCE_PROPERTIES, policySource } from './policyFileTools';

interface DeployInput {
  path?: string;
  text?: string;
  allowGrace?: boolean;
}

const value = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v).slice(0, 120));

function policyLines(p: PolicyPlan): string[] {
  const head = `- ${p.action} ${quote(p.name, 80)}${p.policyId ? ` (${p.policyId})` : ''}`;
  return [
    head,
    ...(p.rename ? [`  rename ${quote(p.rename.from, 80)} → ${quote(p.rename.to, 80)}`] : []),
    ...p.changes.slice(0, 15).map((c) => `  ${c.property}: ${value(c.deployed)} → ${value(c.file)}`),
    ...(p.changes.length > 15 ? [`  … ${p.changes.length - 15} more settings`] : []),
    ...(p.assignments
      ? [
          `  groups added: ${p.assignments.added.map((a) => a.groupId).join(', ') || 'none'}; removed: ${p.assignments.removed.map((a) => a.groupId).join(', ') || 'none'}`,
        ]
      : []),
    ...(p.whatIf
      ? [
          p.whatIf.unknown
            ? `  who is affected could not be worked out: ${p.whatIf.unknown}`
            : `  ${p.whatIf.gets} get a Cloud PC${p.whatIf.getsSample.length ? ` (${p.whatIf.getsSample.join(', ')}…)` : ''}; ${p.whatIf.entersGrace} Cloud PC(s) enter the 7-day grace period${p.whatIf.graceSample.length ? ` (${p.whatIf.graceSample.join(', ')}…)` : ''}`,
        ]
      : []),
    ...p.refusals.map((r) => `  refused: ${r}`),
  ];
}

export function planSummary(plan: DeployPlan): string {
  const c = planCounts(plan);
  return `${c.create} to create, ${c.update} to update, ${c.unchanged} unchanged, ${c.delete} to delete, ${c.refused} refused; ${c.gets} Cloud PC(s) to provision, ${c.grace} to enter the 7-day grace period${plan.problems.length ? `; ${plan.problems.length} file problem(s)` : ''}.`;
}

function planLines(name: string, plan: DeployPlan, env: AgentEnv): string[] {
  return [
    `Plan of ${name} against ${env.tenant} (nothing is changed): ${planSummary(plan)} ${TENANT_TEXT_NOTE}`,
    ...plan.problems.map((p) => `problem${p.line ? ` line ${p.line}` : ''}${p.code ? ` ${p.code}` : ''}: ${p.message}`),
    ...plan.policies.flatMap(policyLines),
    planIsBlocked(plan)
      ? 'Deploy would change nothing until the problems and refusals are fixed.'
      : planHasChanges(plan)
        ? 'cpcpolicy_deploy_policy_file makes these changes after the person confirms.'
        : 'Nothing to deploy: the tenant matches the file.',
  ];
}

async function planOf(input: DeployInput, env: AgentEnv): Promise<{ name: string; plan: DeployPlan } | string> {
  const source = await policySource(input, env);
  if ('error' in source && source.error) return source.error;
  const { name, text } = source as { name: string; text: string };
  return { name, plan: await planDeploy([{ path: name, text }], env.api, { signal: env.signal }) };
}

export const planPolicyFileTool = defineTool<DeployInput>({
  name: 'cpcpolicy_plan_policy_file',
  title: 'Plan a policy file',
  description:
    'Compares a policy file (or policy JSON text) with the tenant without changing anything, like terraform plan: which policies would be created, updated (each changed setting, deployed → file), renamed or left unchanged, which groups are added or removed with who gets a Cloud PC and whose Cloud PC enters the grace period, and what is refused and why. A policy is matched by its "policy id" comment, else by its exact name.',
  inputSchema: { type: 'object', properties: POLICY_SOURCE_PROPERTIES, additionalProperties: false },
  changes: false,
  async run(input, env): Promise<ToolResult> {
    const planned = await planOf(input, env);
    if (typeof planned === 'string') return toolError(planned);
    return { text: fitText(planLines(planned.name, planned.plan, env)) };
  },
});

function outcomeLines(name: string, outcome: DeployOutcome, env: AgentEnv): string[] {
  if (outcome.refused.length)
    return [`Nothing was deployed from ${name} to ${env.tenant}:`, ...outcome.refused.map((r) => `- ${r}`)];
  return [
    `${outcome.complete ? 'Deployed' : 'Partly deployed'} ${name} to ${env.tenant}:`,
    ...outcome.policies.map(
      (o) =>
        `- ${o.status} ${quote(o.name, 80)}${o.policyId ? ` (${o.policyId})` : ''}${o.done.length ? `: ${o.done.join(', ')}` : ''}${o.notDone.length ? `; not done: ${o.notDone.join(', ')}` : ''}${o.error ? `; error: ${o.error}` : ''}`,
    ),
    ...(outcome.complete ? [] : ['Plan again and deploy again to finish.']),
  ];
}

export const deployPolicyFileTool = defineTool<DeployInput>({
  name: 'cpcpolicy_deploy_policy_file',
  title: 'Deploy a policy file',
  description:
    'Deploys a policy file (or policy JSON text) to the tenant: creates, updates and renames its policies and sets their assigned groups, in a safe order, then says exactly what changed. Changes that send Cloud PCs into the 7-day grace period happen only with allowGrace true. Call cpcpolicy_plan_policy_file first; the person confirms the plan before anything changes.',
  inputSchema: {
    type: 'object',
    properties: {
      ...POLICY_SOURCE_PROPERTIES,
      allowGrace: {
        type: 'boolean',
        description: 'Let assignment changes send Cloud PCs into the 7-day grace period (default false).',
      },
    },
    additionalProperties: false,
  },
  changes: true,
  destructive: true,
  idempotent: true,
  async describeChange(input, env): Promise<ChangeSummary> {
    const planned = await planOf(input, env);
    if (typeof planned === 'string')
      return { title: 'Deploy a policy file', message: `Nothing will change: ${planned}` };
    const grace = planCounts(planned.plan).grace;
    return {
      title: `Deploy ${planned.name} to ${env.tenant}?`,
      message: [
        `${planSummary(planned.plan)}${grace > 0 ? ` Cloud PCs in the grace period are deprovisioned after 7 days with their users' data${input.allowGrace ? '' : ' (not allowed by this call: the deploy will stop)'}.` : ''}`,
        ...planned.plan.policies.flatMap(policyLines).slice(0, 30),
      ].join('\n'),
    };
  },
  async run(input, env): Promise<ToolResult> {
    const planned = await planOf(input, env);
    if (typeof planned === 'string') return toolError(planned);
    if (!planHasChanges(planned.plan) && !planIsBlocked(planned.plan))
      return { text: `Nothing to deploy: ${env.tenant} matches ${planned.name}.` };
    const outcome = await applyPlan(planned.plan, env.api, {
      signal: env.signal,
      allowGrace: input.allowGrace === true,
    });
    return {
      text: fitText(outcomeLines(planned.name, outcome, env)),
      isError: outcome.refused.length > 0 || !outcome.complete,
    };
  },
});
