// The changing actions as tools, one per action. Each describes its change first (describeChange: the tenant,
// the objects, the consequence), which the shells show for the person to confirm before run() is called:
// the VS Code tool through prepareInvocation, the MCP server only when started with --allow-changes.
import type { CloudPc } from '../../model/cloudPc';
import { canEndGracePeriod, canReprovision, canRetryProvisioning } from '../../model/reprovisionRule';
import type { AgentEnv, AgentTool, ChangeSummary, ToolResult } from '../agentTool';
import { defineTool, toolError } from '../agentTool';
import { pickCloudPcs, readCloudPcs, readPolicy } from '../tenantReads';
import { quote } from '../toolText';
import { ASSIGNMENT_CHANGE_PROPERTIES, planAssignmentChange, whatIfLines } from './whatIfTool';
import type { AssignmentChangeInput } from './whatIfTool';

const cloudPcIdsProperty = {
  type: 'array',
  items: { type: 'string', minLength: 1, maxLength: 100 },
  minItems: 1,
  maxItems: 500,
  description: 'Cloud PC ids (cpcpolicy_find_cloud_pcs lists them).',
};

function names(pcs: readonly CloudPc[]): string {
  const shown = pcs
    .slice(0, 5)
    .map((pc) => `${quote(pc.managedDeviceName ?? pc.displayName, 60)} (${pc.userPrincipalName ?? 'shared'})`);
  return `${shown.join(', ')}${pcs.length > 5 ? ` and ${pcs.length - 5} more` : ''}`;
}

/** The Cloud PCs an action may take and those it refuses, with why. */
async function eligible(
  env: AgentEnv,
  ids: readonly string[],
  allowed: (pc: CloudPc) => boolean,
): Promise<{ take: CloudPc[]; refused: string[] }> {
  const { found, unknown } = pickCloudPcs(await readCloudPcs(env), ids);
  const take = found.filter(allowed);
  const refused = [
    ...unknown.map((id) => `${id}: no such Cloud PC`),
    ...found.filter((pc) => !allowed(pc)).map((pc) => `${pc.id}: ${pc.status}`),
  ];
  return { take, refused };
}

async function bulk(
  env: AgentEnv,
  pcs: readonly CloudPc[],
  action: 'reprovision' | 'endGracePeriod',
  verb: string,
  refused: readonly string[],
): Promise<ToolResult> {
  if (pcs.length === 0) return toolError(`Nothing to do: ${refused.join('; ') || 'no Cloud PC given'}.`);
  const results = await env.api.bulkCloudPcAction(
    pcs.map((pc) => pc.id),
    action,
    { signal: env.signal },
  );
  const failed = results.filter((r) => !r.ok);
  return {
    text: [
      `${verb} started for ${results.length - failed.length} of ${results.length} Cloud PC(s) on ${env.tenant}.`,
      ...failed.map((r) => `- ${r.id} failed: ${r.error?.message ?? 'unknown error'}`),
      ...(refused.length ? [`Skipped: ${refused.join('; ')}`] : []),
    ].join('\n'),
    isError: failed.length === results.length,
  };
}

export const assignPolicyTool = defineTool<AssignmentChangeInput>({
  name: 'cpcpolicy_assign_policy',
  title: 'Assign or unassign groups',
  description:
    "Changes a policy's assigned groups (adds and/or removes groups). Members who are licensed get a Cloud PC; Cloud PCs of members of removed groups enter the 7-day grace period and are then deprovisioned with their data. The person confirms first; call cpcpolicy_what_if_assignment before to see who is affected.",
  inputSchema: {
    type: 'object',
    properties: ASSIGNMENT_CHANGE_PROPERTIES,
    required: ['policy'],
    additionalProperties: false,
  },
  changes: true,
  destructive: true,
  idempotent: true,
  async describeChange(input, env): Promise<ChangeSummary> {
    const change = await planAssignmentChange(input, env);
    if (typeof change === 'string') return { title: 'Assign groups', message: `Nothing will change: ${change}` };
    return {
      title: `Change the groups of "${change.policy.displayName}" on ${env.tenant}?`,
      message: [
        `Policy ${quote(change.policy.displayName)} (${change.policy.id}) on ${env.tenant}: add ${change.added.length} group(s), remove ${change.removed.length}.`,
        ...whatIfLines(change).slice(0, 30),
      ].join('\n'),
    };
  },
  async run(input, env): Promise<ToolResult> {
    const change = await planAssignmentChange(input, env);
    if (typeof change === 'string') return toolError(change);
    await env.api.assignPolicy(
      change.policy.id,
      change.targets.map((target) => ({ target })),
      { signal: env.signal },
    );
    return {
      text: `Assigned ${quote(change.policy.displayName)} on ${env.tenant} to ${change.targets.length} group(s): ${change.whatIf.gets.length} Cloud PC(s) being provisioned, ${change.whatIf.loses.length} entering the 7-day grace period.`,
    };
  },
});

/** One Cloud PC action as a tool: the Cloud PCs it may take, what its confirmation says, what it runs. */
interface CloudPcActionTool {
  name: string;
  title: string;
  description: string;
  destructive: boolean;
  idempotent: boolean;
  /** The statuses the action accepts (core/model/reprovisionRule: the simulator reads the same list). */
  allowed: (pc: CloudPc) => boolean;
  confirm: (take: CloudPc[], refused: string[], tenant: string) => ChangeSummary;
  action: 'reprovision' | 'endGracePeriod';
  /** How the answer names it: "Retry started for …". */
  verb: string;
}

