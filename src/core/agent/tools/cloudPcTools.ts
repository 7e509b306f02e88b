// Cloud PCs as tools: find them (counts first, then a bounded page) and explain a failure (the Fleet Overview's
// facts: statusDetail code, message and retriable, read with core/fleet/failureAdvice).
import type { CloudPc } from '../../model/cloudPc';
import { failureAdvice, serviceSaysRetriable } from '../../fleet/failureAdvice';
import type { ToolResult } from '../agentTool';
import { defineTool, toolError } from '../agentTool';
import { readCloudPcs } from '../tenantReads';
import { countsText, DEFAULT_TEXT_BUDGET, listText, quote, TENANT_TEXT_NOTE } from '../toolText';

const DEFAULT_PAGE = 20;
const MAX_PAGE = 500;

export function cloudPcRow(pc: CloudPc): string {
  const grace = pc.status === 'inGracePeriod' && pc.gracePeriodEndDateTime ? ` until ${pc.gracePeriodEndDateTime}` : '';
  return `- ${pc.id} ${quote(pc.managedDeviceName ?? pc.displayName, 80)} · ${pc.userPrincipalName ?? '(shared)'} · ${pc.status}${grace} · policy ${quote(pc.provisioningPolicyName, 80)}`;
}

export const findCloudPcsTool = defineTool<{
  policyId?: string;
  status?: string;
  user?: string;
  pageSize?: number;
  skip?: number;
}>({
  name: 'cpcpolicy_find_cloud_pcs',
  title: 'Find Cloud PCs',
  description:
    'Finds Cloud PCs by policy id, status (provisioned, provisioning, failed, inGracePeriod, deprovisioning, …) and/or user (part of the user principal name). Answers with the counts by status first, then one page of rows (id, device name, user, status, policy); pageSize (default 20, up to 500) and skip page through the rest. The ids feed cpcpolicy_explain_failure and the Cloud PC actions.',
  inputSchema: {
    type: 'object',
    properties: {
      policyId: { type: 'string', minLength: 1, maxLength: 100, description: 'Only Cloud PCs of this policy.' },
      status: { type: 'string', minLength: 1, maxLength: 60, description: 'Only Cloud PCs in this status.' },
      user: {
        type: 'string',
        minLength: 1,
        maxLength: 113,
        description: 'Only Cloud PCs whose user principal name contains this.',
      },
      pageSize: {
        type: 'integer',
        minimum: 1,
        maximum: MAX_PAGE,
        description: `Rows to show (default ${DEFAULT_PAGE}).`,
      },
      skip: { type: 'integer', minimum: 0, description: 'Rows to skip (paging).' },
    },
    additionalProperties: false,
  },
  changes: false,
  async run(input, env): Promise<ToolResult> {
    const user = input.user?.toLowerCase();
    const matching = (await readCloudPcs(env)).filter(
      (pc) =>
        (!input.policyId || pc.provisioningPolicyId?.toLowerCase() === input.policyId.toLowerCase()) &&
        (!user || (pc.userPrincipalName ?? '').toLowerCase().includes(user)),
    );
    const counts = new Map<string, number>();
    for (const pc of matching) counts.set(pc.status, (counts.get(pc.status) ?? 0) + 1);
    const rows = input.status ? matching.filter((pc) => pc.status === input.status) : matching;
    const size = input.pageSize ?? DEFAULT_PAGE;
    const skip = input.skip ?? 0;
    const page = rows.slice(skip, skip + size);
    // A bigger page asks for a bigger answer; the default page stays within the usual budget.
    const budget = Math.max(DEFAULT_TEXT_BUDGET, size * 220);
    return {
      text: listText(
        `${matching.length} Cloud PC(s) on ${env.tenant} match${matching.length ? `: ${countsText(counts)}` : ''}.${input.status ? ` ${rows.length} are ${input.status}.` : ''} ${TENANT_TEXT_NOTE}`,
        page,
        cloudPcRow,
        {
          intro: [page.length ? `Rows ${skip + 1}–${skip + page.length} of ${rows.length}:` : 'No rows on this page.'],
          outro: skip + page.length < rows.length ? [`Next page: skip ${skip + page.length}.`] : [],
          budget,
          more: 'use pageSize and skip',
        },
      ),
    };
  },
});

