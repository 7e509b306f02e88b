// How many Cloud PCs a change of assignments sends into the 7-day grace period (docs/simulator.md, rule 8):
// Remove Assignment, Deploy and `cpcpolicy plan` say it before they change anything.
import type { CloudPcApi } from '../graph/cloudPcApi';
import type { CloudPc } from '../model/cloudPc';
import { isFrontlineType } from '../model/provisioningKind';
import type { CloudPcProvisioningPolicy } from '../model/provisioningPolicy';

/**
 * The policy's Cloud PCs whose users are in the groups that go, except users another of the policy's
 * remaining groups still covers (a user-less shared Frontline Cloud PC goes with any group); Cloud PCs already
 * in grace or deprovisioning are not counted again. Undefined when the directory can't be read.
 */
export async function cloudPcsEnteringGrace(
  api: CloudPcApi,
  policy: CloudPcProvisioningPolicy,
  removedGroupIds: readonly string[],
  cloudPcs: () => Promise<readonly CloudPc[]>,
  signal?: AbortSignal,
): Promise<number | undefined> {
  const upns = async (id: string): Promise<Set<string>> =>
    new Set(
      (await api.listGroupMembers(id, { signal }))
        .map((m) => (m as { userPrincipalName?: string }).userPrincipalName?.toLowerCase())
        .filter((u): u is string => !!u),
    );
  try {
    const all = await cloudPcs();
    const leaving = new Set<string>();
    for (const groupId of removedGroupIds) for (const u of await upns(groupId)) leaving.add(u);
    const staying = (policy.assignments ?? []).filter((a) => !removedGroupIds.includes(a.target.groupId));
    for (const other of staying) for (const u of await upns(other.target.groupId)) leaving.delete(u);
    return all.filter(
      (pc) =>
        pc.provisioningPolicyId === policy.id &&
        pc.status !== 'inGracePeriod' &&
        pc.status !== 'deprovisioning' &&
        (pc.userPrincipalName
          ? leaving.has(pc.userPrincipalName.toLowerCase())
          : isFrontlineType(policy.provisioningType)),
    ).length;
  } catch {
    return undefined;
  }
}