function cloudPcActionTool(spec: CloudPcActionTool): AgentTool {
  const selection = (input: { cloudPcIds: string[] }, env: AgentEnv) => eligible(env, input.cloudPcIds, spec.allowed);
  return defineTool<{ cloudPcIds: string[] }>({
    name: spec.name,
    title: spec.title,
    description: spec.description,
    inputSchema: {
      type: 'object',
      properties: { cloudPcIds: cloudPcIdsProperty },
      required: ['cloudPcIds'],
      additionalProperties: false,
    },
    changes: true,
    destructive: spec.destructive,
    idempotent: spec.idempotent,
    async describeChange(input, env): Promise<ChangeSummary> {
      const { take, refused } = await selection(input, env);
      return spec.confirm(take, refused, env.tenant);
    },
    async run(input, env): Promise<ToolResult> {
      const { take, refused } = await selection(input, env);
      return bulk(env, take, spec.action, spec.verb, refused);
    },
  });
}

export const retryProvisioningTool = cloudPcActionTool({
  name: 'cpcpolicy_retry_provisioning',
  title: 'Retry failed Cloud PCs',
  description:
    'Provisions failed Cloud PCs again (only Cloud PCs whose status is failed; they hold no user data). Fix the cause first (cpcpolicy_explain_failure says whether Retry can help). The person confirms first.',
  destructive: false,
  idempotent: false,
  allowed: (pc) => canRetryProvisioning(pc.status),
  confirm: (take, refused, tenant) => ({
    title: `Retry ${take.length} failed Cloud PC(s) on ${tenant}?`,
    message: `Provision again on ${tenant}: ${take.length ? names(take) : 'none'}. A failed Cloud PC holds no user data.${refused.length ? ` Not failed, skipped: ${refused.join('; ')}.` : ''}`,
  }),
  action: 'reprovision',
  verb: 'Retry',
});

export const reprovisionTool = cloudPcActionTool({
  name: 'cpcpolicy_reprovision_cloud_pcs',
  title: 'Reprovision Cloud PCs',
  description:
    "Reprovisions Cloud PCs (provisioned, provisioned with warnings, or failed): each is deleted with everything its user stored on it and created again from its policy's current settings. Cannot be undone. The person confirms first.",
  destructive: true,
  idempotent: false,
  allowed: (pc) => canReprovision(pc.status),
  confirm: (take, refused, tenant) => ({
    title: `Reprovision ${take.length} Cloud PC(s) on ${tenant}?`,
    message: `Reprovisioning deletes ${take.length} Cloud PC(s) on ${tenant} and everything their users stored on them, then creates them again from their policies. This cannot be undone. ${names(take)}${refused.length ? `. Skipped: ${refused.join('; ')}` : ''}`,
  }),
  action: 'reprovision',
  verb: 'Reprovisioning',
});

export const endGracePeriodTool = cloudPcActionTool({
  name: 'cpcpolicy_end_grace_period',
  title: 'End the grace period',
  description:
    "Ends the 7-day grace period of Cloud PCs now: they are deprovisioned at once and their users' data is deleted. Only Cloud PCs in the grace period. Cannot be undone. The person confirms first.",
  destructive: true,
  idempotent: true,
  allowed: (pc) => canEndGracePeriod(pc.status),
  confirm: (take, refused, tenant) => ({
    title: `End the grace period of ${take.length} Cloud PC(s) on ${tenant}?`,
    message: `${take.length} Cloud PC(s) on ${tenant} are deprovisioned now instead of at the end of the 7-day grace period, and their users' data is deleted. This cannot be undone. ${names(take)}${refused.length ? `. Not in grace, skipped: ${refused.join('; ')}` : ''}`,
  }),
  action: 'endGracePeriod',
  verb: 'Ending the grace period',
});

export const applyPolicySettingsTool = defineTool<{ policy: string; settings: 'region' | 'singleSignOn' }>({
  name: 'cpcpolicy_apply_policy_settings',
  title: "Apply a policy's settings to its Cloud PCs",
  description:
    "Pushes a policy's region or single sign-on setting to its existing Cloud PCs (editing a policy changes only new Cloud PCs). region moves the Cloud PCs to the policy's region (status movingRegion meanwhile; users cannot connect during the move). The person confirms first.",
  inputSchema: {
    type: 'object',
    properties: {
      policy: { type: 'string', minLength: 1, maxLength: 200, description: 'Policy id or exact name.' },
      settings: { type: 'string', enum: ['region', 'singleSignOn'], description: 'What to push.' },
    },
    required: ['policy', 'settings'],
    additionalProperties: false,
  },
  changes: true,
  destructive: false,
  idempotent: true,
  async describeChange(input, env): Promise<ChangeSummary> {
    const policy = await readPolicy(env, input.policy);
    if (typeof policy === 'string') return { title: 'Apply settings', message: `Nothing will change: ${policy}` };
    const count = (await readCloudPcs(env)).filter((pc) => pc.provisioningPolicyId === policy.id).length;
    return {
      title: `Apply the ${input.settings} setting of "${policy.displayName}" on ${env.tenant}?`,
      message: `${count} Cloud PC(s) of ${quote(policy.displayName)} on ${env.tenant} get the policy's ${input.settings} setting${input.settings === 'region' ? ': they move to its region, and their users cannot connect during the move' : ''}.`,
    };
  },
  async run(input, env): Promise<ToolResult> {
    const policy = await readPolicy(env, input.policy);
    if (typeof policy === 'string') return toolError(policy);
    await env.api.applyPolicy(policy.id, { policySettings: input.settings }, { signal: env.signal });
    return {
      text: `Applying the ${input.settings} setting of ${quote(policy.displayName)} on ${env.tenant} to its Cloud PCs.`,
    };
  },
});

export const CHANGE_TOOLS: readonly AgentTool[] = [
  assignPolicyTool,
  retryProvisioningTool,
  reprovisionTool,
  endGracePeriodTool,
  applyPolicySettingsTool,
];
