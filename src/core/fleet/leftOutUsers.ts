// Users in assigned groups who will not get a Cloud PC, and why. Each member's answer is decideCoverage's
// (src/core/coverage), the rule the simulator provisions by and the assign what-if shows: one policy per user
// licence, the first assigned wins; Enterprise needs a Windows 365 licence; Frontline dedicated draws from
// the assignment's allotment; assignments use direct members (docs/fleet-overview.md).
import { decideCoverage } from '../coverage/coverage';
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
    // Beyond one assignment's allotment, a user may still get a place from the policy's next assignment (as the simulator does).
    const beyond = new Map<string, LeftOutUser>();
    for (const assignment of policy.assignments) {
      const group = input.groups.get(assignment.groupId);
      if (!group) continue;
      // Kept or new, a Frontline Cloud PC takes a place in the allotment (docs/simulator.md rule 2).
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
        const winner = winners[family].get(key);
        // One decision with the simulator and the assign what-if (core/coverage).
        const coverage = decideCoverage({
          kind,
          slotHeldBy: holds.has(`${policy.id}|${key}`) ? 'thisPolicy' : 'none',
          earlierPolicy: winner !== undefined && winner.id !== policy.id,
          licensed: family !== 'enterprise' || m.skuIds.some((s) => input.enterpriseSkuIds.has(s)),
          allotmentUsed: used,
          allotmentLicences: assignment.allotmentLicensesCount ?? null,
        });
        if (coverage.covered) {
          seen.add(key);
          beyond.delete(key);
          used++;
          winners[family].set(key, { id: policy.id, name: policy.displayName });
          continue;
        }
        const base = {
          userId: m.id,
          name: m.displayName,
          userPrincipalName: m.userPrincipalName,
          policyId: policy.id,
          policyName: policy.displayName,
          groupName: group.displayName,
        };
        if (coverage.reason === 'beyondAllotment') {
          if (!beyond.has(key)) beyond.set(key, { ...base, reason: 'noCapacity' });
          continue;
        }
        seen.add(key);
        if (coverage.reason === 'claimedElsewhere')
          out.push({ ...base, reason: 'coveredByOtherPolicy', coveringPolicyName: winner?.name ?? '' });
        else if (coverage.reason === 'noLicence') out.push({ ...base, reason: 'noLicence' });
      }
    }
    for (const u of beyond.values()) out.push(u);
  }
  return out;
}
