// Whether a policy gives a user a Cloud PC: the one decision the simulator's reconciliation and the assign
// what-if both make, so they cannot disagree (docs/simulator.md "The behaviour it models", rules 2, 4, 8).
import type { ProvisioningKind } from '../model/provisioningKind';

/** Why a policy gives the user no Cloud PC. */
export type NoCoverageReason =
  /** Another policy claims the user: assigned earlier (rule 4), or its Cloud PC holds the licence until gone (rule 8). */
  | 'claimedElsewhere'
  /** Enterprise needs a Windows 365 licence, one Cloud PC per licence (rule 2). */
  | 'noLicence'
  /** Frontline dedicated: every place of the assignment's allotment is used (rule 2). */
  | 'beyondAllotment'
  /** Frontline shared provisions a pool, Reserve a device action; an unknown type nothing (rule 2). */
  | 'notPerUser';

export type Coverage = { covered: true; keeps: boolean } | { covered: false; reason: NoCoverageReason };

export interface CoverageFacts {
  /** The kind of the policy asked about. */
  kind: ProvisioningKind;
  /** Who holds the licence slot this policy would use: a Cloud PC of its own is kept (a Cloud PC belongs to the policy that provisioned it, rule 8). */
  slotHeldBy: 'none' | 'thisPolicy' | 'otherPolicy';
  /** A policy of the same family assigned earlier gives the user a Cloud PC (first assigned wins, rule 4). */
  earlierPolicy: boolean;
  /** Enterprise: the user holds a Windows 365 licence for this slot. */
  licensed: boolean;
  /** Frontline dedicated: Cloud PCs drawing on the assignment's allotment now. */
  allotmentUsed: number;
  /** Frontline dedicated: the assignment's allotmentLicensesCount (null: one). */
  allotmentLicences: number | null;
}

const KEEPS: Coverage = { covered: true, keeps: true };
const GETS: Coverage = { covered: true, keeps: false };
const NONE: Record<NoCoverageReason, Coverage> = {
  claimedElsewhere: { covered: false, reason: 'claimedElsewhere' },
  noLicence: { covered: false, reason: 'noLicence' },
  beyondAllotment: { covered: false, reason: 'beyondAllotment' },
  notPerUser: { covered: false, reason: 'notPerUser' },
};

/** Cloud PCs an assignment's allotment enables: each licence up to three for Frontline dedicated, one otherwise (rule 2). */
export function allotmentCapacity(kind: ProvisioningKind, allotmentLicences: number | null | undefined): number {
  return (allotmentLicences ?? 1) * kind.cloudPcsPerLicence;
}

/**
 * Licences an assignment's Cloud PCs hold: a Frontline dedicated licence serves up to three and counts once
 * (docs/service-facts.md "Frontline licence counts": Graph "cloudPcFrontLineServicePlan resource type").
 */
export function licencesHeld(kind: ProvisioningKind, cloudPcs: number): number {
  return Math.ceil(cloudPcs / kind.cloudPcsPerLicence);
}

/** The rules in the order the service applies them: the user's own Cloud PC, then who was first, then licence or allotment. */
export function decideCoverage(f: CoverageFacts): Coverage {
  if (f.slotHeldBy === 'thisPolicy') return KEEPS;
  if (f.slotHeldBy === 'otherPolicy' || f.earlierPolicy) return NONE.claimedElsewhere;
  if (f.kind.sharing !== 'dedicated') return NONE.notPerUser;
  if (f.kind.family === 'enterprise') return f.licensed ? GETS : NONE.noLicence;
  if (f.kind.family === 'frontline')
    return f.allotmentUsed < allotmentCapacity(f.kind, f.allotmentLicences) ? GETS : NONE.beyondAllotment;
  return NONE.notPerUser;
}
