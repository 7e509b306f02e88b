// The tenant checks (CPC5xx, docs/rules.md "Tenant checks"): each id a policy names is looked up in the
// tenant as last read, and what the service would refuse or fail on is said before Deploy. A list the
// tenant could not be read for says nothing (undefined in the index), never "not found".
import { editDistance } from '../policy/closestMatch';
import type { Finding, JsonPath } from '../policy/finding';
import { replaceValueFix } from '../policy/hit';
import type { FixBuilder, Hit } from '../policy/hit';
import { asArray, asObject, asString } from '../policy/jsonValue';
import type { JsonObject } from '../policy/jsonValue';
import { placeRuleHits } from '../policy/validator';
import type { ValidateOptions } from '../policy/validator';
import type { PolicyEntry } from '../policy/documentChecks';
import { isUsableConnectionStatus } from '../model/catalog';
import { isFrontlineType } from '../model/provisioningKind';
import { connectionHealthText, imageProblem } from './tenantFacts';
import type { TenantIndex } from './tenantCatalog';
import { TENANT_RULES } from './tenantRules';

/** Choices a "not found" fix offers: the first few of the tenant's, in its order. */
const MAX_CHOICES = 5;

/**
 * What the policy rules need from the tenant at hand, for the editor and `validate --backend` alike: the tenant's
 * own policies (overlapping targets, CPC325: the first assigned wins) and the names of the groups looked up, so
 * the finding names the group as the admin knows it. The overlap stays one rule with the file's own overlaps:
 * which policy wins depends on both, so it is judged in one pass (docs/rules.md CPC325).
 */
export function tenantDocumentOptions(tenant: TenantIndex): Pick<ValidateOptions, 'deployedPolicies' | 'groupNames'> {
  const groupNames: Record<string, string> = {};
  for (const [id, group] of tenant.catalog.groups ?? []) if (group) groupNames[id.toLowerCase()] = group.displayName;
  return { ...(tenant.catalog.policies ? { deployedPolicies: tenant.catalog.policies } : {}), groupNames };
}

/** All tenant findings for a document (one policy or a fleet), sorted by position. */
export function validateAgainstTenant(text: string, tenant: TenantIndex): Finding[] {
  return placeRuleHits(text, (policies) => tenantHits(policies, tenant));
}

export function tenantHits(policies: readonly PolicyEntry[], tenant: TenantIndex): Hit[] {
  const hits: Hit[] = [];
  for (const p of policies) {
    joinHits(p.value, p.path, tenant, hits);
    imageHits(p.value, p.path, tenant, hits);
    assignmentHits(p.value, p.path, tenant, hits);
    allotmentHits(p.value, p.path, tenant, hits);
  }
  return hits;
}

function hit(rule: Hit['rule'], severity: Hit['severity'], message: string, path: JsonPath, fixes?: FixBuilder[]): Hit {
  return { rule, severity, message, path, part: 'value', ...(fixes && fixes.length > 0 ? { fixes } : {}) };
}

function choices(path: JsonPath, options: readonly { id: string; displayName: string }[]): FixBuilder[] {
  return options
    .slice(0, MAX_CHOICES)
    .map((o, i) => replaceValueFix(`Use "${o.displayName}" (${o.id})`, path, o.id, i === 0));
}

function joinHits(policy: JsonObject, at: JsonPath, tenant: TenantIndex, out: Hit[]): void {
  const configs = asArray(policy['domainJoinConfigurations']) ?? [];
  // The list is a priority order: the first healthy connection provisions (docs/simulator.md, "Provisioning").
  const anyHealthy = configs.some((c) => {
    const id = asString(asObject(c)?.['onPremisesConnectionId']);
    const connection = id ? tenant.connection(id) : undefined;
    return connection !== undefined && connection !== null && isHealthy(connection.healthCheckStatus);
  });
  configs.forEach((raw, i) => {
    const config = asObject(raw);
    if (!config) return;
    const path = [...at, 'domainJoinConfigurations', i];
    const connectionId = asString(config['onPremisesConnectionId']);
    if (connectionId) connectionHit(connectionId, [...path, 'onPremisesConnectionId'], tenant, anyHealthy, out);
    const regionName = asString(config['regionName']);
    const regionGroup = asString(config['regionGroup']);
    if (regionName && regionName !== 'automatic')
      regionHit(regionName, regionGroup, [...path, 'regionName'], tenant, out);
    // `default` names no group: the service picks one, so no supported region carries it (Graph: "cloudPcRegionGroup", docs/rules.md CPC505).
    if (regionGroup && regionGroup !== 'default' && tenant.regionGroups && !tenant.regionGroups.has(regionGroup)) {
      out.push(
        hit(
          TENANT_RULES.regionNotOffered,
          'warning',
          `No region of the group '${regionGroup}' is offered to this tenant: Cloud PCs may not provision.`,
          [...path, 'regionGroup'],
        ),
      );
    }
  });
}

