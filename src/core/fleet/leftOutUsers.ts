// Users in assigned groups who will not get a Cloud PC, and why. Service rules (Learn "Create provisioning
// policies" and "Windows 365 Frontline"): one policy per user licence, the first assigned policy wins and
// overlaps are ignored; dedicated (Enterprise) needs a Windows 365 licence per user; Frontline dedicated
// draws from the assignment's licences, each enabling up to three Cloud PCs; assignments use direct members.
import { perUserFamily, provisioningKindOf } from '../model/provisioningKind';
import type { LeftOutUser } from './fleetSnapshot';

export interface LeftOutPolicy {
  id: string;
  displayName: string;
  provisioningType?: string | null;
  assignments: { groupId: string; allotmentLicensesCount?: number | null }[];
}

export interface LeftOutMember {
  id: string;
  displayName: string;
  userPrincipalName: string;
  /** The user's licence SKU ids (assignedLicenses). */
  skuIds: readonly string[];
}

export interface LeftOutInput {
  /** In the order they were assigned: Graph has no assignment time, so the caller's order decides (first wins). */
  policies: readonly LeftOutPolicy[];
  /** Direct user members per group id (nested groups and devices are not users and get nothing). */
  groups: ReadonlyMap<string, { displayName: string; members: readonly LeftOutMember[] }>;
  /** Windows 365 Enterprise licence SKUs (a dedicated policy needs one per user). */
  enterpriseSkuIds: ReadonlySet<string>;
  /** Cloud PCs that exist, outside their grace period: their policy already covers their user. */
  holders: readonly { userPrincipalName: string; policyId: string }[];
}

interface Winner {
  id: string;
  name: string;
}

export function computeLeftOut(input: LeftOutInput): LeftOutUser[] {
  const names = new Map(input.policies.map((p) => [p.id, p.displayName]));
  const families = new Map(input.policies.map((p) => [p.id, provisioningKindOf(p.provisioningType).family]));
  const winners = { enterprise: new Map<string, Winner>(), frontline: new Map<string, Winner>() };
  const holds = new Set<string>();
  for (const h of input.holders) {
    const family = families.get(h.policyId);
    if (family !== 'enterprise' && family !== 'frontline') continue;
    const key = h.userPrincipalName.toLowerCase();
    holds.add(`${h.policyId}|${key}`);
    if (!winners[family].has(key))
      winners[family].set(key, { id: h.policyId, name: names.get(h.policyId) ?? h.policyId });
  }
  const out: LeftOutUser[] = [];
  for (const policy of input.policies) {
    const kind = provisioningKindOf(policy.provisioningType);
    // Frontline shared is a pool per group and Reserve is provisioned by a device action: nobody is left out.
    const family = perUserFamily(policy.provisioningType);
    if (!family) continue;
    const seen = new Set<string>();
    for (const assignment of policy.assignments) {
      const group = input.groups.get(assignment.groupId);
      if (!group) continue;
      const capacity =
        family === 'frontline' ? (assignment.allotmentLicensesCount ?? 1) * kind.cloudPcsPerLicence : Infinity;
      let used = 0;
      // Users who already hold a Cloud PC from this policy keep their place in the allotment: they go first.
      const held: [LeftOutMember, string][] = [];
      const rest: [LeftOutMember, string][] = [];
      for (const m of group.members) {
        const key = m.userPrincipalName.toLowerCase();
        (holds.size > 0 && holds.has(`${policy.id}|${key}`) ? held : rest).push([m, key]);
      }
      for (const [m, key] of held.length ? [...held, ...rest] : rest) {
        if (seen.has(key)) continue;
        seen.add(key);
        const base = {
          userId: m.id,
          name: m.displayName,
          userPrincipalName: m.userPrincipalName,
          policyId: policy.id,
          policyName: policy.displayName,
          groupName: group.displayName,
        };
        const winner = winners[family].get(key);
        if (winner && winner.id !== policy.id) {
          out.push({ ...base, reason: 'coveredByOtherPolicy', coveringPolicyName: winner.name });
          continue;
        }
        if (family === 'enterprise' && !m.skuIds.some((s) => input.enterpriseSkuIds.has(s))) {
          out.push({ ...base, reason: 'noLicence' });
          continue;
        }
        if (used >= capacity) {
          out.push({ ...base, reason: 'noCapacity' });
          continue;
        }
        used++;
        winners[family].set(key, { id: policy.id, name: policy.displayName });
      }
    }
  }
  return out;
}
