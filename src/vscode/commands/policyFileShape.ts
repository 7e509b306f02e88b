// A deployed policy as a `.cpcpolicy.json` document and back: which fields a file carries (no server-managed
// ones), how assignments look in a file, and a normalized form for diffs. Plain TS (jsonc-parser only).
import { parse } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import type { CloudPcManagementGroupAssignmentTarget, CloudPcProvisioningPolicy } from '../../core/model/provisioningPolicy';

/** Set by the service, never by a file (graph-facts B.1). */
const SERVER_FIELDS = new Set([
  'id', '@odata.type', '@odata.context', 'createdBy', 'createdDateTime', 'lastModifiedBy', 'lastModifiedDateTime',
  'alternateResourceUrl', 'cloudPcGroupDisplayName', 'gracePeriodInHours', 'managedBy', 'assignments',
]);

/** Can't change after creation (graph-facts C.3): never part of an update. */
export const IMMUTABLE_FIELDS = ['provisioningType', 'userExperienceType'] as const;

export interface PolicyFile {
  fields: Partial<CloudPcProvisioningPolicy>;
  /** Present when the file lists assignments: the deployed set is replaced with it. */
  assignments?: CloudPcManagementGroupAssignmentTarget[];
  errors: string[];
}

function cleanTarget(t: CloudPcManagementGroupAssignmentTarget): CloudPcManagementGroupAssignmentTarget {
  const out: CloudPcManagementGroupAssignmentTarget = { groupId: t.groupId };
  if (t.servicePlanId) out.servicePlanId = t.servicePlanId;
  if (t.allotmentDisplayName) out.allotmentDisplayName = t.allotmentDisplayName;
  if (t.allotmentLicensesCount) out.allotmentLicensesCount = t.allotmentLicensesCount;
  return out;
}

/** The file-shaped object: settings in a stable order, then assignments. */
export function policyToFileObject(policy: Partial<CloudPcProvisioningPolicy>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(policy)) if (!SERVER_FIELDS.has(k) && v !== undefined && !k.startsWith('@')) out[k] = v;
  out.assignments = (policy.assignments ?? []).map((a) => ({ target: cleanTarget(a.target) }));
  return out;
}

export function policyToFileText(policy: CloudPcProvisioningPolicy, source: string): string {
  return `// ${policy.displayName}: pulled from ${source} (policy id ${policy.id}).\n${JSON.stringify(policyToFileObject(policy), null, 2)}\n`;
}

/** Normalized JSON for a side-by-side diff (keys sorted so order never shows up as a change). */
export function policyDiffText(policy: Partial<CloudPcProvisioningPolicy> | undefined): string {
  if (!policy) return '';
  return `${JSON.stringify(sortKeys(policyToFileObject(policy)), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

export function parsePolicyFile(text: string): PolicyFile {
  const parseErrors: ParseError[] = [];
  const value = parse(text, parseErrors, { allowTrailingComma: true }) as unknown;
  const errors = parseErrors.map((e) => `JSON syntax error at offset ${e.offset}`);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { fields: {}, errors: errors.length ? errors : ['The file is not a JSON object.'] };
  const raw = value as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (!SERVER_FIELDS.has(k) && !k.startsWith('$')) fields[k] = v;
  if (typeof fields.displayName !== 'string' || !fields.displayName.trim()) errors.push('The file has no displayName.');
  let assignments: CloudPcManagementGroupAssignmentTarget[] | undefined;
  if (Array.isArray(raw.assignments)) {
    assignments = raw.assignments
      .map((a) => (a as { target?: CloudPcManagementGroupAssignmentTarget }).target)
      .filter((t): t is CloudPcManagementGroupAssignmentTarget => !!t && typeof t.groupId === 'string')
      .map(cleanTarget);
  }
  return { fields: fields as Partial<CloudPcProvisioningPolicy>, assignments, errors };
}

export function sameAssignments(a: readonly CloudPcManagementGroupAssignmentTarget[], b: readonly CloudPcManagementGroupAssignmentTarget[]): boolean {
  const key = (list: readonly CloudPcManagementGroupAssignmentTarget[]): string => JSON.stringify(list.map(cleanTarget).map((t) => sortKeys(t)).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))));
  return key(a) === key(b);
}
