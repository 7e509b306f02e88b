// Stored records → Graph wire shapes. Evolvable enum members become `unknownFutureValue` unless the caller
// sent `Prefer: include-unknown-enum-members` (docs/simulator.md "The Graph contract").
import type { CloudPc } from '../../model/cloudPc';
import { CLOUD_PC_STATUSES } from '../../model/cloudPc';
import type { CloudPcProvisioningPolicy, CloudPcProvisioningPolicyAssignment } from '../../model/provisioningPolicy';
import {
  CLOUD_PC_MANAGEMENT_SERVICES,
  CLOUD_PC_PROVISIONING_TYPES,
  CLOUD_PC_REGION_GROUPS,
  CLOUD_PC_GEOGRAPHIC_LOCATION_TYPES,
  GROUP_ASSIGNMENT_TARGET_ODATA_TYPE,
} from '../../model/provisioningPolicy';
import type { CloudPcSupportedRegion } from '../../model/catalog';
import { nonEvolvableMembers } from '../../model/enumMembers';
import type { Tenant } from '../tenant';
import type { CloudPcRecord, PolicyRecord } from '../simulatorState';

const visibleSets = new WeakMap<readonly string[], Set<string>>();

/** A value we do not know (an open enum accepted it) is a member added later too: masked like the evolvable ones. */
export function maskEnum<T extends string>(
  members: readonly string[],
  value: T,
  includeEvolvable: boolean,
): T | 'unknownFutureValue' {
  if (includeEvolvable) return value;
  let visible = visibleSets.get(members);
  if (!visible) visibleSets.set(members, (visible = new Set(nonEvolvableMembers(members))));
  return visible.has(value) ? value : 'unknownFutureValue';
}

/** The policy's name; a deleted policy's Cloud PCs keep the name it last had (docs/simulator.md "Deleted policies"). */
export function policyNameOf(sim: Tenant, policyId: string): string | null {
  return sim.policies.get(policyId)?.policy.displayName ?? sim.deletedPolicyNames.get(policyId) ?? null;
}

export function toGraphCloudPc(sim: Tenant, c: CloudPcRecord, includeEvolvable: boolean): CloudPc {
  const plan = c.servicePlanId ? sim.catalog.servicePlans.find((p) => p.id === c.servicePlanId) : undefined;
  const delivered = c.stage === 0 && c.provisionedAt !== null;
  return {
    '@odata.type': '#microsoft.graph.cloudPC',
    id: c.id,
    displayName: c.displayName,
    aadDeviceId: c.aadDeviceId,
    managedDeviceId: c.managedDeviceId,
    // The NetBIOS name from the naming template; null until Intune enrolment (docs/service-facts.md "Cloud PC states and actions").
    managedDeviceName: c.managedDeviceId ? c.deviceName : null,
    userPrincipalName: c.userPrincipalName,
    provisioningPolicyId: c.policyId,
    provisioningPolicyName: policyNameOf(sim, c.policyId),
    provisioningType: maskEnum(CLOUD_PC_PROVISIONING_TYPES, c.provisioningType, includeEvolvable),
    servicePlanId: c.servicePlanId,
    servicePlanName: plan?.displayName ?? null,
    servicePlanType: plan ? plan.type : null,
    status: maskEnum(CLOUD_PC_STATUSES, c.status, includeEvolvable),
    statusDetail: c.statusDetail,
    gracePeriodEndDateTime: c.graceEnd !== null ? sim.iso(c.graceEnd) : null,
    lastModifiedDateTime: sim.iso(c.lastModified),
    provisionedDateTime: c.provisionedAt !== null ? sim.iso(c.provisionedAt) : null,
    imageDisplayName: c.imageDisplayName,
    onPremisesConnectionName: c.ancName,
    deviceRegionName: c.regionName,
    osVersion: c.osVersion,
    userAccountType: c.userAccountType,
    userExperienceType: c.userExperienceType,
    productType: c.productType,
    powerState: delivered ? 'running' : null,
    diskEncryptionState: delivered ? 'encryptedUsingPlatformManagedKey' : 'notAvailable',
    allotmentDisplayName: c.allotmentDisplayName,
    connectionSetting: { enableSingleSignOn: c.singleSignOn },
    connectivityResult: delivered
      ? { status: 'available', lastModifiedDateTime: sim.iso(c.lastModified), failedHealthCheckItems: [] }
      : null,
    scopeIds: ['0'],
    partnerAgentInstallResults: [],
  };
}

