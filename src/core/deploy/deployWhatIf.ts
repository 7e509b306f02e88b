// Who an assignment change affects, before it is made: the end state the file asks for, run through
// computeWhatIf (the coverage rule the simulator provisions by, docs/simulator.md rules 2, 4, 8). Reads are
// per group and per policy, cached for one plan; never one request per Cloud PC.
import { computeWhatIf } from '../coverage/assignWhatIf';
import type { WhatIfGroup } from '../coverage/assignWhatIf';
import type { CloudPcApi } from '../graph/cloudPcApi';
import { mapInFlight, defaultRequestsInFlight } from '../graph/mapInFlight';
import { odataString } from '../graph/odataQuery';
import type { DirectoryMember } from '../graph/resourceShapes';
import type { CloudPc } from '../model/cloudPc';
import type { AssignedLicense, LicenseDetails, SubscribedSku } from '../model/directory';
import { errorText } from '../model/errorText';
import { isFrontlineType, provisioningKindOf } from '../model/provisioningKind';
import type { CloudPcManagementGroupAssignmentTarget, CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import type { WhatIf } from './deployPlan';

/** Users whose licenses one policy's what-if looks at, at most (beyond them a user counts as unlicensed: "at least"). */
const MAX_LICENSE_READS = 500;
const SAMPLE = 5;
const CLOUD_PC_FIELDS = ['id', 'displayName', 'userPrincipalName', 'status', 'provisioningPolicyId'];
/** Users per `$filter` of Cloud PCs: the URL stays short (Graph caps URL length and `or` clauses). */
const USERS_PER_FILTER = 15;
const MEMBER_FIELDS = ['id', 'displayName', 'userPrincipalName', 'assignedLicenses'];

/** The directory and Cloud PC reads of one plan, each made once. */
export class WhatIfReader {
  private readonly members = new Map<string, Promise<DirectoryMember[]>>();
  private readonly licenses = new Map<string, Promise<LicenseDetails[] | { error: string }>>();
  private readonly byPolicy = new Map<string, Promise<CloudPc[]>>();
  private skus: Promise<Map<string, SubscribedSku> | undefined> | undefined;

  constructor(
    private readonly api: CloudPcApi,
    private readonly signal?: AbortSignal,
    /** Cloud PCs already loaded (the editor's sidebar); else each policy's are listed with a `$filter`. */
    private readonly known?: readonly CloudPc[],
  ) {}

  groupMembers(groupId: string): Promise<DirectoryMember[]> {
    let found = this.members.get(groupId);
    if (!found) {
      // assignedLicenses with the members: licences come per group, not one request per user.
      found = this.api.listGroupMembers(groupId, { signal: this.signal, select: MEMBER_FIELDS });
      this.members.set(groupId, found);
    }
    return found;
  }

  /** The tenant's SKUs by skuId (one request), or undefined when they cannot be read. */
  private subscribedSkus(): Promise<Map<string, SubscribedSku> | undefined> {
    this.skus ??= this.api.listSubscribedSkus({ signal: this.signal }).then(
      (list) => new Map(list.map((sku) => [sku.skuId, sku])),
      () => undefined,
    );
    return this.skus;
  }

  /**
   * A member's licences: from the assignedLicenses its group listing carried and the tenant's SKUs (their
   * plans minus the disabled ones), else read for the user alone (`/users/{id}/licenseDetails`).
   */
  async license(member: DirectoryMember): Promise<LicenseDetails[] | { error: string }> {
    const assigned = (member as { assignedLicenses?: AssignedLicense[] }).assignedLicenses;
    const skus = assigned ? await this.subscribedSkus() : undefined;
    if (assigned && skus)
      return assigned.flatMap((a) => {
        const sku = skus.get(a.skuId);
        if (!sku) return [];
        const disabled = new Set(a.disabledPlans ?? []);
        const servicePlans = sku.servicePlans.filter((p) => !disabled.has(p.servicePlanId));
        return [{ id: `${member.id}_${a.skuId}`, skuId: a.skuId, skuPartNumber: sku.skuPartNumber, servicePlans }];
      });
    const userId = member.id;
    let found = this.licenses.get(userId);
    if (!found) {
      found = this.api.listUserLicenseDetails(userId, { signal: this.signal }).catch((err: unknown) => ({
        error: errorText(err),
      }));
      this.licenses.set(userId, found);
    }
    return found;
  }

  /** The Cloud PCs of these users (any policy): a `$filter` of a few users per request, never one per Cloud PC. */
  async cloudPcsOfUsers(upns: readonly string[]): Promise<CloudPc[]> {
    if (this.known) {
      const wanted = new Set(upns.map((u) => u.toLowerCase()));
      return this.known.filter((pc) => wanted.has(pc.userPrincipalName?.toLowerCase() ?? ''));
    }
    const batches: string[][] = [];
    for (let i = 0; i < upns.length; i += USERS_PER_FILTER) batches.push(upns.slice(i, i + USERS_PER_FILTER));
    const pages = await mapInFlight(batches, defaultRequestsInFlight, (batch) =>
      this.api.listCloudPcs({
        signal: this.signal,
        filter: batch.map((u) => `userPrincipalName eq ${odataString(u)}`).join(' or '),
        select: [...CLOUD_PC_FIELDS, 'provisioningType', 'provisioningPolicyName'],
      }),
    );
    return pages.flat();
  }

  /** The policy's Cloud PCs: one filtered list (docs/service-facts.md "Endpoints and paging"), not the tenant's. */
  cloudPcsOf(policyId: string): Promise<CloudPc[]> {
    if (this.known) return Promise.resolve(this.known.filter((pc) => pc.provisioningPolicyId === policyId));
    let found = this.byPolicy.get(policyId);
    if (!found) {
      found = this.api.listCloudPcs({
        signal: this.signal,
        filter: `provisioningPolicyId eq ${odataString(policyId)}`,
        select: CLOUD_PC_FIELDS,
      });
      this.byPolicy.set(policyId, found);
    }
    return found;
  }
}

const upnOf = (m: DirectoryMember): string | undefined => {
  const upn = (m as { userPrincipalName?: unknown }).userPrincipalName;
  return typeof upn === 'string' ? upn : undefined;
};

/**
 * The what-if of giving `policy` (deployed, or `undefined` for a create) the assignment set `targets`:
 * who gets a Cloud PC, whose Cloud PC from it enters the grace period.
 */
export async function assignmentWhatIf(
  reader: WhatIfReader,
  policy: Pick<CloudPcProvisioningPolicy, 'id' | 'displayName' | 'provisioningType' | 'cloudPcNamingTemplate'>,
  targets: readonly CloudPcManagementGroupAssignmentTarget[],
): Promise<WhatIf> {
  try {
    const existing = policy.id ? await reader.cloudPcsOf(policy.id) : [];
    const groups: WhatIfGroup[] = await mapInFlight(targets, defaultRequestsInFlight, async (target) => ({
      id: target.groupId,
      displayName: target.groupId,
      members: await reader.groupMembers(target.groupId),
      allotment: target.allotmentLicensesCount,
    }));
    const mine = new Set(existing.map((pc) => pc.userPrincipalName?.toLowerCase()).filter(Boolean));
    const newUsers = new Map<string, DirectoryMember>();
    for (const g of groups)
      for (const m of g.members) if (upnOf(m) && !mine.has(upnOf(m)!.toLowerCase())) newUsers.set(m.id, m);
    const licenses = new Map<string, LicenseDetails[] | { error: string }>();
    if (provisioningKindOf(policy.provisioningType).family === 'enterprise') {
      const read = [...newUsers.values()].slice(0, MAX_LICENSE_READS);
      const found = await mapInFlight(read, defaultRequestsInFlight * 2, (m) => reader.license(m));
      read.forEach((m, i) => licenses.set(m.id, found[i]!));
    }
    const coveredElsewhere = await coveredByOthers(reader, policy, newUsers);
    const result = computeWhatIf(
      { policy, groups, licenses, coveredElsewhere, existing, sampleName: (upn) => upn },
      (message) => message,
    );
    return {
      gets: result.gets.length,
      entersGrace: result.loses.length,
      getsSample: result.gets.slice(0, SAMPLE).map((u) => u.userPrincipalName),
      graceSample: result.loses.slice(0, SAMPLE).map((u) => u.name),
    };
  } catch (err) {
    return { gets: 0, entersGrace: 0, getsSample: [], graceSample: [], unknown: errorText(err) };
  }
}

/**
 * New users a policy of the same family already gives a Cloud PC (first assigned wins, rule 4; a Cloud PC
 * holds its licence until it is gone, rule 8): read from those users' Cloud PCs, a few users per request.
 */
async function coveredByOthers(
  reader: WhatIfReader,
  policy: Pick<CloudPcProvisioningPolicy, 'id' | 'provisioningType'>,
  newUsers: ReadonlyMap<string, DirectoryMember>,
): Promise<Map<string, string>> {
  const covered = new Map<string, string>();
  const byUpn = new Map([...newUsers.values()].map((m) => [upnOf(m)!.toLowerCase(), m.id]));
  if (byUpn.size === 0) return covered;
  const frontline = isFrontlineType(policy.provisioningType);
  // Each UPN as the directory spells it: the filter need not rely on case-insensitive `eq`.
  for (const pc of await reader.cloudPcsOfUsers([...newUsers.values()].map((m) => upnOf(m)!))) {
    const userId = byUpn.get(pc.userPrincipalName?.toLowerCase() ?? '');
    if (!userId || pc.provisioningPolicyId === policy.id || isFrontlineType(pc.provisioningType) !== frontline)
      continue;
    if (!covered.has(userId)) covered.set(userId, pc.provisioningPolicyName ?? pc.provisioningPolicyId ?? '');
  }
  return covered;
}

/** A delete: every Cloud PC of the policy not already going enters the grace period. */
export async function deleteWhatIf(reader: WhatIfReader, policyId: string): Promise<WhatIf> {
  try {
    const going = (await reader.cloudPcsOf(policyId)).filter(
      (pc) => pc.status !== 'inGracePeriod' && pc.status !== 'deprovisioning',
    );
    return {
      gets: 0,
      entersGrace: going.length,
      getsSample: [],
      graceSample: going.slice(0, SAMPLE).map((pc) => pc.userPrincipalName ?? pc.displayName),
    };
  } catch (err) {
    return { gets: 0, entersGrace: 0, getsSample: [], graceSample: [], unknown: errorText(err) };
  }
}
