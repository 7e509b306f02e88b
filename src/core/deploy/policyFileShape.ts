// A deployed policy as a `.cpcpolicy.json` document and back: which fields a file carries (no server-managed
// ones), how assignments look in a file, and a normalized form for diffs. Plain TS (jsonc-parser only).
import { parse } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import type { CloudPcManagementGroupAssignmentTarget, CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import {
  IMMUTABLE_POLICY_FIELDS,
  NESTED_READ_ONLY_POLICY_FIELDS,
  READ_ONLY_POLICY_FIELDS,
} from '../model/policyFields';

/** Never in a file: what the service sets (the shared read-only list), the type annotation, managedBy (the
 * portal's stamp), and assignments (read on their own, below). */
const SERVER_FIELDS = new Set<string>([...READ_ONLY_POLICY_FIELDS, '@odata.type', 'managedBy', 'assignments']);

/** Can't change after creation (docs/service-facts.md, "Provisioning policy properties"): never part of an update. */
export const IMMUTABLE_FIELDS = IMMUTABLE_POLICY_FIELDS;

export interface PolicyFile {
  fields: Partial<CloudPcProvisioningPolicy>;
  /** Present when the file lists assignments: the deployed set is replaced with it. */
  assignments?: CloudPcManagementGroupAssignmentTarget[];
  errors: string[];
}

export function cleanTarget(t: CloudPcManagementGroupAssignmentTarget): CloudPcManagementGroupAssignmentTarget {
  const out: CloudPcManagementGroupAssignmentTarget = { groupId: t.groupId };
  if (t.servicePlanId) out.servicePlanId = t.servicePlanId;
  if (t.allotmentDisplayName) out.allotmentDisplayName = t.allotmentDisplayName;
  if (t.allotmentLicensesCount) out.allotmentLicensesCount = t.allotmentLicensesCount;
  return out;
}

const NESTED_SERVER_FIELDS = NESTED_READ_ONLY_POLICY_FIELDS;

/** null and absent mean the same to a PATCH-shaped file (nothing set): generated files carry neither. */
function withoutNulls(value: unknown, drop: readonly string[] = []): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutNulls(v, drop));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k, v]) => v !== null && v !== undefined && !drop.includes(k))
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

/** The file-shaped object: settings without nulls or server-set values, then assignments. */
export function policyToFileObject(policy: Partial<CloudPcProvisioningPolicy>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(policy)) {
    if (!SERVER_FIELDS.has(k) && v !== undefined && v !== null && !k.startsWith('@'))
      out[k] = withoutNulls(v, NESTED_SERVER_FIELDS[k]);
  }
  out.assignments = (policy.assignments ?? []).map((a) => ({ target: cleanTarget(a.target) }));
  return out;
}

export function policyToFileText(policy: CloudPcProvisioningPolicy, source: string): string {
  return `// ${policy.displayName}: pulled from ${source} (policy id ${policy.id}).\n${JSON.stringify(policyToFileObject(policy), null, 2)}\n`;
}

/**
 * JSON for one side of a Deploy diff, compared by meaning: no nulls (null and absent are the same) and the
 * keys in the order of `order` (the file's object, so the diff reads like the file), then the rest.
 */
export function policyDiffText(policy: Partial<CloudPcProvisioningPolicy> | undefined, order?: unknown): string {
  if (!policy) return '';
  const { assignments, ...settings } = policyToFileObject(policy);
  return `${JSON.stringify({ ...(orderLike(settings, order) as object), assignments }, null, 2)}\n`;
}

