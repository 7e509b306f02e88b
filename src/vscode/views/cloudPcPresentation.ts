// What one Cloud PC row says: name, user, policy, failure message or grace end, icon and the context
// tokens that choose its inline actions. Plain TS (the bench renders thousands of these).
import type { CloudPc } from '../../core/model/cloudPc';
import { canReprovision } from '../../core/model/reprovisionRule';
import { BUCKET_ICONS, BUCKET_LABELS, bucketOf } from './cloudPcStatusBuckets';
import { enumWords, relativeTime } from '../../core/model/timeWords';
import type { Localize, NodePresentation } from './treeNodes';

/** `YYYY-MM-DD HH:mm UTC`: unambiguous across locales and stable in tests. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Tokens for `viewItem =~ /…\btoken\b/` menu clauses (Azure Resources' contextValue vocabulary). */
export function cloudPcContextValue(pc: CloudPc): string {
  const tokens = ['cloudPc', pc.status];
  // A failed Cloud PC offers the one action that fits: Retry (no user data to lose), not Reprovision too.
  if (canReprovision(pc.status) && pc.status !== 'failed') tokens.push('reprovisionable');
  if (pc.status === 'failed') tokens.push('hasFailed');
  if (pc.status === 'inGracePeriod') tokens.push('inGracePeriod');
  if (pc.status !== 'deprovisioning') tokens.push('renamable');
  return tokens.join(';');
}

/** The service's default display name is "<policy> - <user>"; anything else was given by a rename. */
function isRenamed(pc: CloudPc): boolean {
  if (!pc.displayName || !pc.managedDeviceName || pc.displayName === pc.managedDeviceName) return false;
  return !(pc.provisioningPolicyName && pc.displayName.startsWith(`${pc.provisioningPolicyName} - `));
}

function graceEnd(iso: string, now: number | undefined, t: Localize): string {
  const end = Date.parse(iso);
  return now === undefined || Number.isNaN(end) ? formatDateTime(iso) : relativeTime(end, now, t);
}

/** The device name once enrolled; before that the display name without its "Policy - " prefix (the policy is in the description). */
export function cloudPcLabel(pc: CloudPc): string {
  if (pc.managedDeviceName) return pc.managedDeviceName;
  const prefix = pc.provisioningPolicyName ? `${pc.provisioningPolicyName} - ` : '';
  return (prefix && pc.displayName?.startsWith(prefix) ? pc.displayName.slice(prefix.length) : pc.displayName) || pc.id;
}

/** `now`: the backend's time (the simulated clock on the simulator), for "grace period ends in 6 days". */
export function presentCloudPc(
  pc: CloudPc,
  t: Localize,
  options: { showPolicy: boolean; now?: number },
): NodePresentation {
  const bucket = bucketOf(pc.status);
  const parts: string[] = [];
  if (pc.userPrincipalName) parts.push(pc.userPrincipalName);
  else if (pc.allotmentDisplayName) parts.push(pc.allotmentDisplayName);
  // A renamed Cloud PC shows its new display name (the row's label stays the device name).
  if (isRenamed(pc)) parts.push(`“${pc.displayName}”`);
  if (options.showPolicy && pc.provisioningPolicyName) parts.push(pc.provisioningPolicyName);
  if (pc.status === 'failed' && pc.statusDetail?.message) parts.push(pc.statusDetail.message);
  if (pc.status === 'inGracePeriod' && pc.gracePeriodEndDateTime)
    parts.push(t('grace period ends {0}', graceEnd(pc.gracePeriodEndDateTime, options.now, t)));
  if (bucket === 'other' || bucket === 'updating' || (bucket === 'provisioning' && pc.status !== 'provisioning'))
    parts.push(t(enumWords(pc.status)));
  return {
    label: cloudPcLabel(pc),
    description: parts.join(' · '),
    contextValue: cloudPcContextValue(pc),
    icon: BUCKET_ICONS[bucket],
    collapsible: 'none',
  };
}

/** Built on hover only (TreeDataProvider.resolveTreeItem): a page of rows should not pay for 200 tooltips. */
export function cloudPcTooltip(pc: CloudPc, t: Localize): string {
  const rows: [string, string | null | undefined][] = [
    [t('Status'), `${t(BUCKET_LABELS[bucketOf(pc.status)])} (${t(enumWords(pc.status))})`],
    [t('Device name'), pc.managedDeviceName],
    [t('User'), pc.userPrincipalName],
    [t('Policy'), pc.provisioningPolicyName],
    [t('Service plan'), pc.servicePlanName],
    [t('Image'), pc.imageDisplayName],
    [t('Region'), pc.deviceRegionName],
    [t('Network'), pc.onPremisesConnectionName || t('Microsoft-hosted')],
    [t('Provisioned'), formatDateTime(pc.provisionedDateTime)],
    [t('Grace period ends'), formatDateTime(pc.gracePeriodEndDateTime)],
    [t('Last modified'), formatDateTime(pc.lastModifiedDateTime)],
  ];
  const lines = [`**${escapeMd(pc.displayName)}**`, ''];
  for (const [k, v] of rows) if (v) lines.push(`${k}: ${escapeMd(v)}  `);
  if (pc.statusDetail?.message)
    lines.push('', `$(error) ${escapeMd(pc.statusDetail.message)} (\`${pc.statusDetail.code}\`)`);
  return lines.join('\n');
}

export function escapeMd(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}
