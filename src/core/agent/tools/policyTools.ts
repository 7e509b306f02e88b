// Policies as tools: list them (with Cloud PC counts) and read one (settings, assignments, a sample name).
import type { CloudPc } from '../../model/cloudPc';
import type { CloudPcProvisioningPolicy } from '../../model/provisioningPolicy';
import { provisioningKindOf } from '../../model/provisioningKind';
import { sampleName } from '../../policy/sampleName';
import type { ToolResult } from '../agentTool';
import { defineTool, toolError } from '../agentTool';
import { readCloudPcs, readPolicy } from '../tenantReads';
import { countsText, fitText, quote, TENANT_TEXT_NOTE } from '../toolText';

function typeLabel(p: Pick<CloudPcProvisioningPolicy, 'provisioningType'>): string {
  const kind = provisioningKindOf(p.provisioningType);
  return kind.family === 'unknown' ? String(p.provisioningType) : kind.label;
}

function statusCounts(pcs: readonly CloudPc[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const pc of pcs) counts.set(pc.status, (counts.get(pc.status) ?? 0) + 1);
  return counts;
}

export const listPoliciesTool = defineTool<{ nameContains?: string }>({
  name: 'cpcpolicy_list_policies',
  title: 'List Cloud PC provisioning policies',
  description:
    'Lists the Windows 365 provisioning policies of the connected tenant: id, name, type (Enterprise, Frontline dedicated/shared, Reserve), how many groups are assigned and how many Cloud PCs it has by status. Use the id with cpcpolicy_get_policy, cpcpolicy_find_cloud_pcs or cpcpolicy_what_if_assignment.',
  inputSchema: {
    type: 'object',
    properties: {
      nameContains: { type: 'string', maxLength: 120, description: 'Only policies whose name contains this text.' },
    },
    additionalProperties: false,
  },
  changes: false,
  async run(input, env): Promise<ToolResult> {
    const [policies, pcs] = await Promise.all([env.api.listPolicies({ signal: env.signal }), readCloudPcs(env)]);
    const term = input.nameContains?.toLowerCase();
    const shown = term ? policies.filter((p) => p.displayName.toLowerCase().includes(term)) : policies;
    const lines = [
      `${shown.length} polic${shown.length === 1 ? 'y' : 'ies'} on ${env.tenant}${term ? ` matching ${quote(input.nameContains)}` : ''}. ${TENANT_TEXT_NOTE}`,
      ...shown.map((p) => {
        const mine = pcs.filter((pc) => pc.provisioningPolicyId === p.id);
        return `- ${p.id} ${quote(p.displayName)} · ${typeLabel(p)} · ${p.assignments?.length ?? 0} group(s) · ${mine.length} Cloud PC(s)${mine.length ? ` (${countsText(statusCounts(mine))})` : ''}`;
      }),
    ];
    return { text: fitText(lines, undefined, 'use nameContains') };
  },
});

export const getPolicyTool = defineTool<{ policy: string }>({
  name: 'cpcpolicy_get_policy',
  title: 'Read a Cloud PC provisioning policy',
  description:
    'Reads one provisioning policy by id or exact name: type, image, network (Microsoft-hosted region or Azure network connections), join type, naming template with a sample device name, the assigned groups (ids and names) and its Cloud PCs counted by status.',
  inputSchema: {
    type: 'object',
    properties: { policy: { type: 'string', minLength: 1, maxLength: 200, description: 'Policy id or exact name.' } },
    required: ['policy'],
    additionalProperties: false,
  },
  changes: false,
  async run(input, env): Promise<ToolResult> {
    const policy = await readPolicy(env, input.policy);
    if (typeof policy === 'string') return toolError(policy);
    const pcs = (await readCloudPcs(env)).filter((pc) => pc.provisioningPolicyId === policy.id);
    const groups = await Promise.all(
      (policy.assignments ?? []).map(async (a) => {
        const g = await env.api.getGroup(a.target.groupId, { signal: env.signal }).catch(() => undefined);
        const allotment = a.target.allotmentLicensesCount ? ` · allotment ${a.target.allotmentLicensesCount}` : '';
        return `  - ${a.target.groupId} ${quote(g?.displayName ?? '(group not found)')}${allotment}`;
      }),
    );
    const network = (policy.domainJoinConfigurations ?? [])
      .map((d) => d.onPremisesConnectionId ?? `Microsoft-hosted ${d.regionName ?? 'automatic'}`)
      .join(', ');
    const lines = [
      `Policy ${policy.id} ${quote(policy.displayName)} on ${env.tenant}. ${TENANT_TEXT_NOTE}`,
      `Description: ${quote(policy.description, 300)}`,
      `Type: ${typeLabel(policy)} · image ${policy.imageType ?? 'gallery'} ${quote(policy.imageDisplayName ?? policy.imageId)} (${policy.imageId ?? 'none'})`,
      `Network: ${network || 'none'}`,
      `Naming template: ${quote(policy.cloudPcNamingTemplate ?? '(default)')} → e.g. ${sampleName(policy, 'adele.vance@contoso.com')}`,
      `Assigned groups (${groups.length}):`,
      ...groups,
      `Cloud PCs: ${pcs.length}${pcs.length ? ` (${countsText(statusCounts(pcs))})` : ''}`,
    ];
    return { text: fitText(lines) };
  },
});
