// One FleetSnapshot from the incremental Cloud PC aggregates and the last directory read.
import type { FleetAggregator } from './fleetAggregator';
import type { FleetSnapshot, GraceEntry, LeftOutUser, LicenceRow, PolicyStatusRow } from './fleetSnapshot';
import { policyNameText, shownPolicyName } from '../model/policyNameOfCloudPc';
import type { KnownPolicyNames } from '../model/policyNameOfCloudPc';
import { MAX_LEFT_OUT_ROWS } from './fleetSnapshot';

/** Licences and who is left out: read from the directory less often than Cloud PCs change. */
export interface FleetDirectory {
  licences: LicenceRow[];
  leftOut: LeftOutUser[];
  error?: string;
}

export interface SnapshotOptions {
  revision: number;
  now: number;
  buckets: { key: string; label: string }[];
  directory: FleetDirectory | undefined;
  loading?: boolean;
  /** Grace periods ending within this many days show on the timeline (the grace period lasts 7 days). */
  graceDays?: number;
  /** The tenant's policies as last read: rows show current names, a deleted policy's marked (undefined: not read yet). */
  policyNames?: KnownPolicyNames;
}

/** Names from the policies, not from the Cloud PCs counted: a rename shows at once, a deletion is said. */
function namedRows(rows: PolicyStatusRow[], known: KnownPolicyNames): PolicyStatusRow[] {
  return rows
    .map((row) => {
      const shown = shownPolicyName(row.policyId, row.policyName, known);
      return { ...row, policyName: policyNameText(shown), ...(shown.deleted ? { deleted: true } : {}) };
    })
    .sort((a, b) => a.policyName.localeCompare(b.policyName) || a.policyId.localeCompare(b.policyId));
}

function namedGrace(entries: GraceEntry[], known: KnownPolicyNames): GraceEntry[] {
  return entries.map((e) => ({ ...e, policyName: policyNameText(shownPolicyName(e.policyId, e.policyName, known)) }));
}

export function buildFleetSnapshot(agg: FleetAggregator, options: SnapshotOptions): FleetSnapshot {
  const { now, directory } = options;
  const graceDays = options.graceDays ?? 7;
  const leftOut = directory?.leftOut ?? [];
  return {
    revision: options.revision,
    takenAt: new Date(now).toISOString(),
    totalCloudPcs: agg.size,
    loading: options.loading ?? false,
    buckets: options.buckets,
    policies: namedRows(agg.statusRows(), options.policyNames),
    activity24h: agg.activitySeries(now, 24, 1),
    activity7d: agg.activitySeries(now, 7 * 24, 24),
    failures: agg.failureReasons(),
    grace: {
      endingWithinDays: graceDays,
      ...withNamedEntries(agg.graceEndingSoon(now, graceDays), options.policyNames),
    },
    licences: directory?.licences ?? [],
    leftOut: { total: leftOut.length, users: leftOut.slice(0, MAX_LEFT_OUT_ROWS) },
    ...(directory?.error ? { directoryError: directory.error } : {}),
  };
}

function withNamedEntries(
  grace: { total: number; entries: GraceEntry[] },
  known: KnownPolicyNames,
): { total: number; entries: GraceEntry[] } {
  return { total: grace.total, entries: namedGrace(grace.entries, known) };
}
