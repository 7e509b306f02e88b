// Who should have which Cloud PC: compares what the directory and the assignments ask for with what exists,
// one user (or one shared pool) at a time, so a membership change costs work proportional to the change.
// Hot path for 100,000-user tenants: no per-user maps, sorts or closures.
import type { Simulator } from './simulator';
import type { PolicyRecord, AssignmentRecord, UserRecord } from './simulatorState';
import { createCloudPc, loseCoverage, restoreFromGrace, deprovision } from './cloudPcLifecycle';
import { provisioningKindOf } from '../model/provisioningKind';

interface Covering {
  policy: PolicyRecord;
  assignment: AssignmentRecord;
}

const FRONTLINE_SLOT = 'frontline';

/** No pre-check: reconcileUser returns at once for an id that is no user and holds no Cloud PC (a nested group). */
export function reconcileUsers(sim: Simulator, ids: Iterable<string>): void {
  for (const id of [...ids]) reconcileUser(sim, id);
}

function assignmentFor(policy: PolicyRecord, groupId: string): AssignmentRecord | undefined {
  const list = policy.assignments;
  for (let i = 0; i < list.length; i++) if (list[i].groupId === groupId) return list[i];
  return undefined;
}

function hasCapacity(sim: Simulator, c: Covering): boolean {
  // Users beyond the allotment get none (graph-facts C.6).
  return (sim.cloudPcsByAssignment.get(`${c.policy.policy.id}|${c.assignment.groupId}`)?.size ?? 0) < (c.assignment.allotmentLicensesCount ?? 1);
}

/** Whether the user's coverage still asks for the Cloud PC in this slot. */
function wants(sim: Simulator, slot: string, user: UserRecord | undefined, dedicated: boolean, frontline: boolean): boolean {
  if (slot === FRONTLINE_SLOT) return frontline;
  if (!dedicated || !user || !user.licenses.includes(slot)) return false;
  return sim.skus.get(slot)?.frontline === false;
}

/**
 * Rule 2: one Cloud PC per user and Windows 365 licence; rule 4: the first assigned policy wins;
 * rule 8: a user no longer covered keeps the Cloud PC in grace (graph-facts C.6).
 */
export function reconcileUser(sim: Simulator, userId: string): void {
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
          const policy = sim.policies.get(pid);
          const assignment = policy && assignmentFor(policy, g);
          if (!policy || !assignment) continue;
          const kind = provisioningKindOf(policy.policy.provisioningType);
          // One policy per licence: the first assigned wins, overlaps are ignored (docs/simulator.md rule 4).
          if (kind.family === 'enterprise') {
            if (!dedicated || assignment.assignedSeq < dedicated.assignment.assignedSeq) dedicated = { policy, assignment };
          } else if (kind.family === 'frontline' && kind.sharing === 'dedicated') {
            (frontline ??= []).push({ policy, assignment });
          }
        }
      }
    }
  }
  if (frontline && frontline.length > 1) frontline.sort((a, b) => a.assignment.assignedSeq - b.assignment.assignedSeq);

  let satisfied: string[] | undefined;
  const existing = sim.cloudPcsByUser.get(userId);
  if (existing) {
    for (const cid of [...existing]) {
      const c = sim.cloudPcs.get(cid)!;
      if (wants(sim, c.slot, user, !!dedicated, !!frontline)) {
        (satisfied ??= []).push(c.slot);
        if (c.status === 'inGracePeriod') restoreFromGrace(sim, c);
      } else {
        loseCoverage(sim, c);
      }
    }
  }
  if (!user) return;
  if (dedicated) {
    for (const skuId of user.licenses) {
      const sku = sim.skus.get(skuId);
      if (!sku || sku.frontline || satisfied?.includes(skuId)) continue;
      createCloudPc(sim, { slot: skuId, user, policy: dedicated.policy, skuId, servicePlanId: sku.cloudPcServicePlanId, groupId: null, allotmentDisplayName: null });
    }
  }
  if (frontline && !satisfied?.includes(FRONTLINE_SLOT)) {
    // Frontline dedicated draws from the assignment's allotment, not from a user licence.
    for (const pick of frontline) {
      if (!hasCapacity(sim, pick)) continue;
      createCloudPc(sim, {
        slot: FRONTLINE_SLOT, user, policy: pick.policy, skuId: null, servicePlanId: pick.assignment.servicePlanId,
        groupId: pick.assignment.groupId, allotmentDisplayName: pick.assignment.allotmentDisplayName,
      });
      break;
    }
  }
}

/** Frontline shared (sharedByEntraGroup): a pool per assignment; unassigning deprovisions at once, no grace (graph-facts C.6). */
export function reconcileSharedPools(sim: Simulator, record: PolicyRecord, before: AssignmentRecord[]): void {
  const pid = record.policy.id;
  const current = new Set(record.assignments.map((a) => a.groupId));
  for (const a of before) {
    if (current.has(a.groupId)) continue;
    for (const cid of [...(sim.cloudPcsByAssignment.get(`${pid}|${a.groupId}`) ?? [])]) {
      const c = sim.cloudPcs.get(cid)!;
      if (c.status !== 'deprovisioning') deprovision(sim, c);
    }
  }
  for (const a of record.assignments) {
    const want = a.allotmentLicensesCount ?? 1;
    const live = [...(sim.cloudPcsByAssignment.get(`${pid}|${a.groupId}`) ?? [])].map((id) => sim.cloudPcs.get(id)!).filter((c) => c.status !== 'deprovisioning');
    const used = new Set(live.map((c) => c.slot));
    for (let i = 0, have = live.length; have < want; i++) {
      const slot = `${a.groupId}|${i}`;
      if (used.has(slot)) continue;
      createCloudPc(sim, { slot, user: null, policy: record, skuId: null, servicePlanId: a.servicePlanId, groupId: a.groupId, allotmentDisplayName: a.allotmentDisplayName });
      have++;
    }
    for (const c of live.slice(want)) deprovision(sim, c);
  }
}