const q = JSON.stringify;

function str(v: string | null | undefined): string {
  return v === null || v === undefined ? 'null' : q(v);
}

/** Ids and enum members: nothing to escape. */
function raw(v: string | null): string {
  return v === null ? 'null' : `"${v}"`;
}

type ServicePlan = Tenant['catalog']['servicePlans'][number];

function planOf(sim: Tenant, id: string | null): ServicePlan | undefined {
  if (!id) return undefined;
  const plans = sim.catalog.servicePlans;
  for (let i = 0; i < plans.length; i++) if (plans[i].id === id) return plans[i];
  return undefined;
}

/**
 * Everything a Cloud PC's JSON is made of, read from the record, its policy and its service plan. The text is
 * built from these values only, so a cached text is valid exactly while they are unchanged: no mutation site
 * has to remember to invalidate it (a rename, the lifecycle, a test poking a record).
 */
interface CloudPcJsonInputs {
  id: string;
  displayName: string;
  aadDeviceId: string | null;
  managedDeviceId: string | null;
  deviceName: string;
  userPrincipalName: string | null;
  policyId: string;
  policyName: string | null | undefined;
  provisioningType: CloudPcRecord['provisioningType'];
  servicePlanId: string | null;
  planName: string | null | undefined;
  planType: string | null | undefined;
  status: CloudPcRecord['status'];
  /** Compared by reference: the lifecycle replaces it, never edits it in place. */
  statusDetail: CloudPcRecord['statusDetail'];
  graceEnd: number | null;
  lastModified: number;
  provisionedAt: number | null;
  delivered: boolean;
  imageDisplayName: string | null;
  ancName: string;
  regionName: string | null;
  osVersion: CloudPcRecord['osVersion'];
  userAccountType: CloudPcRecord['userAccountType'];
  userExperienceType: CloudPcRecord['userExperienceType'];
  productType: CloudPcRecord['productType'];
  allotmentDisplayName: string | null;
  singleSignOn: boolean;
}

interface CachedCloudPcJson extends CloudPcJsonInputs {
  /** The text with evolvable enum members masked, and without masking; built on first use. */
  masked: string | undefined;
  full: string | undefined;
  /** `sim.version` when the inputs were last found unchanged. */
  checkedAt: number;
}

/**
 * Serialized Cloud PCs, so paging a tenant is a join of cached strings. Keyed by record (weakly: a removed
 * Cloud PC takes its text with it). At most JSON_CACHE_LIMIT records (~1.3 KB of text each): past that the
 * cache starts over rather than double the memory of a 100,000-PC tenant.
 */
let jsonCache = new WeakMap<CloudPcRecord, CachedCloudPcJson>();
let jsonCacheEntries = 0;
const JSON_CACHE_LIMIT = 20_000;

/**
 * The record fields a Cloud PC's JSON copies as they are: the one list both copying (readInputs) and comparing
 * (sameInputs) walk, so a field cannot be copied and forgotten in the comparison (a stale cached text).
 * lastModified and status first: they change most often, so a changed record fails fast.
 */
const RECORD_INPUTS = [
  'lastModified',
  'status',
  'id',
  'displayName',
  'aadDeviceId',
  'managedDeviceId',
  'deviceName',
  'userPrincipalName',
  'policyId',
  'provisioningType',
  'servicePlanId',
  'statusDetail',
  'graceEnd',
  'provisionedAt',
  'imageDisplayName',
  'ancName',
  'regionName',
  'osVersion',
  'userAccountType',
  'userExperienceType',
  'productType',
  'allotmentDisplayName',
  'singleSignOn',
] as const satisfies readonly (keyof CloudPcJsonInputs & keyof CloudPcRecord)[];

/** The inputs that are not record fields as they are: the policy's name, the plan's, and whether it was delivered. */
function derivedInputs(c: CloudPcRecord, policyName: string | null | undefined, plan: ServicePlan | undefined) {
  return {
    policyName,
    planName: plan?.displayName,
    planType: plan?.type,
    delivered: c.stage === 0 && c.provisionedAt !== null,
  };
}

