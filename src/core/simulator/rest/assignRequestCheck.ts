// Checks the body of `POST .../provisioningPolicies/{id}/assign` before the model sees it: the shape the
// Graph docs' own example sends (`@odata.type` on the body, the items and the targets, each naming its
// own type) and the values the engine relies on. Problems are messages for a 400 `InvalidProperties`.
import { isODataTypeOf, ODATA_TYPES } from '../../model/provisioningPolicy';

export interface AssignTarget {
  groupId: string;
  servicePlanId: string | null;
  allotmentDisplayName: string | null;
  allotmentLicensesCount: number | null;
}

export type AssignBodyResult = { ok: true; targets: AssignTarget[] } | { ok: false; messages: string[] };

const BODY_KEYS = ['assignments', '@odata.type'];
const ITEM_KEYS = ['id', 'target', '@odata.type'];
const TARGET_KEYS = ['@odata.type', 'groupId', 'servicePlanId', 'allotmentDisplayName', 'allotmentLicensesCount'];

/** A problem when `value` is present and names another type (docs/rules.md "@odata.type"). */
export function odataTypeProblem(value: unknown, type: string, where: string): string | undefined {
  if (value === undefined || isODataTypeOf(value, type)) return undefined;
  return `${where}'@odata.type' must be '${type}', not ${JSON.stringify(value)}.`;
}

export function checkAssignBody(b: Record<string, unknown>): AssignBodyResult {
  const problems: string[] = [];
  for (const k of Object.keys(b))
    if (!BODY_KEYS.includes(k)) problems.push(`'${k}' is not a property of the assign action.`);
  // The Graph docs' assign example sends the assignment type on the body itself.
  const bodyType = odataTypeProblem(b['@odata.type'], ODATA_TYPES.assignment, '');
  if (bodyType) problems.push(bodyType);
  if (!Array.isArray(b.assignments)) return { ok: false, messages: [...problems, "'assignments' must be an array."] };
  const targets: AssignTarget[] = [];
  b.assignments.forEach((a: unknown, i: number) => {
    const target = checkItem(a, `assignments[${i}]`, problems);
    if (target) targets.push(target);
  });
  return problems.length ? { ok: false, messages: problems } : { ok: true, targets };
}

function checkItem(a: unknown, at: string, problems: string[]): AssignTarget | undefined {
  if (!a || typeof a !== 'object' || Array.isArray(a)) {
    problems.push(`${at} must be an object.`);
    return undefined;
  }
  const ar = a as Record<string, unknown>;
  for (const k of Object.keys(ar))
    if (!ITEM_KEYS.includes(k)) problems.push(`${at}.${k} is not a property of cloudPcProvisioningPolicyAssignment.`);
  const itemType = odataTypeProblem(ar['@odata.type'], ODATA_TYPES.assignment, `${at}: `);
  if (itemType) problems.push(itemType);
  const t = ar.target as Record<string, unknown> | undefined;
  if (!t || typeof t !== 'object' || Array.isArray(t)) {
    problems.push(`${at}.target is required.`);
    return undefined;
  }
  for (const k of Object.keys(t))
    if (!TARGET_KEYS.includes(k))
      problems.push(`${at}.target.${k} is not a property of cloudPcManagementGroupAssignmentTarget.`);
  // With or without '#', or absent as the portal sends it; only group targets exist.
  if (t['@odata.type'] !== undefined && !isODataTypeOf(t['@odata.type'], ODATA_TYPES.groupTarget)) {
    problems.push(
      `${at}.target: only group targets (cloudPcManagementGroupAssignmentTarget) are supported; '@odata.type' must be '${ODATA_TYPES.groupTarget}'.`,
    );
  }
  if (typeof t.groupId !== 'string' || !t.groupId) {
    problems.push(`${at}.target.groupId is required.`);
    return undefined;
  }
  if (t.servicePlanId !== undefined && t.servicePlanId !== null && typeof t.servicePlanId !== 'string')
    problems.push(`${at}.target.servicePlanId must be a string.`);
  if (
    t.allotmentDisplayName !== undefined &&
    t.allotmentDisplayName !== null &&
    typeof t.allotmentDisplayName !== 'string'
  )
    problems.push(`${at}.target.allotmentDisplayName must be a string.`);
  const count = t.allotmentLicensesCount;
  if (
    count !== undefined &&
    count !== null &&
    (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 900)
  )
    problems.push(`${at}.target.allotmentLicensesCount must be a whole number from 0 to 900.`);
  return {
    groupId: t.groupId,
    servicePlanId: (t.servicePlanId as string | null | undefined) ?? null,
    allotmentDisplayName: (t.allotmentDisplayName as string | null | undefined) ?? null,
    allotmentLicensesCount: (count as number | null | undefined) ?? null,
  };
}
