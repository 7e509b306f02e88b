// Checks a POST/PATCH provisioning-policy body before the model sees it: the shared validator (same schema
// and rules as the editor) plus the wire-level guarantees the engine relies on (known properties, types).
// Problems are messages for a 400 `InvalidProperties` (docs/simulator.md "The Graph contract").
import type { CloudPcProvisioningPolicy } from '../../model/provisioningPolicy';
import {
  CLOUD_PC_USER_EXPERIENCE_TYPES,
  CLOUD_PC_IMAGE_TYPES,
  CLOUD_PC_DOMAIN_JOIN_TYPES,
  isODataTypeOf,
  ODATA_TYPES,
} from '../../model/provisioningPolicy';
import { isFrontlineSharedType } from '../../model/provisioningKind';
import { validateDocument } from '../../policy/validator';
import { READ_ONLY_POLICY_FIELDS } from '../../model/policyFields';

type Check = (value: unknown, path: string, problems: string[]) => void;

const nullable =
  (inner: Check): Check =>
  (v, p, out) => {
    if (v !== null) inner(v, p, out);
  };
const str: Check = (v, p, out) => {
  if (typeof v !== 'string') out.push(`'${p}' must be a string.`);
};
const bool: Check = (v, p, out) => {
  if (typeof v !== 'boolean') out.push(`'${p}' must be true or false.`);
};
const int =
  (min: number, max: number): Check =>
  (v, p, out) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      out.push(`'${p}' must be a whole number from ${min} to ${max}.`);
  };
const SENTINEL = 'unknownFutureValue';
const sentinel = (p: string): string =>
  `'${p}' must not be 'unknownFutureValue': it only marks where members added later begin.`;
/** A closed enum: one of the members, never the sentinel (docs/rules.md CPC203, CPC209). */
const oneOf =
  (members: readonly string[]): Check =>
  (v, p, out) => {
    if (v === SENTINEL) out.push(sentinel(p));
    else if (typeof v !== 'string' || !members.includes(v))
      out.push(`'${p}' must be one of ${members.filter((m) => m !== SENTINEL).join(', ')}.`);
  };
/** An evolvable enum: the service adds members, so a string we do not know is accepted; the sentinel is not (docs/rules.md CPC204, CPC209). */
const open: Check = (v, p, out) => {
  if (typeof v !== 'string') out.push(`'${p}' must be a string.`);
  else if (v === SENTINEL) out.push(sentinel(p));
};
const arrayOf =
  (inner: Check): Check =>
  (v, p, out) => {
    if (!Array.isArray(v)) {
      out.push(`'${p}' must be an array.`);
      return;
    }
    v.forEach((x, i) => inner(x, `${p}[${i}]`, out));
  };
const any: Check = () => undefined;
/** `@odata.type` may name the object's own type, with or without '#', never another (docs/rules.md "@odata.type"). */
const odataType =
  (type: string): Check =>
  (v, p, out) => {
    if (!isODataTypeOf(v, type)) out.push(`'${p}' must be '${type}', not ${JSON.stringify(v)}.`);
  };
const object =
  (fields: Record<string, Check>): Check =>
  (v, p, out) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      out.push(`'${p}' must be an object.`);
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      const check = fields[k];
      if (!check) out.push(`'${p}.${k}' is not a property of ${p}.`);
      else check(x, `${p}.${k}`, out);
    }
  };

const domainJoin = object({
  domainJoinType: nullable(oneOf(CLOUD_PC_DOMAIN_JOIN_TYPES)),
  type: nullable(oneOf(CLOUD_PC_DOMAIN_JOIN_TYPES)),
  onPremisesConnectionId: nullable(str),
  regionName: nullable(str),
  regionGroup: nullable(open),
  // Read-only (the service sets it and ignores it in requests, docs/rules.md CPC310): any string, even the sentinel.
  geographicLocationType: nullable(str),
  '@odata.type': odataType(ODATA_TYPES.domainJoinConfiguration),
});