const isHealthy = isUsableConnectionStatus;

/** Why a connection cannot provision now, in an admin's words. */
function unusableWhy(connection: Parameters<typeof connectionHealthText>[0]): string {
  const name = `the Azure network connection '${connection.displayName}'`;
  switch (connection.healthCheckStatus) {
    case 'failed':
      return `${name} failed its health checks (${connectionHealthText(connection)})`;
    case 'pending':
    case 'running':
      return `${name} is not usable yet: its health checks are ${connection.healthCheckStatus}`;
    default:
      return `${name} reports a health state this tool does not know (unknown: ${connection.healthCheckStatus})`;
  }
}

function connectionHit(id: string, path: JsonPath, tenant: TenantIndex, anyHealthy: boolean, out: Hit[]): void {
  const connection = tenant.connection(id);
  if (connection === undefined) return;
  if (connection === null) {
    const healthy = (tenant.catalog.connections ?? []).filter((c) => isHealthy(c.healthCheckStatus));
    out.push(
      hit(
        TENANT_RULES.connectionNotFound,
        'error',
        `This tenant has no Azure network connection with the id '${id}': the service refuses the policy.`,
        path,
        choices(path, healthy),
      ),
    );
    return;
  }
  if (isHealthy(connection.healthCheckStatus)) return;
  const why = unusableWhy(connection);
  out.push(
    anyHealthy
      ? hit(
          TENANT_RULES.connectionUnhealthy,
          'information',
          `Skipped while unusable: ${why}; Cloud PCs use the policy's healthy connection.`,
          path,
        )
      : hit(TENANT_RULES.connectionUnhealthy, 'warning', `Provisioning will fail: ${why}.`, path),
  );
}

function regionHit(name: string, group: string | undefined, path: JsonPath, tenant: TenantIndex, out: Hit[]): void {
  const region = tenant.region(name);
  if (region === undefined) return;
  // A named region must lie in the group named with it (`default` names none): the service answers "Target Geography is invalid."
  if (region && group && region.regionGroup !== group && tenant.regionGroups?.has(group)) {
    out.push(
      hit(
        TENANT_RULES.regionNotOffered,
        'error',
        `${region.displayName} is in the region group '${region.regionGroup}', not '${group}': the service refuses the policy ("Target Geography is invalid").`,
        path,
        [
          replaceValueFix(
            `Use regionGroup '${region.regionGroup}'`,
            [...path.slice(0, -1), 'regionGroup'],
            region.regionGroup,
          ),
        ],
      ),
    );
    return;
  }
  const offered = (tenant.catalog.regions ?? [])
    .filter((r) => r.regionStatus === 'available')
    .map((r) => ({ r, d: Math.min(editDistance(name, r.id), editDistance(name, r.displayName.replace(/\s+/g, ''))) }))
    .sort((a, b) => a.d - b.d)
    .map(({ r }) => r);
  if (region === null) {
    out.push(
      hit(
        TENANT_RULES.regionNotOffered,
        'error',
        `'${name}' is not a region this tenant is offered: the service refuses the policy ("Target Geography is invalid").`,
        path,
        offered
          .slice(0, MAX_CHOICES)
          .map((r, i) => replaceValueFix(`Use ${r.displayName} (${r.id})`, path, r.id, i === 0)),
      ),
    );
  } else if (region.regionStatus !== 'available') {
    out.push(
      hit(
        TENANT_RULES.regionNotOffered,
        region.regionStatus === 'restricted' ? 'warning' : 'error',
        `The region ${region.displayName} is ${region.regionStatus} for this tenant: new Cloud PCs may not provision there.`,
        path,
      ),
    );
  }
}

function imageHits(policy: JsonObject, at: JsonPath, tenant: TenantIndex, out: Hit[]): void {
  const id = asString(policy['imageId']);
  if (!id) return;
  const path = [...at, 'imageId'];
  const custom = policy['imageType'] === 'custom';
  const image = custom ? tenant.deviceImage(id) : tenant.galleryImage(id);
  if (image === undefined) return;
  if (image === null) {
    const list = custom
      ? (tenant.catalog.deviceImages ?? []).filter((d) => d.status === 'ready')
      : (tenant.catalog.galleryImages ?? []).filter((g) => g.status === 'supported');
    out.push(
      hit(
        TENANT_RULES.imageNotFound,
        'warning',
        `This tenant has no ${custom ? 'custom' : 'gallery'} image with the id '${id}': provisioning will fail.`,
        path,
        choices(path, list),
      ),
    );
    return;
  }
  const problem = imageProblem(image, tenant.catalog.readAt);
  if (problem) out.push(hit(TENANT_RULES.imageUnusable, problem.severity, problem.message, path));
}

