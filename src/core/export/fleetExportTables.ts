// The Fleet Overview's tables as exportable tables: the same rows the panel shows, with every column the
// snapshot holds (ids too, so a row can be found again), in a fixed column order whatever the data.
import type { ActivityBin, FleetSnapshot, LeftOutReason } from '../fleet/fleetSnapshot';
import type { ExportTable } from './tableExport';

export const FLEET_TABLE_IDS = [
  'status',
  'activity24h',
  'activity7d',
  'failures',
  'grace',
  'licences',
  'leftOut',
] as const;
export type FleetTableId = (typeof FLEET_TABLE_IDS)[number];

/** Each table's title: the panel's heading, and the start of the export's file name. */
export const FLEET_TABLE_TITLES: Record<FleetTableId, string> = {
  status: 'Cloud PCs by status',
  activity24h: 'Provisioning activity 24 hours',
  activity7d: 'Provisioning activity 7 days',
  failures: 'Top failure reasons',
  grace: 'Grace periods ending soon',
  licences: 'Licenses',
  leftOut: 'Users who will not get a Cloud PC',
};

const REASONS: Record<LeftOutReason, string> = {
  noLicence: 'No Windows 365 license',
  noCapacity: 'No capacity left in the assignment',
  coveredByOtherPolicy: 'Covered by another policy',
};

export function isFleetTableId(value: unknown): value is FleetTableId {
  return typeof value === 'string' && (FLEET_TABLE_IDS as readonly string[]).includes(value);
}

function activity(bins: readonly ActivityBin[]): ExportTable {
  return {
    columns: ['From (UTC)', 'Started', 'Succeeded', 'Failed'],
    rows: bins.map((b) => [b.start, b.started, b.succeeded, b.failed]),
  };
}

/** One table of a snapshot. Status columns are every status group in the panel's order, empty ones too. */
export function fleetTable(s: FleetSnapshot, id: FleetTableId): ExportTable {
  switch (id) {
    case 'status':
      return {
        columns: ['Policy', 'Policy id', ...s.buckets.map((b) => b.label), 'Total'],
        rows: s.policies.map((p) => [
          p.policyName || 'No policy',
          p.policyId,
          ...s.buckets.map((b) => p.counts[b.key] ?? 0),
          p.total,
        ]),
      };
    case 'activity24h':
      return activity(s.activity24h);
    case 'activity7d':
      return activity(s.activity7d);
    case 'failures':
      return {
        columns: ['Code', 'Message', 'Cloud PCs', 'Retriable'],
        rows: s.failures.map((f) => [f.code, f.message, f.count, f.retriable ? 'yes' : 'no']),
      };
    case 'grace':
      return {
        columns: ['Cloud PC', 'User', 'Policy', 'Grace period ends', 'Cloud PC id'],
        rows: s.grace.entries.map((e) => [e.name, e.userPrincipalName, e.policyName, e.endsAt, e.cloudPcId]),
      };
    case 'licences':
      return {
        columns: ['SKU', 'Kind', 'Used', 'Available', 'Total', 'SKU id'],
        rows: s.licences.map((l) => [l.name, l.kind, l.used, l.available, l.total, l.skuId]),
      };
    case 'leftOut':
      return {
        columns: ['User', 'Sign-in name', 'Policy', 'Group', 'Reason', 'Covering policy'],
        rows: s.leftOut.users.map((u) => [
          u.name,
          u.userPrincipalName,
          u.policyName,
          u.groupName,
          REASONS[u.reason],
          u.coveringPolicyName,
        ]),
      };
  }
}
