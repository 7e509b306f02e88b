// Reads what the licence table and "who is left out" need, through the same CloudPcApi the views use (Graph
// or the simulator): policies with assignments, direct members of each assigned group with their licences,
// the tenant's SKUs and Frontline plans, and the audit log's provisioning starts.
import type { CloudPcApi } from '../graph/cloudPcApi';
import type { CloudPc } from '../model/cloudPc';
import type { CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import type { FleetDirectory } from './buildFleetSnapshot';
import type { AuditStart } from './auditStarts';
import { auditProvisioningStarts } from './auditStarts';
import { computeLeftOut } from './leftOutUsers';
import type { LeftOutMember } from './leftOutUsers';
import { enterpriseSkuIds, licenceRows } from './licenceUse';
import { errorText } from '../model/errorText';

const WEEK_MS = 7 * 86_400_000;

export interface FleetDirectoryRead extends FleetDirectory {
  auditStarts: AuditStart[];
}

function membersOf(raw: readonly unknown[]): LeftOutMember[] {
  const out: LeftOutMember[] = [];
  for (const m of raw as {
    '@odata.type'?: string;
    id: string;
    displayName?: string | null;
    userPrincipalName?: string;
    assignedLicenses?: { skuId: string }[];
  }[]) {
    if (typeof m.userPrincipalName !== 'string' || (m['@odata.type'] && m['@odata.type'] !== '#microsoft.graph.user'))
      continue;
    out.push({
      id: m.id,
      displayName: m.displayName ?? m.userPrincipalName,
      userPrincipalName: m.userPrincipalName,
      skuIds: (m.assignedLicenses ?? []).map((l) => l.skuId),
    });
  }
  return out;
}

/**
 * `policies` in the order the service lists them stands in for the assignment order (Graph exposes no
 * assignment time); a Cloud PC that exists pins its user to its policy, which is the service's real answer.
 */
export async function loadFleetDirectory(
  api: CloudPcApi,
  policies: readonly CloudPcProvisioningPolicy[],
  cloudPcs: readonly CloudPc[],
  now: number,
  signal?: AbortSignal,
): Promise<FleetDirectoryRead> {
  // Filtered here, not with $filter: the simulator does not take DateTimeOffset literals in $filter yet.
  const auditRead = api
    .listAuditEvents({ signal })
    .then((events) => ({ starts: auditProvisioningStarts(events, now - WEEK_MS), error: undefined }))
    .catch((err: unknown) => ({ starts: [] as AuditStart[], error: `audit log: ${errorText(err)}` }));
  try {
    const [skus, frontline] = await Promise.all([
      api.listSubscribedSkus({ signal }),
      // Not every tenant (nor the simulator) serves Frontline plans: no table rows rather than an error.
      api.listFrontlineServicePlans({ signal }).catch(() => []),
    ]);
    const groupIds = [...new Set(policies.flatMap((p) => (p.assignments ?? []).map((a) => a.target.groupId)))];
    const groups = new Map(
      await Promise.all(
        groupIds.map(async (id) => {
          const [group, members] = await Promise.all([
            api.getGroup(id, { signal }),
            api.listGroupMembers(id, {
              signal,
              select: ['id', 'displayName', 'userPrincipalName', 'assignedLicenses'],
            }),
          ]);
          return [id, { displayName: group.displayName, members: membersOf(members) }] as const;
        }),
      ),
    );
    const leftOut = computeLeftOut({
      policies: policies.map((p) => ({
        id: p.id,
        displayName: p.displayName,
        provisioningType: p.provisioningType,
        assignments: (p.assignments ?? []).map((a) => ({
          groupId: a.target.groupId,
          allotmentLicensesCount: a.target.allotmentLicensesCount,
        })),
      })),
      groups,
      enterpriseSkuIds: enterpriseSkuIds(skus),
      holders: cloudPcs
        .filter(
          (pc) =>
            pc.userPrincipalName &&
            pc.provisioningPolicyId &&
            pc.status !== 'inGracePeriod' &&
            pc.status !== 'deprovisioning',
        )
        .map((pc) => ({ userPrincipalName: pc.userPrincipalName!, policyId: pc.provisioningPolicyId! })),
    });
    const audit = await auditRead;
    return {
      licences: licenceRows(skus, frontline),
      leftOut,
      auditStarts: audit.starts,
      ...(audit.error ? { error: audit.error } : {}),
    };
  } catch (err) {
    const audit = await auditRead;
    return {
      licences: [],
      leftOut: [],
      error: [errorText(err), audit.error].filter(Boolean).join('; '),
      auditStarts: audit.starts,
    };
  }
}
