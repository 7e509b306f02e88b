// One FleetSnapshot from the incremental Cloud PC aggregates and the last directory read.
import type { FleetAggregator } from './fleetAggregator';
import type { FleetSnapshot, LeftOutUser, LicenceRow } from './fleetSnapshot';
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
    policies: agg.statusRows(),
    activity24h: agg.activitySeries(now, 24, 1),
    activity7d: agg.activitySeries(now, 7 * 24, 24),
    failures: agg.failureReasons(),
    grace: { endingWithinDays: graceDays, ...agg.graceEndingSoon(now, graceDays) },
    licences: directory?.licences ?? [],
    leftOut: { total: leftOut.length, users: leftOut.slice(0, MAX_LEFT_OUT_ROWS) },
    ...(directory?.error ? { directoryError: directory.error } : {}),
  };
}