function retryVerdict(pc: CloudPc): string {
  const advice = failureAdvice(pc.statusDetail?.code);
  const service = serviceSaysRetriable(pc);
  if (advice.retry === 'no' || service === false)
    return 'Retry will not help until the cause is fixed (the service marks it not retriable or the cause stays).';
  if (advice.retry === 'afterFix')
    return 'Retry helps once the cause is fixed: fix first, then cpcpolicy_retry_provisioning.';
  return `Retry can help now${service ? ' (the service marks it retriable)' : ''}: cpcpolicy_retry_provisioning with cloudPcIds ["${pc.id}"].`;
}

export function explainOne(pc: CloudPc, sameCode: number): string[] {
  if (pc.status !== 'failed') {
    const why =
      pc.status === 'inGracePeriod'
        ? `it is in the 7-day grace period${pc.gracePeriodEndDateTime ? ` until ${pc.gracePeriodEndDateTime}` : ''}: its policy no longer covers the user (group unassigned, user removed from the group, or license removed); covered again in time it is restored, otherwise deprovisioned.`
        : `it is ${pc.status}, not failed.`;
    return [cloudPcRow(pc), `  Not a failure: ${why}`];
  }
  const code = pc.statusDetail?.code ?? 'unknown';
  const advice = failureAdvice(code);
  const action = pc.statusDetail?.additionalInformation?.find((kv) => kv.name === 'failedAction')?.value;
  return [
    cloudPcRow(pc),
    `  Failure: ${code}${action ? ` during ${action}` : ''} — service message ${quote(pc.statusDetail?.message, 300)}`,
    `  What it means: ${advice.meaning}`,
    `  Documented fix: ${advice.fix}`,
    `  ${retryVerdict(pc)}`,
    ...(sameCode > 1 ? [`  ${sameCode - 1} other Cloud PC(s) failed with ${code} too.`] : []),
  ];
}

export const explainFailureTool = defineTool<{ cloudPcId?: string; user?: string }>({
  name: 'cpcpolicy_explain_failure',
  title: 'Explain a failed Cloud PC',
  description:
    "Explains why a Cloud PC failed to provision, given its id or a user (user principal name or part of it): the service's failure code and message, what it usually means, the documented fix, whether Retry can help, and how many other Cloud PCs fail the same way. A Cloud PC that is not failed (e.g. in the grace period) is explained too.",
  inputSchema: {
    type: 'object',
    properties: {
      cloudPcId: { type: 'string', minLength: 1, maxLength: 100, description: 'The Cloud PC id.' },
      user: { type: 'string', minLength: 1, maxLength: 113, description: "The user's principal name, or part of it." },
    },
    additionalProperties: false,
  },
  changes: false,
  async run(input, env): Promise<ToolResult> {
    if ((input.cloudPcId === undefined) === (input.user === undefined))
      return toolError('give exactly one of cloudPcId or user');
    const all = await readCloudPcs(env);
    const user = input.user?.toLowerCase();
    const chosen = input.cloudPcId
      ? all.filter((pc) => pc.id.toLowerCase() === input.cloudPcId!.toLowerCase())
      : all.filter((pc) => (pc.userPrincipalName ?? '').toLowerCase().includes(user!));
    if (chosen.length === 0)
      return toolError(
        input.cloudPcId
          ? `no Cloud PC has the id ${quote(input.cloudPcId)} (cpcpolicy_find_cloud_pcs lists them)`
          : `no Cloud PC belongs to a user matching ${quote(input.user)}`,
      );
    // A user's failed Cloud PCs first: that is what the question is about.
    chosen.sort((a, b) => Number(b.status === 'failed') - Number(a.status === 'failed'));
    const byCode = new Map<string, number>();
    for (const pc of all)
      if (pc.status === 'failed')
        byCode.set(pc.statusDetail?.code ?? 'unknown', (byCode.get(pc.statusDetail?.code ?? 'unknown') ?? 0) + 1);
    const failed = chosen.filter((pc) => pc.status === 'failed').length;
    return {
      text: listText(
        `${chosen.length} Cloud PC(s) on ${env.tenant}, ${failed} failed. ${TENANT_TEXT_NOTE}`,
        chosen.slice(0, 10),
        (pc) => explainOne(pc, byCode.get(pc.statusDetail?.code ?? 'unknown') ?? 0),
        { outro: chosen.length > 10 ? [`… ${chosen.length - 10} more: narrow the user or give a cloudPcId.`] : [] },
      ),
    };
  },
});
