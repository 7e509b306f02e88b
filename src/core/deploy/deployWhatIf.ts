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
import type { LicenseDetails } from '../model/directory';
import { errorText } from '../model/errorText';
import { isFrontlineType, provisioningKindOf } from '../model/provisioningKind';
import type { CloudPcManagementGroupAssignmentTarget, CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import type { WhatIf } from './deployPlan';

/** Users whose licenses one policy's what-if reads at most (beyond them the count says "at least"). */
const MAX_LICENSE_READS = 500;
const SAMPLE = 5;
const CLOUD_PC_FIELDS = ['id', 'displayName', 'userPrincipalName', 'status', 'provisioningPolicyId'];

/** The directory and Cloud PC reads of one plan, each made once. */
export class WhatIfReader {
  private readonly members = new Map<string, Promise<DirectoryMember[]>>();
  private readonly licenses = new Map<string, Promise<LicenseDetails[] | { error: string }>>();
  private readonly byPolicy = new Map<string, Promise<CloudPc[]>>();

  constructor(
    private readonly api: CloudPcApi,
    private readonly signal?: AbortSignal,
    /** Cloud PCs already loaded (the editor's sidebar); else each policy's are listed with a `$filter`. */
    private readonly known?: readonly CloudPc[],
  ) {}

  groupMembers(groupId: string): Promise<DirectoryMember[]> {
    let found = this.members.get(groupId);
    if (!found) {
      found = this.api.listGroupMembers(groupId, { signal: this.signal });
      this.members.set(groupId, found);
    }
    return found;
  }

  license(userId: string): Promise<LicenseDetails[] | { error: string }> {
    let found = this.licenses.get(userId);
    if (!found) {
      found = this.api.listUserLicenseDetails(userId, { signal: this.signal }).catch((err: unknown) => ({
        error: errorText(err),
      }));
      this.licenses.set(userId, found);
    }
    return found;
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
 * who gets a Cloud PC, whose Cloud PC from it enters the grace period. `others` are the tenant's other
 * policies (a user covered by one of the same family keeps it: first assigned wins, rule 4).
 */
export async function assignmentWhatIf(
  reader: WhatIfReader,
  policy: Pick<CloudPcProvisioningPolicy, 'id' | 'displayName' | 'provisioningType' | 'cloudPcNamingTemplate'>,
  targets: readonly CloudPcManagementGroupAssignmentTarget[],
  others: readonly CloudPcProvisioningPolicy[],
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
    const newUsers = [
      ...new Set(
        groups.flatMap((g) => g.members.filter((m) => upnOf(m) && !mine.has(upnOf(m)!.toLowerCase())).map((m) => m.id)),
      ),
    ];
    const licenses = new Map<string, LicenseDetails[] | { error: string }>();
    if (provisioningKindOf(policy.provisioningType).family === 'enterprise') {
      const read = newUsers.slice(0, MAX_LICENSE_READS);
      const found = await mapInFlight(read, defaultRequestsInFlight * 2, (id) => reader.license(id));
      read.forEach((id, i) => licenses.set(id, found[i]));
    }
    const coveredElsewhere = await coveredByOthers(reader, policy, others, new Set(newUsers));
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

/** Users a policy of the same family already covers through its groups (first assigned wins, rule 4). */
async function coveredByOthers(
  reader: WhatIfReader,
  policy: Pick<CloudPcProvisioningPolicy, 'id' | 'provisioningType'>,
  others: readonly CloudPcProvisioningPolicy[],
  wanted: Set<string>,
): Promise<Map<string, string>> {
  const covered = new Map<string, string>();
  if (wanted.size === 0) return covered;
  const frontline = isFrontlineType(policy.provisioningType);
  const groups = new Map<string, string>();
  for (const other of others) {
    if (other.id === policy.id || isFrontlineType(other.provisioningType) !== frontline) continue;
    for (const a of other.assignments ?? [])
      if (!groups.has(a.target.groupId)) groups.set(a.target.groupId, other.displayName);
  }
  await mapInFlight([...groups], defaultRequestsInFlight, async ([groupId, name]) => {
    const members = await reader.groupMembers(groupId).catch(() => []);
    for (const m of members) if (wanted.has(m.id) && !covered.has(m.id)) covered.set(m.id, name);
  });
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