function assignmentHits(policy: JsonObject, at: JsonPath, tenant: TenantIndex, out: Hit[]): void {
  const frontline = isFrontlineType(policy['provisioningType']);
  asArray(policy['assignments'])?.forEach((raw, i) => {
    const target = asObject(asObject(raw)?.['target']);
    if (!target) return;
    const path = [...at, 'assignments', i, 'target'];
    const groupId = asString(target['groupId']);
    if (groupId && tenant.group(groupId) === null) {
      out.push(
        hit(
          TENANT_RULES.groupNotFound,
          'error',
          `This tenant has no group with the id '${groupId}': the assignment would fail.`,
          [...path, 'groupId'],
        ),
      );
    }
    const planId = asString(target['servicePlanId']);
    if (planId && frontline) frontlinePlanHit(planId, [...path, 'servicePlanId'], tenant, out);
  });
}

/** A Frontline assignment names a Frontline service plan (Graph: "cloudPcManagementGroupAssignmentTarget resource type"). */
function frontlinePlanHit(id: string, path: JsonPath, tenant: TenantIndex, out: Hit[]): void {
  const frontline = tenant.frontlinePlan(id);
  if (frontline) return;
  const plan = tenant.servicePlan(id);
  const options = tenant.catalog.frontlinePlans ?? [];
  if (plan && !isFrontlineType(plan.provisioningType)) {
    out.push(
      hit(
        TENANT_RULES.servicePlanMismatch,
        'error',
        `'${plan.displayName}' is an Enterprise service plan: a Frontline assignment needs a Frontline service plan.`,
        path,
        choices(path, options),
      ),
    );
  } else if (frontline === null || (frontline === undefined && plan === null)) {
    // frontLineServicePlans lists the plans the tenant owns; its ids are what assignments name (Graph: "List frontLineServicePlans").
    out.push(
      hit(
        TENANT_RULES.servicePlanMismatch,
        'error',
        `This tenant has no Frontline service plan with the id '${id}': the assignment would fail.`,
        path,
        choices(path, options),
      ),
    );
  }
}

/**
 * The allotments of a Frontline policy plus those of the tenant's other policies may not exceed the plan's
 * licences: the service refuses the assign (InsufficientLicenses; docs/rules.md CPC508). The tenant's copy of
 * this policy (same displayName) is what the file replaces, so it is not counted.
 */
function allotmentHits(policy: JsonObject, at: JsonPath, tenant: TenantIndex, out: Hit[]): void {
  if (!isFrontlineType(policy['provisioningType'])) return;
  const name = asString(policy['displayName']);
  const wanted = new Map<string, { count: number; index: number }>();
  asArray(policy['assignments'])?.forEach((raw, i) => {
    const target = asObject(asObject(raw)?.['target']);
    const planId = asString(target?.['servicePlanId'])?.toLowerCase();
    if (!target || !planId) return;
    const count = typeof target['allotmentLicensesCount'] === 'number' ? target['allotmentLicensesCount'] : 1;
    const entry = wanted.get(planId) ?? { count: 0, index: i };
    entry.count += count;
    wanted.set(planId, entry);
  });
  for (const [planId, { count, index }] of wanted) {
    const plan = tenant.frontlinePlan(planId);
    if (!plan || typeof plan.totalCount !== 'number') continue;
    const others = allottedElsewhere(tenant, planId, name);
    if (others === undefined || count + others <= plan.totalCount) continue;
    const path = [...at, 'assignments', index, 'target', 'allotmentLicensesCount'];
    const target = asObject(asObject(asArray(policy['assignments'])?.[index])?.['target']);
    out.push(
      hit(
        TENANT_RULES.allotmentBeyondLicences,
        'error',
        `The allotments ask for ${count + others} '${plan.displayName}' licences (${count} here, ${others} by other policies) but the tenant has ${plan.totalCount}: the service refuses the assignment.`,
        target && 'allotmentLicensesCount' in target ? path : [...at, 'assignments', index, 'target'],
      ),
    );
  }
}

/** Licences of the plan allotted by the tenant's other policies; undefined when they could not be read. */
function allottedElsewhere(tenant: TenantIndex, planId: string, name: string | undefined): number | undefined {
  const policies = tenant.catalog.policies;
  if (!policies) return undefined;
  let n = 0;
  for (const p of policies) {
    if (name !== undefined && p.displayName === name) continue;
    for (const a of p.assignments ?? [])
      if (a.target.servicePlanId?.toLowerCase() === planId) n += a.target.allotmentLicensesCount ?? 1;
  }
  return n;
}
