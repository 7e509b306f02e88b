// Reads what the assign what-if needs (group members, licences, the other policies' groups and Cloud PCs)
// through CloudPcApi and computes it: the Assign command and the agent's what-if tool ask the same question.
import type { CloudPcApi, PolicyAssignmentInput } from '../graph/cloudPcApi';
import type { CloudPc } from '../model/cloudPc';
import type { LicenseDetails } from '../model/directory';
import { errorText } from '../model/errorText';
import { isFrontlineType, provisioningKindOf } from '../model/provisioningKind';
import type { CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import { sampleName } from '../policy/sampleName';
import { computeWhatIf } from './assignWhatIf';
import type { Localize, WhatIfGroup, WhatIfResult } from './assignWhatIf';

/** Users whose licenses the what-if reads at most (a big group shows the first ones). */
export const WHAT_IF_MAX_USERS = 500;

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

const hasUpn = (m: unknown): boolean => typeof (m as { userPrincipalName?: unknown }).userPrincipalName === 'string';

/** Everything the what-if needs, read from the directory and the other policies' assignments. */
export async function gatherWhatIf(
  api: CloudPcApi,
  policy: CloudPcProvisioningPolicy,
  targets: readonly PolicyAssignmentInput['target'][],
  others: readonly CloudPcProvisioningPolicy[],
  existing: readonly CloudPc[],
  signal: AbortSignal | undefined,
  t: Localize,
): Promise<WhatIfResult> {
  const groups: WhatIfGroup[] = await mapLimit(targets, 4, async (target) => {
    const [group, members] = await Promise.all([
      api.getGroup(target.groupId, { signal }).catch(() => undefined),
      api.listGroupMembers(target.groupId, { signal }),
    ]);
    // `$select` may drop `@odata.type`: a member without a UPN that resolves as a group is a nested group.
    const typed = await Promise.all(
      members.map(async (m) => {
        if (m['@odata.type'] || hasUpn(m)) return m;
        const nested = await api.getGroup(m.id, { signal }).catch(() => undefined);
        return nested
          ? { ...m, displayName: m.displayName ?? nested.displayName, '@odata.type': '#microsoft.graph.group' as const }
          : m;
      }),
    );
    return {
      id: target.groupId,
      displayName: group?.displayName ?? target.groupId,
      members: typed,
      allotment: target.allotmentLicensesCount,
    };
  });
  const userIds = [...new Set(groups.flatMap((g) => g.members.filter(hasUpn).map((m) => m.id)))].slice(
    0,
    WHAT_IF_MAX_USERS,
  );
  const licenses = new Map<string, LicenseDetails[] | { error: string }>();
  if (provisioningKindOf(policy.provisioningType).family === 'enterprise') {
    await mapLimit(userIds, 8, async (id) => {
      try {
        licenses.set(id, await api.listUserLicenseDetails(id, { signal }));
      } catch (err) {
        licenses.set(id, { error: errorText(err) });
      }
    });
  }
  const coveredElsewhere = await coveredByOthers(api, policy, groups, new Set(userIds), others, existing, signal);
  return computeWhatIf(
    { policy, groups, licenses, coveredElsewhere, existing, sampleName: (upn) => sampleName(policy, upn) },
    t,
  );
}

/** A user already covered by another policy of the same kind keeps that one: first assigned wins (docs/simulator.md rule 4). */
async function coveredByOthers(
  api: CloudPcApi,
  policy: CloudPcProvisioningPolicy,
  groups: readonly WhatIfGroup[],
  wanted: ReadonlySet<string>,
  others: readonly CloudPcProvisioningPolicy[],
  existing: readonly CloudPc[],
  signal: AbortSignal | undefined,
): Promise<Map<string, string>> {
  const frontline = isFrontlineType(policy.provisioningType);
  const coveredElsewhere = new Map<string, string>();
  const sameKind = others.filter(
    (p) => p.id !== policy.id && isFrontlineType(p.provisioningType) === frontline && (p.assignments?.length ?? 0) > 0,
  );
  const otherGroups = new Map<string, string>();
  for (const p of sameKind)
    for (const a of p.assignments ?? [])
      if (!otherGroups.has(a.target.groupId)) otherGroups.set(a.target.groupId, p.displayName);
  await mapLimit([...otherGroups], 4, async ([groupId, policyName]) => {
    const members = await api.listGroupMembers(groupId, { signal }).catch(() => []);
    for (const m of members)
      if (wanted.has(m.id) && !coveredElsewhere.has(m.id)) coveredElsewhere.set(m.id, policyName);
  });
  for (const pc of existing) {
    if (pc.provisioningPolicyId === policy.id || !pc.userPrincipalName || pc.status === 'deprovisioning') continue;
    const other = others.find((p) => p.id === pc.provisioningPolicyId);
    if (!other || isFrontlineType(other.provisioningType) !== frontline) continue;
    const upn = pc.userPrincipalName.toLowerCase();
    for (const g of groups)
      for (const m of g.members)
        if (
          (m as { userPrincipalName?: string }).userPrincipalName?.toLowerCase() === upn &&
          !coveredElsewhere.has(m.id)
        )
          coveredElsewhere.set(m.id, other.displayName);
  }
  return coveredElsewhere;
}