/** Writable properties, plus deprecated ones real clients still send (docs/rules.md CPC311–CPC317) and read-only ones echoed back. */
const POLICY_FIELDS: Record<string, Check> = {
  '@odata.type': odataType(ODATA_TYPES.policy),
  displayName: str,
  description: nullable(str),
  cloudPcNamingTemplate: nullable(str),
  domainJoinConfigurations: nullable(arrayOf(domainJoin)),
  enableSingleSignOn: nullable(bool),
  imageDisplayName: nullable(str),
  imageId: nullable(str),
  imageType: nullable(oneOf(CLOUD_PC_IMAGE_TYPES)),
  localAdminEnabled: nullable(bool),
  managedBy: nullable(open),
  microsoftManagedDesktop: nullable(
    object({
      managedType: nullable(open),
      type: nullable(open),
      profile: nullable(str),
      '@odata.type': odataType(ODATA_TYPES.microsoftManagedDesktop),
    }),
  ),
  autopatch: nullable(object({ autopatchGroupId: nullable(str), '@odata.type': odataType(ODATA_TYPES.autopatch) })),
  autopilotConfiguration: nullable(
    object({
      '@odata.type': odataType(ODATA_TYPES.autopilotConfiguration),
      devicePreparationProfileId: nullable(str),
      applicationTimeoutInMinutes: nullable(int(10, 360)),
      onFailureDeviceAccessDenied: nullable(bool),
    }),
  ),
  provisioningType: nullable(open),
  scopeIds: nullable(arrayOf(str)),
  snapshotResetMode: nullable(open),
  userExperienceType: nullable(oneOf(CLOUD_PC_USER_EXPERIENCE_TYPES)),
  userSettingsPersistenceConfiguration: nullable(
    object({
      '@odata.type': odataType(ODATA_TYPES.userSettingsPersistenceConfiguration),
      userSettingsPersistenceEnabled: nullable(bool),
      userSettingsPersistenceStorageSizeCategory: nullable(open),
    }),
  ),
  windowsSetting: nullable(object({ locale: nullable(str), '@odata.type': odataType(ODATA_TYPES.windowsSetting) })),
  // Deprecated but still sent by the portal and tools (docs/rules.md CPC311–CPC317): accepted and mapped.
  windowsSettings: nullable(object({ language: nullable(str) })),
  domainJoinConfiguration: nullable(domainJoin),
  onPremisesConnectionId: nullable(str),
  userSettingsPersistenceEnabled: nullable(bool),
  // Read-only: accepted so a GET body can be sent back, ignored.
  id: any,
  createdBy: any,
  createdDateTime: any,
  lastModifiedBy: any,
  lastModifiedDateTime: any,
  alternateResourceUrl: any,
  cloudPcGroupDisplayName: any,
  gracePeriodInHours: any,
  '@odata.context': any,
};

// The shared read-only list, and the type annotation (checked above, never stored).
const READ_ONLY = new Set<string>([...READ_ONLY_POLICY_FIELDS, '@odata.type']);