function orderLike(value: unknown, template: unknown): unknown {
  if (Array.isArray(value)) return value.map((v, i) => orderLike(v, Array.isArray(template) ? template[i] : undefined));
  if (!value || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const first =
    template && typeof template === 'object' && !Array.isArray(template)
      ? Object.keys(template).filter((k) => k in record)
      : [];
  const keys = [...first, ...Object.keys(record).filter((k) => !first.includes(k))];
  return Object.fromEntries(
    keys.map((k) => [k, orderLike(record[k], (template as Record<string, unknown> | undefined)?.[k])]),
  );
}

/** The text of a one-policy file or of a `{ "policies": [...] }` file (docs/rules.md CPC103: this tool's file format). */
export interface PolicyFileSet {
  /** True for the `{ "policies": [...] }` form, even with one policy in it. */
  isFleet: boolean;
  policies: PolicyFile[];
  /** Problems with the file as a whole (syntax, shape, two policies with one name). */
  errors: string[];
}

export function parsePolicyFiles(text: string): PolicyFileSet {
  const parseErrors: ParseError[] = [];
  const value = parse(text, parseErrors, { allowTrailingComma: true }) as unknown;
  const errors = parseErrors.map((e) => `JSON syntax error at offset ${e.offset}`);
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { isFleet: false, policies: [], errors: errors.length ? errors : ['The file is not a JSON object.'] };
  const raw = value as Record<string, unknown>;
  if (!Array.isArray(raw.policies)) return { isFleet: false, policies: [policyFileOf(raw, errors)], errors: [] };
  const policies = raw.policies.map((p, i) =>
    p && typeof p === 'object' && !Array.isArray(p)
      ? policyFileOf(p as Record<string, unknown>, [])
      : { fields: {}, errors: [`Item ${i} of "policies" is not a policy object.`] },
  );
  // Deploy matches deployed policies by exact displayName: two in one file would both land on one.
  const seen = new Map<string, number>();
  policies.forEach((p, i) => {
    const name = p.fields.displayName;
    if (typeof name !== 'string') return;
    const first = seen.get(name);
    if (first === undefined) seen.set(name, i);
    else
      errors.push(
        `Policies ${first} and ${i} are both named "${name}": Deploy matches policies by name, so give each its own.`,
      );
  });
  if (policies.length === 0) errors.push('The file lists no policies.');
  return { isFleet: true, policies, errors };
}

/** One policy file (the one-policy form); file-level problems are in its errors. */
export function parsePolicyFile(text: string): PolicyFile {
  const set = parsePolicyFiles(text);
  if (set.isFleet) return { fields: {}, errors: ['The file holds several policies ({ "policies": [...] }).'] };
  const [only] = set.policies;
  return only ? { ...only, errors: [...set.errors, ...only.errors] } : { fields: {}, errors: set.errors };
}

function policyFileOf(raw: Record<string, unknown>, errors: string[]): PolicyFile {
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (!SERVER_FIELDS.has(k) && !k.startsWith('$')) fields[k] = v;
  const own = [...errors];
  if (typeof fields.displayName !== 'string' || !fields.displayName.trim()) own.push('The file has no displayName.');
  let assignments: CloudPcManagementGroupAssignmentTarget[] | undefined;
  if (Array.isArray(raw.assignments)) {
    assignments = raw.assignments
      .map((a) => (a as { target?: CloudPcManagementGroupAssignmentTarget }).target)
      .filter((t): t is CloudPcManagementGroupAssignmentTarget => !!t && typeof t.groupId === 'string')
      .map(cleanTarget);
  }
  return { fields: fields as Partial<CloudPcProvisioningPolicy>, assignments, errors: own };
}

export function sameAssignments(
  a: readonly CloudPcManagementGroupAssignmentTarget[],
  b: readonly CloudPcManagementGroupAssignmentTarget[],
): boolean {
  const key = (list: readonly CloudPcManagementGroupAssignmentTarget[]): string =>
    JSON.stringify(list.map(cleanTarget).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))));
  return key(a) === key(b);
}

/**
 * Whether Deploy would change nothing: every value the file writes is deployed, and since a PATCH
 * replaces a property's whole value, an object inside it (a network, a setting) may hold more on the
 * server only where that is null (the service's blanks). The file's assignments, if it lists any, must
 * be the deployed set. Deploy of a many-policy file sends only the policies that differ; when unsure it
 * says "changed" (one PATCH too many), never "unchanged".
 */
export function isDeployedAsWritten(file: PolicyFile, deployed: CloudPcProvisioningPolicy): boolean {
  const record = deployed as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(file.fields)) if (!covers(value, record[key])) return false;
  return !file.assignments || sameAssignments(deployed.assignments?.map((a) => a.target) ?? [], file.assignments);
}

function covers(written: unknown, deployed: unknown): boolean {
  if (written === null || written === undefined) return deployed === null || deployed === undefined;
  if (Array.isArray(written))
    return (
      Array.isArray(deployed) && deployed.length === written.length && written.every((w, i) => covers(w, deployed[i]))
    );
  if (typeof written === 'object') {
    if (deployed === null || typeof deployed !== 'object' || Array.isArray(deployed)) return false;
    const w = written as Record<string, unknown>;
    const d = deployed as Record<string, unknown>;
    return (
      Object.keys(w).every((k) => covers(w[k], d[k])) &&
      Object.keys(d).every((k) => k in w || d[k] === null || d[k] === undefined)
    );
  }
  return written === deployed;
}

/** The properties Deploy would change, in the file's order (displayName aside: a rename is said on its own). */
export function changedProperties(file: PolicyFile, deployed: CloudPcProvisioningPolicy): string[] {
  const record = deployed as unknown as Record<string, unknown>;
  const keys = Object.keys(file.fields).filter(
    (k) => k !== 'displayName' && !covers((file.fields as Record<string, unknown>)[k], record[k]),
  );
  if (file.assignments && !sameAssignments(deployed.assignments?.map((a) => a.target) ?? [], file.assignments))
    keys.push('assignments');
  return keys;
}