function readInputs(
  c: CloudPcRecord,
  policyName: string | null | undefined,
  plan: ServicePlan | undefined,
  into: CachedCloudPcJson | undefined,
): CachedCloudPcJson {
  const e = (into ?? {}) as Record<string, unknown>;
  for (const key of RECORD_INPUTS) e[key] = c[key];
  Object.assign(e, derivedInputs(c, policyName, plan));
  e.masked = undefined;
  e.full = undefined;
  e.checkedAt = -1;
  return e as unknown as CachedCloudPcJson;
}

function sameInputs(
  e: CloudPcJsonInputs,
  c: CloudPcRecord,
  policyName: string | null | undefined,
  plan: ServicePlan | undefined,
): boolean {
  for (const key of RECORD_INPUTS) if (e[key] !== c[key]) return false;
  // derivedInputs, compared without building it (this runs per Cloud PC per listing).
  return (
    e.policyName === policyName &&
    e.planName === plan?.displayName &&
    e.planType === plan?.type &&
    e.delivered === (c.stage === 0 && c.provisionedAt !== null)
  );
}

/**
 * toGraphCloudPc as JSON text, same keys in the same order, cached per Cloud PC: listing 10,000 Cloud PCs is
 * mostly serialization. Ids, enums and dates need no escaping; free text does.
 *
 * A text is cached the second time it is asked for with the same inputs: right after a change (the clock moving
 * a fleet through provisioning) texts would be replaced before they are reused, and caching them would only
 * keep garbage alive. A tenant that stays put is served from the cache from its second listing on.
 */
export function cloudPcJson(sim: Tenant, c: CloudPcRecord, includeEvolvable: boolean): string {
  let e = jsonCache.get(c);
  // Nothing in the tenant changed since the inputs were last compared (every change bumps sim.version): still valid.
  if (e === undefined || e.checkedAt !== sim.version) {
    const plan = planOf(sim, c.servicePlanId);
    const policyName = policyNameOf(sim, c.policyId);
    const changed = e === undefined || !sameInputs(e, c, policyName, plan);
    if (e === undefined) {
      if (jsonCacheEntries >= JSON_CACHE_LIMIT) {
        jsonCache = new WeakMap();
        jsonCacheEntries = 0;
      }
      e = readInputs(c, policyName, plan, undefined);
      jsonCache.set(c, e);
      jsonCacheEntries++;
    } else if (changed) {
      readInputs(c, policyName, plan, e);
    }
    e.checkedAt = sim.version;
    if (changed) return buildCloudPcJson(sim, e, includeEvolvable);
  }
  if (includeEvolvable) return (e.full ??= buildCloudPcJson(sim, e, true, true));
  return (e.masked ??= buildCloudPcJson(sim, e, false, true));
}

/**
 * The text, from the inputs alone. A concatenation is a rope of ~60 pieces: fine for a text copied into one page
 * and dropped, so only a text being cached is flattened (`cacheable`).
 */