/** `domainJoinConfigurations[0].regionName` for ['domainJoinConfigurations', 0, 'regionName']. */
function propertyPath(path: readonly (string | number)[]): string {
  return path
    .map((p, i) =>
      typeof p === 'number' || /^\d+$/.test(String(p)) ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`,
    )
    .join('');
}

/** The complex-typed properties whose own `@odata.type` is checked, then not stored. */
const NESTED_OBJECTS = [
  'windowsSetting',
  'microsoftManagedDesktop',
  'autopatch',
  'autopilotConfiguration',
  'userSettingsPersistenceConfiguration',
] as const;

/** The type annotation was checked; the stored object holds data only. */
function withoutODataType(o: Record<string, unknown>): Record<string, unknown> {
  const { '@odata.type': _type, ...rest } = o;
  void _type;
  return rest;
}

export interface PolicyCheckContext {
  regionNames: Set<string>;
  /** The group of each supported region: a regionName outside the regionGroup given is invalid (docs/simulator.md). */
  regionGroups: Map<string, string>;
  connectionIds: Set<string>;
}

/** A named region (not `automatic`) must belong to the group named with it; `default` names no group. */
function outsideGroup(
  d: { regionName?: string | null; regionGroup?: string | null },
  groups: Map<string, string>,
): boolean {
  if (!d.regionName || d.regionName === 'automatic' || !d.regionGroup || d.regionGroup === 'default') return false;
  const group = groups.get(d.regionName);
  return group !== undefined && group !== d.regionGroup;
}

export type PolicyBodyResult =
  { ok: true; fields: Partial<CloudPcProvisioningPolicy> } | { ok: false; messages: string[] };

/** `partial` for PATCH: displayName not required, the shared validator runs in partial mode. */
export function checkPolicyBody(
  text: string,
  body: unknown,
  partial: boolean,
  context: PolicyCheckContext,
): PolicyBodyResult {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return { ok: false, messages: ['The request body must be a JSON object.'] };
  const b = body as Record<string, unknown>;
  // Same schema and rules as the editor, first: errors reject the request, warnings don't, and the 400
  // names every property the editor flags. Each message names its property, as the service's do.
  const problems: string[] = [];
  for (const f of validateDocument(text, { partial }))
    if (f.severity === 'error') problems.push(f.path?.length ? `${propertyPath(f.path)}: ${f.message}` : f.message);
  // Then the wire-level guarantees the engine relies on (known properties, types).
  const wire: string[] = [];
  for (const [k, v] of Object.entries(b)) {
    const check = POLICY_FIELDS[k];
    if (!check) wire.push(`'${k}' is not a property of cloudPcProvisioningPolicy.`);
    else check(v, k, wire);
  }
  if (!partial && (typeof b.displayName !== 'string' || !b.displayName.trim())) wire.push("'displayName' is required.");
  if (wire.length) return { ok: false, messages: [...new Set([...problems, ...wire])] };

  // Service rules the engine depends on (docs/rules.md CPC301, CPC305, CPC306).
  if (b.userExperienceType === 'cloudApp' && !isFrontlineSharedType(b.provisioningType) && !partial) {
    problems.push("userExperienceType 'cloudApp' requires provisioningType 'sharedByEntraGroup'.");
  }
  const configs = (b.domainJoinConfigurations as CloudPcProvisioningPolicy['domainJoinConfigurations']) ?? [];
  configs.forEach((d, i) => {
    const type = d.domainJoinType ?? d.type;
    if (d.onPremisesConnectionId && !context.connectionIds.has(d.onPremisesConnectionId))
      problems.push(
        `domainJoinConfigurations[${i}]: Azure network connection '${d.onPremisesConnectionId}' was not found.`,
      );
    if (type === 'hybridAzureADJoin' && !d.onPremisesConnectionId)
      problems.push(`domainJoinConfigurations[${i}]: hybridAzureADJoin needs an onPremisesConnectionId.`);
    if (d.regionName && d.onPremisesConnectionId)
      problems.push(`domainJoinConfigurations[${i}]: give either onPremisesConnectionId or regionName, not both.`);
    if (d.regionName && d.regionName !== 'automatic' && !context.regionNames.has(d.regionName))
      problems.push('Target Geography is invalid.');
    else if (outsideGroup(d, context.regionGroups))
      problems.push(
        `Target Geography is invalid. (domainJoinConfigurations[${i}]: '${d.regionName}' is not in the region group '${d.regionGroup}')`,
      );
  });
  if (problems.length) return { ok: false, messages: [...new Set(problems)] };

  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(b)) if (!READ_ONLY.has(k)) fields[k] = v;
  // Map deprecated inputs onto their replacements (docs/simulator.md, deprecated inputs).
  if (fields.windowsSettings && !fields.windowsSetting)
    fields.windowsSetting = { locale: (fields.windowsSettings as { language?: string }).language ?? null };
  if (fields.domainJoinConfiguration && !fields.domainJoinConfigurations)
    fields.domainJoinConfigurations = [fields.domainJoinConfiguration];
  if (fields.onPremisesConnectionId && !fields.domainJoinConfigurations)
    fields.domainJoinConfigurations = [
      { domainJoinType: 'hybridAzureADJoin', onPremisesConnectionId: fields.onPremisesConnectionId },
    ];
  if (typeof fields.userSettingsPersistenceEnabled === 'boolean' && !fields.userSettingsPersistenceConfiguration) {
    fields.userSettingsPersistenceConfiguration = {
      userSettingsPersistenceEnabled: fields.userSettingsPersistenceEnabled,
      userSettingsPersistenceStorageSizeCategory: 'fourGB',
    };
  }
  delete fields.windowsSettings;
  delete fields.domainJoinConfiguration;
  delete fields.onPremisesConnectionId;
  delete fields.userSettingsPersistenceEnabled;
  if (Array.isArray(fields.domainJoinConfigurations)) {
    fields.domainJoinConfigurations = (fields.domainJoinConfigurations as Record<string, unknown>[]).map((d) => ({
      ...withoutODataType(d),
      domainJoinType: d.domainJoinType ?? d.type ?? 'azureADJoin',
    }));
  }
  for (const key of NESTED_OBJECTS)
    if (fields[key] && typeof fields[key] === 'object')
      fields[key] = withoutODataType(fields[key] as Record<string, unknown>);
  return { ok: true, fields: fields as Partial<CloudPcProvisioningPolicy> };
}

/** The error findings of a whole policy, as the 400 names them (property path first). */
function errorsOf(policy: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const f of validateDocument(JSON.stringify(policy)))
    if (f.severity === 'error') out.push(f.path?.length ? `${propertyPath(f.path)}: ${f.message}` : f.message);
  return out;
}

/** The stored policy as a request would write it: data only, no read-only or navigation properties. */
function writable(policy: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(policy))
    if (!READ_ONLY.has(k) && k !== 'assignments' && k !== 'managedBy') out[k] = v;
  return out;
}

/**
 * Every PATCH is judged against the policy it produces (docs/simulator.md "PATCH"): a rule that couples the
 * patched properties to stored ones (persistence needs sharedByEntraGroup, Reserve's limits) applies as on
 * create. Problems the stored policy already had are not the PATCH's to answer for.
 */
export function patchResultProblems(stored: object, fields: Partial<CloudPcProvisioningPolicy>): string[] {
  const before = writable(stored as Record<string, unknown>);
  const known = new Set(errorsOf(before));
  return errorsOf({ ...before, ...(fields as Record<string, unknown>) }).filter((m) => !known.has(m));
}
