// The what-if of adding or removing groups as a tool (core/coverage/gatherWhatIf, as the Assign command asks it):
// who gets a Cloud PC and its name, who keeps one, who is skipped and why, whose Cloud PC enters the grace period.
import type { PolicyAssignmentInput } from '../../graph/cloudPcApi';
import { gatherWhatIf } from '../../coverage/gatherWhatIf';
import type { WhatIfResult } from '../../coverage/assignWhatIf';
import type { CloudPcProvisioningPolicy } from '../../model/provisioningPolicy';
import type { AgentEnv, ToolResult } from '../agentTool';
import { defineTool, toolError } from '../agentTool';
import { readCloudPcs, readPolicy } from '../tenantReads';
import { fitText, quote, TENANT_TEXT_NOTE } from '../toolText';

export interface AssignmentChangeInput {
  policy: string;
  addGroupIds?: string[];
  removeGroupIds?: string[];
  /** Frontline: the service plan and allotment of the added groups. */
  servicePlanId?: string;
  allotmentLicensesCount?: number;
}

const groupIds = (description: string): Record<string, unknown> => ({
  type: 'array',
  items: { type: 'string', minLength: 1, maxLength: 100 },
  maxItems: 50,
  description,
});

export const ASSIGNMENT_CHANGE_PROPERTIES = {
  policy: { type: 'string', minLength: 1, maxLength: 200, description: 'Policy id or exact name.' },
  addGroupIds: groupIds('Entra group ids to assign (cpcpolicy_find_groups finds them by name).'),
  removeGroupIds: groupIds('Assigned group ids to remove.'),
  servicePlanId: {
    type: 'string',
    minLength: 1,
    maxLength: 100,
    description:
      'Frontline policies: the Frontline service plan id of the added groups (cpcpolicy_list_frontline_plans).',
  },
  allotmentLicensesCount: {
    type: 'integer',
    minimum: 1,
    maximum: 100000,
    description: 'Frontline policies: licenses allotted to each added group.',
  },
};

export interface AssignmentChange {
  policy: CloudPcProvisioningPolicy;
  targets: PolicyAssignmentInput['target'][];
  whatIf: WhatIfResult;
  added: string[];
  removed: string[];
}

/** The assignment set after the change and its what-if; a string says what is wrong with the request. */
export async function planAssignmentChange(
  input: AssignmentChangeInput,
  env: AgentEnv,
): Promise<AssignmentChange | string> {
  if (!input.addGroupIds?.length && !input.removeGroupIds?.length) return 'give addGroupIds and/or removeGroupIds';
  const policy = await readPolicy(env, input.policy);
  if (typeof policy === 'string') return policy;
  const current = (policy.assignments ?? []).map((a) => a.target);
  const has = (id: string): boolean => current.some((t) => t.groupId.toLowerCase() === id.toLowerCase());
  const removed = (input.removeGroupIds ?? []).filter(has);
  const notAssigned = (input.removeGroupIds ?? []).filter((id) => !has(id));
  if (notAssigned.length)
    return `not assigned to this policy: ${notAssigned.join(', ')} (cpcpolicy_get_policy lists its groups)`;
  const added = [...new Set(input.addGroupIds ?? [])].filter((id) => !has(id));
  for (const id of added) {
    const found = await env.api.getGroup(id, { signal: env.signal }).then(
      () => true,
      () => false,
    );
    if (!found) return `no group has the id ${quote(id)} (cpcpolicy_find_groups finds groups by name)`;
  }
  const gone = new Set(removed.map((id) => id.toLowerCase()));
  const targets = [
    ...current.filter((t) => !gone.has(t.groupId.toLowerCase())),
    ...added.map((groupId) => ({
      groupId,
      ...(input.servicePlanId ? { servicePlanId: input.servicePlanId } : {}),
      ...(input.allotmentLicensesCount ? { allotmentLicensesCount: input.allotmentLicensesCount } : {}),
    })),
  ];
  const [others, existing] = await Promise.all([env.api.listPolicies({ signal: env.signal }), readCloudPcs(env)]);
  const plain = (m: string, ...args: (string | number)[]): string =>
    m.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
  const whatIf = await gatherWhatIf(env.api, policy, targets, others, existing, env.signal, plain);
  return { policy, targets, whatIf, added, removed };
}

export function whatIfLines(change: AssignmentChange): string[] {
  const { whatIf } = change;
  return [
    `${whatIf.gets.length} get a Cloud PC, ${whatIf.keeps.length} keep theirs, ${whatIf.skipped.length} skipped, ${whatIf.loses.length} Cloud PC(s) enter the 7-day grace period.`,
    ...(whatIf.gets.length ? ['Get a Cloud PC (sample name):'] : []),
    ...whatIf.gets.map((u) => `  - ${u.userPrincipalName} → ${u.sampleName} (via ${quote(u.group, 80)})`),
    // Those who keep theirs change nothing: a count and a few names, so the answer stays about the change.
    ...(whatIf.keeps.length
      ? [
          `Keep their Cloud PC (${whatIf.keeps.length}): ${whatIf.keeps
            .slice(0, 5)
            .map((u) => u.userPrincipalName)
            .join(', ')}${whatIf.keeps.length > 5 ? ` and ${whatIf.keeps.length - 5} more` : ''}`,
        ]
      : []),
    ...(whatIf.skipped.length ? ['Skipped:'] : []),
    ...whatIf.skipped.map(
      (s) => `  - ${s.userPrincipalName ?? quote(s.name, 80)}: ${s.reason} (in ${quote(s.group, 80)})`,
    ),
    ...(whatIf.loses.length ? ['Enter the 7-day grace period, then deprovisioned (user data deleted):'] : []),
    ...whatIf.loses.map((l) => `  - ${l.name} (Cloud PC ${l.cloudPcId})`),
    ...whatIf.pools.map((p) => `Shared pool for ${quote(p.group, 80)}: ${p.count} Cloud PC(s)`),
  ];
}

export const whatIfAssignmentTool = defineTool<AssignmentChangeInput>({
  name: 'cpcpolicy_what_if_assignment',
  title: 'What if groups are assigned or removed',
  description:
    'Answers "what happens if I add (or remove) these groups to this policy?" without changing anything: who gets a Cloud PC and its sample device name, who keeps the one they have, who is skipped and why (no license, covered by an earlier policy, nested group, allotment full), and whose Cloud PC enters the 7-day grace period. Same rules the simulator provisions by.',
  inputSchema: {
    type: 'object',
    properties: ASSIGNMENT_CHANGE_PROPERTIES,
    required: ['policy'],
    additionalProperties: false,
  },
  changes: false,
  async run(input, env): Promise<ToolResult> {
    const change = await planAssignmentChange(input, env);
    if (typeof change === 'string') return toolError(change);
    const head = `What if ${quote(change.policy.displayName)} (${change.policy.id}) on ${env.tenant}${change.added.length ? ` gains ${change.added.length} group(s)` : ''}${change.removed.length ? `${change.added.length ? ' and' : ''} loses ${change.removed.length} group(s)` : ''}: nothing is changed. ${TENANT_TEXT_NOTE}`;
    return { text: fitText([head, ...whatIfLines(change)]) };
  },
});