function buildCloudPcJson(sim: Tenant, e: CloudPcJsonInputs, includeEvolvable: boolean, cacheable = false): string {
  const modified = sim.iso(e.lastModified);
  const text =
    '{"@odata.type":"#microsoft.graph.cloudPC","id":"' +
    e.id +
    '","displayName":' +
    q(e.displayName) +
    ',"aadDeviceId":' +
    raw(e.aadDeviceId) +
    ',"managedDeviceId":' +
    raw(e.managedDeviceId) +
    ',"managedDeviceName":' +
    (e.managedDeviceId ? q(e.deviceName) : 'null') +
    ',"userPrincipalName":' +
    str(e.userPrincipalName) +
    ',"provisioningPolicyId":"' +
    e.policyId +
    '","provisioningPolicyName":' +
    str(e.policyName) +
    ',"provisioningType":"' +
    maskEnum(CLOUD_PC_PROVISIONING_TYPES, e.provisioningType, includeEvolvable) +
    '","servicePlanId":' +
    raw(e.servicePlanId) +
    ',"servicePlanName":' +
    str(e.planName) +
    ',"servicePlanType":' +
    (e.planType !== undefined ? `"${e.planType}"` : 'null') +
    ',"status":"' +
    maskEnum(CLOUD_PC_STATUSES, e.status, includeEvolvable) +
    '","statusDetail":' +
    (e.statusDetail ? q(e.statusDetail) : 'null') +
    ',"gracePeriodEndDateTime":' +
    (e.graceEnd !== null ? `"${sim.iso(e.graceEnd)}"` : 'null') +
    ',"lastModifiedDateTime":"' +
    modified +
    '","provisionedDateTime":' +
    (e.provisionedAt !== null ? `"${sim.iso(e.provisionedAt)}"` : 'null') +
    ',"imageDisplayName":' +
    str(e.imageDisplayName) +
    ',"onPremisesConnectionName":' +
    q(e.ancName) +
    ',"deviceRegionName":' +
    str(e.regionName) +
    ',"osVersion":"' +
    e.osVersion +
    '","userAccountType":"' +
    e.userAccountType +
    '","userExperienceType":"' +
    e.userExperienceType +
    '","productType":"' +
    e.productType +
    '","powerState":' +
    (e.delivered ? '"running"' : 'null') +
    ',"diskEncryptionState":"' +
    (e.delivered ? 'encryptedUsingPlatformManagedKey' : 'notAvailable') +
    '","allotmentDisplayName":' +
    str(e.allotmentDisplayName) +
    ',"connectionSetting":{"enableSingleSignOn":' +
    e.singleSignOn +
    '}' +
    ',"connectivityResult":' +
    (e.delivered
      ? '{"status":"available","lastModifiedDateTime":"' + modified + '","failedHealthCheckItems":[]}'
      : 'null') +
    ',"scopeIds":["0"],"partnerAgentInstallResults":[]}';
  // trim() flattens its input first and, with nothing to trim (the text runs from { to }), returns that flat
  // string: one copy now instead of walking the rope in every page it is joined into.
  return cacheable ? text.trim() : text;
}

export function toGraphAssignment(
  policyId: string,
  a: PolicyRecord['assignments'][number],
): CloudPcProvisioningPolicyAssignment {
  return {
    id: `${policyId}_${a.groupId}`,
    target: {
      '@odata.type': GROUP_ASSIGNMENT_TARGET_ODATA_TYPE,
      groupId: a.groupId,
      servicePlanId: a.servicePlanId,
      allotmentDisplayName: a.allotmentDisplayName,
      allotmentLicensesCount: a.allotmentLicensesCount,
    },
  };
}

export function toGraphPolicy(
  record: PolicyRecord,
  expandAssignments: boolean,
  includeEvolvable: boolean,
): CloudPcProvisioningPolicy {
  const p = record.policy;
  const { id, displayName, ...rest } = structuredClone(p);
  const out: CloudPcProvisioningPolicy = {
    '@odata.type': '#microsoft.graph.cloudPcProvisioningPolicy',
    id,
    displayName,
    ...rest,
    provisioningType: maskEnum(CLOUD_PC_PROVISIONING_TYPES, p.provisioningType ?? 'dedicated', includeEvolvable),
    ...(p.managedBy ? { managedBy: maskEnum(CLOUD_PC_MANAGEMENT_SERVICES, p.managedBy, includeEvolvable) } : {}),
    domainJoinConfigurations: (p.domainJoinConfigurations ?? []).map((d) => ({
      ...d,
      regionGroup: d.regionGroup
        ? maskEnum(CLOUD_PC_REGION_GROUPS, d.regionGroup, includeEvolvable)
        : (d.regionGroup ?? null),
      geographicLocationType: d.geographicLocationType
        ? maskEnum(CLOUD_PC_GEOGRAPHIC_LOCATION_TYPES, d.geographicLocationType, includeEvolvable)
        : (d.geographicLocationType ?? null),
    })),
  };
  if (expandAssignments) out.assignments = record.assignments.map((a) => toGraphAssignment(p.id, a));
  return out;
}

export function toGraphRegion(r: CloudPcSupportedRegion, includeEvolvable: boolean): CloudPcSupportedRegion {
  return {
    ...r,
    regionGroup: maskEnum(CLOUD_PC_REGION_GROUPS, r.regionGroup, includeEvolvable),
    geographicLocationType: maskEnum(CLOUD_PC_GEOGRAPHIC_LOCATION_TYPES, r.geographicLocationType, includeEvolvable),
  };
}
