// What crosses into the Fleet Overview webview: aggregates only (counts, a capped list of ids per row), so a
// fleet of 100,000 Cloud PCs costs the webview no more than a fleet of 100. Plain data, no vscode.

/** Cloud PCs of one policy, counted per status group (the sidebar's buckets). */
export interface PolicyStatusRow {
  policyId: string;
  /** The policy's current name; a deleted policy's carries " (deleted)". */
  policyName: string;
  /** The tenant no longer has this policy (its Cloud PCs are in grace or being deprovisioned). */
  deleted?: boolean;
  total: number;
  /** bucket → count; only buckets with Cloud PCs. */
  counts: Record<string, number>;
}

/** One bin of the activity chart: Cloud PCs whose provisioning started, succeeded or failed in it. */
export interface ActivityBin {
  /** ISO start of the bin (hour for the 24-hour chart, day for the 7-day chart). */
  start: string;
  started: number;
  succeeded: number;
  failed: number;
}

export interface FailureReason {
  code: string;
  message: string;
  count: number;
  /** The Cloud PCs behind the reason, at most MAX_IDS_PER_ROW (count says how many there are). */
  cloudPcIds: string[];
  /** Whether the service says a retry may help (`statusDetail.additionalInformation` retriable). */
  retriable: boolean;
}

export interface GraceEntry {
  cloudPcId: string;
  name: string;
  userPrincipalName: string | null;
  policyId: string;
  policyName: string;
  /** ISO time the grace period ends (the Cloud PC is deprovisioned then). */
  endsAt: string;
}

export interface LicenceRow {
  skuId: string;
  name: string;
  kind: 'enterprise' | 'frontline' | 'business';
  used: number;
  total: number;
  available: number;
}

export type LeftOutReason = 'noLicence' | 'noCapacity' | 'coveredByOtherPolicy';

export interface LeftOutUser {
  userId: string;
  name: string;
  userPrincipalName: string;
  policyId: string;
  policyName: string;
  groupName: string;
  reason: LeftOutReason;
  /** The policy that covers the user instead (coveredByOtherPolicy). */
  coveringPolicyName?: string;
}

export interface FleetSnapshot {
  /** Grows with every snapshot the extension posts; the webview acknowledges the revision it drew. */
  revision: number;
  /** ISO time the snapshot was taken (the activity windows end here). */
  takenAt: string;
  totalCloudPcs: number;
  /** True until the Cloud PCs have been read once. */
  loading: boolean;
  /** Status buckets in display order, with their labels. */
  buckets: { key: string; label: string }[];
  policies: PolicyStatusRow[];
  activity24h: ActivityBin[];
  activity7d: ActivityBin[];
  failures: FailureReason[];
  grace: { endingWithinDays: number; total: number; entries: GraceEntry[] };
  licences: LicenceRow[];
  leftOut: { total: number; users: LeftOutUser[] };
  /** Set while the directory part (licences, who is left out) could not be read. */
  directoryError?: string;
}

/** Ids per failure reason and grace rows the webview receives; the counts stay exact. */
export const MAX_IDS_PER_ROW = 100;
export const MAX_GRACE_ENTRIES = 50;
export const MAX_LEFT_OUT_ROWS = 200;
