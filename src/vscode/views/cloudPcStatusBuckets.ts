// How the sidebar groups Cloud PC statuses (docs/service-facts.md, "Cloud PC states and actions") into the few buckets an admin scans for.
// Plain data: no vscode import, so the bench and fast tests use it too.
import type { CloudPcStatus } from '../../core/model/cloudPc';

export type StatusBucket =
  | 'provisioning'
  | 'provisioned'
  | 'provisionedWithWarnings'
  | 'failed'
  | 'inGracePeriod'
  | 'updating'
  | 'deprovisioning'
  | 'other';

/** Display order of the status groups. */
export const STATUS_BUCKETS: readonly StatusBucket[] = [
  'provisioning',
  'provisioned',
  'provisionedWithWarnings',
  'failed',
  'inGracePeriod',
  'updating',
  'deprovisioning',
  'other',
];

const BUCKET_OF: Partial<Record<CloudPcStatus, StatusBucket>> = {
  notProvisioned: 'provisioning',
  pendingProvision: 'provisioning',
  provisioning: 'provisioning',
  preparing: 'provisioning',
  provisioned: 'provisioned',
  provisionedWithWarnings: 'provisionedWithWarnings',
  failed: 'failed',
  inGracePeriod: 'inGracePeriod',
  deprovisioning: 'deprovisioning',
  resizing: 'updating',
  restoring: 'updating',
  movingRegion: 'updating',
  resizePendingLicense: 'updating',
  updatingSingleSignOn: 'updating',
  modifyingSingleSignOn: 'updating',
  refreshPolicyConfiguration: 'updating',
  failoverInProgress: 'updating',
  failbackInProgress: 'updating',
};

/** Unknown members land in "other": enums are open sets (docs/service-facts.md, "Evolvable enums"). */
export function bucketOf(status: string): StatusBucket {
  return BUCKET_OF[status as CloudPcStatus] ?? 'other';
}

/** Buckets whose Cloud PCs are still moving: live refresh keeps polling while any exist. */
export const TRANSITIONAL_BUCKETS: ReadonlySet<StatusBucket> = new Set(['provisioning', 'updating', 'deprovisioning']);

export function isTransitional(status: string): boolean {
  return TRANSITIONAL_BUCKETS.has(bucketOf(status)) && status !== 'resizePendingLicense';
}

export const BUCKET_LABELS: Record<StatusBucket, string> = {
  provisioning: 'Provisioning',
  provisioned: 'Provisioned',
  provisionedWithWarnings: 'Provisioned with warnings',
  failed: 'Failed',
  inGracePeriod: 'In grace period',
  updating: 'Updating',
  deprovisioning: 'Deprovisioning',
  other: 'Other',
};

/** A codicon id and a theme colour id; the provider turns them into ThemeIcon/ThemeColor. */
export interface IconSpec {
  id: string;
  color?: string;
}

export const BUCKET_ICONS: Record<StatusBucket, IconSpec> = {
  provisioning: { id: 'sync~spin', color: 'charts.blue' },
  provisioned: { id: 'pass', color: 'testing.iconPassed' },
  provisionedWithWarnings: { id: 'warning', color: 'problemsWarningIcon.foreground' },
  failed: { id: 'error', color: 'testing.iconFailed' },
  inGracePeriod: { id: 'clock', color: 'charts.yellow' },
  updating: { id: 'sync~spin', color: 'charts.blue' },
  deprovisioning: { id: 'loading~spin', color: 'disabledForeground' },
  other: { id: 'question' },
};
