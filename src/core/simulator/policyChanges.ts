// Provisioning policies as the service keeps them: create, edit (immutable fields refused), delete (only
// when unassigned) and assign (the whole set replaced, Frontline allotments checked against the SKU), each
// audited; an assignment change reconciles exactly the groups it touched (docs/simulator.md rules 4, 6, 9, 11).
import type { CloudPcAuditProperty } from '../model/auditEvent';
import type { CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import { isFrontlineSharedType, isFrontlineType } from '../model/provisioningKind';
import { IMMUTABLE_POLICY_FIELDS } from '../model/policyFields';
import type { AssignmentRecord, PolicyRecord } from './simulatorState';
import { ok, fail, notFound } from './simResult';
import type { SimResult } from './simResult';
import type { Actor, Tenant } from './tenant';
import { DEFAULT_ACTOR, addTo, removeFrom } from './tenant';
import { reconcileSharedPools, reconcileUsers } from './reconciliation';

export interface AssignTarget {
  groupId: string;
  servicePlanId: string | null;
  allotmentDisplayName: string | null;
  allotmentLicensesCount: number | null;
}

export function createPolicy(
  t: Tenant,
  fields: Omit<CloudPcProvisioningPolicy, 'id' | 'assignments'>,
  actor?: Actor,
): SimResult<PolicyRecord> {
  const id = t.ids.guid();
  const now = t.iso();
  const policy: PolicyRecord['policy'] = {
    '@odata.type': '#microsoft.graph.cloudPcProvisioningPolicy',
    id,
    description: '',
    cloudPcNamingTemplate: null,
    enableSingleSignOn: false,
    imageType: 'gallery',
    localAdminEnabled: false,
    managedBy: 'windows365',
    provisioningType: 'dedicated',
    userExperienceType: 'cloudPc',
    scopeIds: ['0'],
    windowsSetting: { locale: 'en-US' },
    microsoftManagedDesktop: { managedType: 'notManaged', profile: null },
    autopatch: null,
    autopilotConfiguration: null,
    userSettingsPersistenceConfiguration: null,
    domainJoinConfigurations: [],
    ...fields,
    alternateResourceUrl: null,
    cloudPcGroupDisplayName: null,
    // ⚠ gracePeriodInHours is undocumented; we report the 7-day grace we enforce (docs/simulator.md "Choices where the facts are uncertain").
    gracePeriodInHours: 168,
    createdBy: t.upnIndex.get((actor ?? DEFAULT_ACTOR).userPrincipalName.toLowerCase()) ?? null,
    createdDateTime: now,
    lastModifiedBy: null,
    lastModifiedDateTime: now,
  } as PolicyRecord['policy'];
  const record: PolicyRecord = { policy, assignments: [] };
  t.policies.set(id, record);
  t.audit(
    'Create provisioning policy',
    'CreateProvisioningPolicy',
    'create',
    { id, displayName: policy.displayName, type: 'cloudPcProvisioningPolicy' },
    [{ displayName: 'displayName', oldValue: null, newValue: policy.displayName }],
    actor,
  );
  t.emit('policy', id, 'created');
  return ok(record);
}

/** Rule 6: editing a policy never touches existing Cloud PCs; only new (re)provisioning reads it. */
export function updatePolicy(
  t: Tenant,
  id: string,
  fields: Partial<CloudPcProvisioningPolicy>,
  actor?: Actor,
): SimResult<PolicyRecord> {
  const record = t.policies.get(id);
  if (!record) return notFound('cloudPcProvisioningPolicy', id);
  const p = record.policy as Record<string, unknown>;
  // provisioningType and userExperienceType are immutable after creation (docs/simulator.md rule 11).
  for (const key of IMMUTABLE_POLICY_FIELDS) {
    if (key in fields && fields[key] !== undefined && fields[key] !== p[key]) {
      const refused = fail(
        400,
        'badRequest',
        `The property '${key}' can't be changed after the policy is created (it is '${String(p[key])}').`,
        'InvalidProperties',
      );
      const resource = { id, displayName: record.policy.displayName, type: 'cloudPcProvisioningPolicy' };
      t.auditRefused('Update provisioning policy', 'UpdateProvisioningPolicy', 'patch', resource, why(refused), actor);
      return refused;
    }
  }
  const modified: CloudPcAuditProperty[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'id' || key === 'assignments' || value === undefined) continue;
    const old = p[key];
    if (JSON.stringify(old) !== JSON.stringify(value))
      modified.push({
        displayName: key,
        oldValue: old === undefined ? null : JSON.stringify(old),
        newValue: JSON.stringify(value),
      });
    p[key] = value;
  }
  p.lastModifiedDateTime = t.iso();
  // Provisioning Cloud PCs keep the name of the policy they were created from (rule 6); the reference follows the policy.
  if ('displayName' in fields)
    for (const cid of t.cloudPcsByPolicy.get(id) ?? []) t.cloudPcs.get(cid)!.lastModified = t.now();
  t.audit(
    'Update provisioning policy',
    'UpdateProvisioningPolicy',
    'patch',
    { id, displayName: record.policy.displayName, type: 'cloudPcProvisioningPolicy' },
    modified,
    actor,
  );
  t.emit('policy', id, 'updated');
  return ok(record);
}

