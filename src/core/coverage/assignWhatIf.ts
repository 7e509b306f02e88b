// The what-if before an assignment: who gets a Cloud PC (and a sample name), who keeps one, who is skipped
// and why, and whose Cloud PC enters the grace period. Plain data in, plain data out; each member's answer
// comes from decideCoverage, the rule the simulator provisions by (docs/simulator.md rules 2, 4, 8).
import type { DirectoryMember } from '../graph/resourceShapes';
import type { CloudPc } from '../model/cloudPc';
import type { LicenseDetails } from '../model/directory';
import { provisioningKindOf } from '../model/provisioningKind';
import type { CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import { allotmentCapacity, decideCoverage } from './coverage';

/** Localized text: `{0}`, `{1}` … stand for the arguments. */
export type Localize = (message: string, ...args: (string | number)[]) => string;

export interface WhatIfGroup {
  id: string;
  displayName: string;
  members: DirectoryMember[];
  /** Frontline: the assignment's allotmentLicensesCount (null: one). */
  allotment?: number | null;
}

export interface WhatIfInput {
  policy: Pick<CloudPcProvisioningPolicy, 'id' | 'displayName' | 'provisioningType' | 'cloudPcNamingTemplate'>;
  groups: WhatIfGroup[];
  /** License details per user id (dedicated policies need a Windows 365 license). */
  licenses: Map<string, LicenseDetails[] | { error: string }>;
  /** user id → the other policy already covering that user (first assigned wins: docs/simulator.md rule 4). */
  coveredElsewhere: Map<string, string>;
  /** Cloud PCs that exist now (the sidebar's store). */
  existing: readonly CloudPc[];
  /** The device name the policy's naming template gives this user, as an example. */
  sampleName: (userPrincipalName: string) => string;
}

export interface WhatIfUser {
  userId: string;
  name: string;
  userPrincipalName: string;
  group: string;
}

export interface WhatIfResult {
  gets: (WhatIfUser & { sampleName: string })[];
  keeps: WhatIfUser[];
  skipped: { name: string; userPrincipalName?: string; group: string; reason: string }[];
  /** Their Cloud PC from this policy goes into the 7-day grace period (docs/simulator.md rule 8). */
  loses: { name: string; cloudPcId: string }[];
  /** Frontline shared: pools of Cloud PCs per group. */
  pools: { group: string; count: number }[];
}

function isUser(m: DirectoryMember): m is DirectoryMember & { userPrincipalName: string; displayName: string } {
  const type = m['@odata.type'];
  return (
    (type === '#microsoft.graph.user' || (!type && 'userPrincipalName' in m)) &&
    typeof (m as { userPrincipalName?: unknown }).userPrincipalName === 'string'
  );
}

function isGroup(m: DirectoryMember): boolean {
  return m['@odata.type'] === '#microsoft.graph.group';
}

/** A Windows 365 Enterprise/Business license: the SKU or one of its plans is a `CPC_` plan. */
export function hasCloudPcLicense(details: readonly LicenseDetails[]): boolean {
  return details.some(
    (d) => /^CPC_/i.test(d.skuPartNumber) || d.servicePlans.some((p) => /^CPC_/i.test(p.servicePlanName)),
  );
}

export function computeWhatIf(input: WhatIfInput, t: Localize): WhatIfResult {
  const kind = provisioningKindOf(input.policy.provisioningType);
  const result: WhatIfResult = { gets: [], keeps: [], skipped: [], loses: [], pools: [] };
  const mine = new Map<string, CloudPc>();
  for (const pc of input.existing) {
    if (pc.provisioningPolicyId === input.policy.id && pc.userPrincipalName && pc.status !== 'deprovisioning')
      mine.set(pc.userPrincipalName.toLowerCase(), pc);
  }
  const covered = new Set<string>();
  if (kind.family === 'frontline' && kind.sharing === 'shared') {
    for (const g of input.groups) result.pools.push({ group: g.displayName, count: g.allotment ?? 1 });
    return result;
  }
  for (const g of input.groups) {
    // Kept or new, a Frontline Cloud PC takes a place in the allotment (docs/simulator.md rule 2): the kept ones hold theirs already.
    let allotmentUsed = g.members.filter((m) => isUser(m) && mine.has(m.userPrincipalName.toLowerCase())).length;
    for (const m of g.members) {
      const name = m.displayName ?? m.id;
      if (isGroup(m)) {
        result.skipped.push({
          name,
          group: g.displayName,
          reason: t('nested group: Cloud PC assignments use direct members only'),
        });
        continue;
      }
      if (!isUser(m)) {
        result.skipped.push({ name, group: g.displayName, reason: t('not a user') });
        continue;
      }
      const upn = m.userPrincipalName;
      const key = upn.toLowerCase();
      if (covered.has(key)) continue; // in two selected groups: one Cloud PC
      const user: WhatIfUser = { userId: m.id, name, userPrincipalName: upn, group: g.displayName };
      const lic = input.licenses.get(m.id);
      const coverage = decideCoverage({
        kind,
        slotHeldBy: mine.has(key) ? 'thisPolicy' : 'none',
        earlierPolicy: input.coveredElsewhere.has(m.id),
        licensed: !!lic && !('error' in lic) && hasCloudPcLicense(lic),
        allotmentUsed,
        allotmentLicences: g.allotment ?? null,
      });
      if (coverage.covered) {
        covered.add(key);
        if (coverage.keeps) {
          result.keeps.push(user);
        } else {
          allotmentUsed++;
          result.gets.push({ ...user, sampleName: input.sampleName(upn) });
        }
        continue;
      }
      const why =
        coverage.reason === 'claimedElsewhere'
          ? t('already covered by an earlier policy ({0})', input.coveredElsewhere.get(m.id) ?? '')
          : coverage.reason === 'noLicence'
            ? lic && 'error' in lic
              ? t('licenses could not be read: {0}', lic.error)
              : t('no Windows 365 license')
            : coverage.reason === 'beyondAllotment'
              ? t('beyond the allotment of {0} ({1} Cloud PCs)', g.allotment ?? 1, allotmentCapacity(kind, g.allotment))
              : kind.family === 'reserve'
                ? t('Reserve Cloud PCs come from a device action, not from an assignment')
                : t('provisioning type {0} is not known to this version', String(input.policy.provisioningType));
      result.skipped.push({ name, userPrincipalName: upn, group: g.displayName, reason: why });
    }
  }
  for (const [upn, pc] of mine) {
    if (!covered.has(upn) && pc.status !== 'inGracePeriod')
      result.loses.push({ name: pc.userPrincipalName ?? pc.displayName, cloudPcId: pc.id });
  }
  return result;
}
