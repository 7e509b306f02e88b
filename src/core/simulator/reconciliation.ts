// Who should have which Cloud PC: compares what the directory and the assignments ask for with what exists,
// one user (or one shared pool) at a time, so a membership change costs work proportional to the change.
// Hot path for 100,000-user tenants: no per-user maps, sorts or closures.
import type { Tenant } from './tenant';
import type { PolicyRecord, AssignmentRecord, UserRecord, CloudPcRecord } from './simulatorState';
import { provisioningKindOf } from '../model/provisioningKind';
import { allotmentCapacity, decideCoverage } from '../coverage/coverage';
import { createCloudPc, loseCoverage, restoreFromGrace, deprovision } from './cloudPcLifecycle';

interface Covering {
  policy: PolicyRecord;
  assignment: AssignmentRecord;
}

const FRONTLINE_SLOT = 'frontline';

/** No pre-check: reconcileUser returns at once for an id that is no user and holds no Cloud PC (a nested group). */
export function reconcileUsers(sim: Tenant, ids: Iterable<string>): void {
  for (const id of [...ids]) reconcileUser(sim, id);
}

function assignmentFor(policy: PolicyRecord, groupId: string): AssignmentRecord | undefined {
  const list = policy.assignments;
  for (let i = 0; i < list.length; i++) if (list[i].groupId === groupId) return list[i];
  return undefined;
}

/** Who holds `slot` among the user's Cloud PCs (`slots[i]` held by a Cloud PC of policy `holders[i]`). */
function slotHolder(
  slots: string[] | undefined,
  holders: string[] | undefined,
  slot: string,
  policyId: string,
): 'none' | 'thisPolicy' | 'otherPolicy' {
  const i = slots ? slots.indexOf(slot) : -1;
  return i < 0 ? 'none' : holders![i] === policyId ? 'thisPolicy' : 'otherPolicy';
}

/** One policy per license: the first assigned wins, later overlaps are ignored (docs/simulator.md rule 4). */
function assignedBefore(a: Covering, b: Covering): boolean {
  return a.assignment.assignedSeq < b.assignment.assignedSeq;
}

/**
 * Whether the user is still covered by the policy that provisioned `c`, with its license: a Cloud PC belongs
 * to that policy, and coverage by another one does not keep it (docs/simulator.md rule 8).
 */
function coveredByOwnPolicy(sim: Tenant, c: CloudPcRecord, user: UserRecord | undefined): boolean {
  if (!user) return false;
  const record = sim.policies.get(c.policyId);
  if (!record) return false;
  // Frontline: the license is the allotment of the assignment (group, never deleted) it was provisioned from.
  if (c.slot === FRONTLINE_SLOT)
    return !!assignmentFor(record, c.groupId!) && sim.groupMembers.get(c.groupId!)!.has(user.id);
  // Enterprise: its slot is the Windows 365 license (skuId) it was provisioned for.
  if (!user.licenses.includes(c.slot)) return false;
  const groups = sim.userGroups.get(user.id);
  if (groups) for (const g of groups) if (assignmentFor(record, g)) return true;
  return false;
}

/**
 * Rule 2: one Cloud PC per user and Windows 365 license; rule 4: the first assigned policy wins;
 * rule 8: a Cloud PC whose own policy no longer covers the user goes into grace, and its license slot
 * stays taken until it is gone; then the policy covering the user at that time provisions a new one.
 */