/** Rule 9: only a policy without assignments can be deleted. */
export function deletePolicy(t: Tenant, id: string, actor?: Actor): SimResult<void> {
  const record = t.policies.get(id);
  if (!record) return notFound('cloudPcProvisioningPolicy', id);
  if (record.assignments.length > 0) {
    const refused = fail(
      400,
      'badRequest',
      `The provisioning policy '${record.policy.displayName}' is assigned to ${record.assignments.length} group(s); remove its assignments before deleting it.`,
      'PolicyInUse',
    );
    const resource = { id, displayName: record.policy.displayName, type: 'cloudPcProvisioningPolicy' };
    t.auditRefused('Delete provisioning policy', 'DeleteProvisioningPolicy', 'delete', resource, why(refused), actor);
    return refused;
  }
  t.policies.delete(id);
  t.deletedPolicyNames.set(id, record.policy.displayName);
  t.audit(
    'Delete provisioning policy',
    'DeleteProvisioningPolicy',
    'delete',
    { id, displayName: record.policy.displayName, type: 'cloudPcProvisioningPolicy' },
    [],
    actor,
  );
  t.emit('policy', id, 'deleted');
  return ok(undefined);
}

/** Why these targets cannot be assigned to a policy of this type, if they cannot. */
function targetsProblem(
  t: Tenant,
  id: string,
  type: string,
  targets: readonly AssignTarget[],
): SimResult<never> | undefined {
  const frontline = isFrontlineType(type);
  const seen = new Set<string>();
  for (const a of targets) {
    if (!t.groups.has(a.groupId))
      return fail(400, 'badRequest', `Group '${a.groupId}' was not found in the directory.`, 'InvalidProperties');
    if (seen.has(a.groupId))
      return fail(400, 'badRequest', `Group '${a.groupId}' is assigned more than once.`, 'InvalidProperties');
    seen.add(a.groupId);
    // Frontline assignments name the service plan to provision; dedicated ones leave it null (docs/simulator.md "Choices where the facts are uncertain").
    if (frontline && !a.servicePlanId)
      return fail(
        400,
        'badRequest',
        `A ${type} policy's assignment needs a servicePlanId (a Frontline service plan).`,
        'InvalidProperties',
      );
    if (frontline && a.servicePlanId && !t.frontlineSku(a.servicePlanId))
      return fail(
        400,
        'badRequest',
        `Service plan '${a.servicePlanId}' is not a Frontline service plan of this tenant.`,
        'InvalidProperties',
      );
  }
  if (!frontline) return undefined;
  // Per plan: the allotments of every policy drawing on it (docs/rules.md CPC508 asks the same sum).
  const planId = targets[0]?.servicePlanId ?? '';
  const wanted = targets
    .filter((a) => a.servicePlanId === planId)
    .reduce((n, a) => n + (a.allotmentLicensesCount ?? 1), 0);
  const others = [...t.policies.values()]
    .filter((p) => p.policy.id !== id)
    .flatMap((p) => p.assignments)
    .filter((a) => a.servicePlanId === planId)
    .reduce((n, a) => n + (a.allotmentLicensesCount ?? 1), 0);
  const sku = t.frontlineSku(planId);
  if (sku && wanted + others > sku.prepaidUnits.enabled) {
    return fail(
      400,
      'badRequest',
      `The allotments ask for ${wanted + others} Frontline licenses but the tenant has ${sku.prepaidUnits.enabled}.`,
      'InsufficientLicenses',
    );
  }
  return undefined;
}

/** Assign replaces the whole assignment set (docs/simulator.md "The Graph contract"); each group keeps when it was first assigned (rule 4). */
export function assignPolicy(t: Tenant, id: string, targets: AssignTarget[], actor?: Actor): SimResult<void> {
  const record = t.policies.get(id);
  if (!record) return notFound('cloudPcProvisioningPolicy', id);
  const type = record.policy.provisioningType ?? 'dedicated';
  const problem = targetsProblem(t, id, type, targets);
  if (problem) {
    const resource = { id, displayName: record.policy.displayName, type: 'cloudPcProvisioningPolicy' };
    t.auditRefused('Assign provisioning policy', 'AssignProvisioningPolicy', 'patch', resource, why(problem), actor);
    return problem;
  }
  const seen = new Set(targets.map((a) => a.groupId));
  const before = record.assignments;
  const beforeByGroup = new Map(before.map((a) => [a.groupId, a]));
  const next: AssignmentRecord[] = targets.map((a) => ({
    groupId: a.groupId,
    servicePlanId: a.servicePlanId,
    allotmentDisplayName: a.allotmentDisplayName,
    allotmentLicensesCount: a.allotmentLicensesCount,
    assignedSeq: beforeByGroup.get(a.groupId)?.assignedSeq ?? t.scheduler.seq++,
  }));
  record.assignments = next;
  const affectedGroups = new Set<string>();
  for (const a of before)
    if (!seen.has(a.groupId)) {
      removeFrom(t.groupPolicies, a.groupId, id);
      affectedGroups.add(a.groupId);
    }
  for (const a of next) {
    addTo(t.groupPolicies, a.groupId, id);
    const old = beforeByGroup.get(a.groupId);
    if (!old || old.allotmentLicensesCount !== a.allotmentLicensesCount || old.servicePlanId !== a.servicePlanId)
      affectedGroups.add(a.groupId);
  }
  record.policy.lastModifiedDateTime = t.iso();
  if (isFrontlineSharedType(type)) reconcileSharedPools(t, record, before);
  else for (const g of affectedGroups) reconcileUsers(t, t.groupMembers.get(g) ?? []);
  t.audit(
    'Assign provisioning policy',
    'AssignProvisioningPolicy',
    'patch',
    { id, displayName: record.policy.displayName, type: 'cloudPcProvisioningPolicy' },
    [
      {
        displayName: 'assignments',
        oldValue: JSON.stringify(before.map((a) => a.groupId)),
        newValue: JSON.stringify(next.map((a) => a.groupId)),
      },
    ],
    actor,
  );
  t.emit('policy', id, 'updated');
  return ok(undefined);
}

function why(refused: SimResult<unknown>): string {
  return refused.ok ? '' : refused.error.message;
}