export function reconcileUser(sim: Tenant, userId: string): void {
  const user = sim.users.get(userId);
  let dedicated: Covering | undefined;
  let frontline: Covering[] | undefined;
  if (user && user.accountEnabled) {
    const groups = sim.userGroups.get(userId);
    if (groups) {
      for (const g of groups) {
        const pids = sim.groupPolicies.get(g);
        if (!pids) continue;
        for (const pid of pids) {
          // The index lists only assigned policies, and a policy with assignments cannot be deleted.
          const policy = sim.policies.get(pid)!;
          const assignment = assignmentFor(policy, g)!;
          const kind = provisioningKindOf(policy.policy.provisioningType);
          if (kind.sharing !== 'dedicated') continue;
          const covering = { policy, assignment };
          if (kind.family === 'enterprise') {
            if (!dedicated || assignedBefore(covering, dedicated)) dedicated = covering;
          } else if (kind.family === 'frontline') {
            (frontline ??= []).push(covering);
          }
        }
      }
    }
  }
  if (frontline && frontline.length > 1) frontline.sort((a, b) => a.assignment.assignedSeq - b.assignment.assignedSeq);

  let taken: string[] | undefined;
  let takenBy: string[] | undefined;
  const existing = sim.cloudPcsByUser.get(userId);
  if (existing) {
    for (const cid of [...existing]) {
      const c = sim.cloudPcs.get(cid)!;
      (taken ??= []).push(c.slot);
      (takenBy ??= []).push(c.policyId);
      if (!coveredByOwnPolicy(sim, c, user)) loseCoverage(sim, c);
      else if (c.status === 'inGracePeriod') restoreFromGrace(sim, c);
    }
  }
  if (!user) return;
  if (dedicated) {
    const policy = dedicated.policy;
    const kind = provisioningKindOf(policy.policy.provisioningType);
    for (const skuId of user.licenses) {
      // A Frontline license provisions through an allotment, never as a user's own Cloud PC.
      const sku = sim.skus.get(skuId)!;
      const coverage = decideCoverage({
        kind,
        slotHeldBy: slotHolder(taken, takenBy, skuId, policy.policy.id),
        earlierPolicy: false,
        licensed: !sku.frontline,
        allotmentUsed: 0,
        allotmentLicences: null,
      });
      if (!coverage.covered || coverage.keeps) continue;
      createCloudPc(sim, {
        slot: skuId,
        user,
        policy,
        skuId,
        servicePlanId: sku.cloudPcServicePlanId,
        groupId: null,
        allotmentDisplayName: null,
      });
    }
  }
  // Frontline dedicated draws from the assignment's allotment, not from a user license: the first assigned with room gives one.
  if (frontline)
    for (const pick of frontline) {
      const pid = pick.policy.policy.id;
      const coverage = decideCoverage({
        kind: provisioningKindOf(pick.policy.policy.provisioningType),
        slotHeldBy: slotHolder(taken, takenBy, FRONTLINE_SLOT, pid),
        earlierPolicy: false,
        licensed: true,
        allotmentUsed: sim.cloudPcsOfAssignment(pid, pick.assignment.groupId).size,
        allotmentLicences: pick.assignment.allotmentLicensesCount,
      });
      if (!coverage.covered && coverage.reason === 'beyondAllotment') continue;
      if (coverage.covered && !coverage.keeps) {
        createCloudPc(sim, {
          slot: FRONTLINE_SLOT,
          user,
          policy: pick.policy,
          skuId: null,
          servicePlanId: pick.assignment.servicePlanId,
          groupId: pick.assignment.groupId,
          allotmentDisplayName: pick.assignment.allotmentDisplayName,
        });
      }
      break;
    }
}

/**
 * A removed Cloud PC frees its licence slot or allotment place: its user may now get one from the policy
 * covering them (rule 8), and a freed Frontline allotment may let a waiting member of its group in (rule 2).
 */
export function reconcileFreed(sim: Tenant, c: CloudPcRecord): void {
  if (!c.userId) return;
  reconcileUser(sim, c.userId);
  if (c.groupId) reconcileUsers(sim, sim.groupMembers.get(c.groupId) ?? []);
}

/** Frontline shared (sharedByEntraGroup): a pool per assignment; unassigning deprovisions at once, no grace (docs/simulator.md rule 8). */
export function reconcileSharedPools(sim: Tenant, record: PolicyRecord, before: AssignmentRecord[]): void {
  const pid = record.policy.id;
  const current = new Set(record.assignments.map((a) => a.groupId));
  for (const a of before) {
    if (current.has(a.groupId)) continue;
    for (const cid of [...sim.cloudPcsOfAssignment(pid, a.groupId)]) {
      const c = sim.cloudPcs.get(cid)!;
      if (c.status !== 'deprovisioning') deprovision(sim, c);
    }
  }
  const kind = provisioningKindOf(record.policy.provisioningType);
  for (const a of record.assignments) {
    const want = allotmentCapacity(kind, a.allotmentLicensesCount);
    const live = [...sim.cloudPcsOfAssignment(pid, a.groupId)]
      .map((id) => sim.cloudPcs.get(id)!)
      .filter((c) => c.status !== 'deprovisioning');
    const used = new Set(live.map((c) => c.slot));
    for (let i = 0, have = live.length; have < want; i++) {
      const slot = `${a.groupId}|${i}`;
      if (used.has(slot)) continue;
      createCloudPc(sim, {
        slot,
        user: null,
        policy: record,
        skuId: null,
        servicePlanId: a.servicePlanId,
        groupId: a.groupId,
        allotmentDisplayName: a.allotmentDisplayName,
      });
      have++;
    }
    for (const c of live.slice(want)) deprovision(sim, c);
  }
}
