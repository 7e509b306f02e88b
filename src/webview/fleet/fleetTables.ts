// Failure reasons (with Retry / Reprovision), licences per SKU and who is left out: tables, with a bar in the
// count cells so the eye finds the big numbers.
import type { FleetSnapshot, LeftOutReason } from '../../core/fleet/fleetSnapshot';
import type { FleetAction } from './fleetProtocol';
import { button, h, table } from './dom';

function meter(value: number, max: number, cls: string): HTMLElement {
  const fill = h('span', { class: `meter-fill ${cls}` });
  fill.style.width = `${max > 0 ? Math.min(100, (value / max) * 100) : 0}%`;
  return h('span', { class: 'meter', 'aria-hidden': 'true' }, fill);
}

export function failuresSection(
  s: FleetSnapshot,
  onAction: (action: FleetAction, ids: string[]) => void,
  onShow: () => void,
  disabledReason?: string,
): HTMLElement {
  const heading = h('h2', { id: 'h-failures' }, 'Top failure reasons');
  if (s.failures.length === 0)
    return h('section', { 'aria-labelledby': 'h-failures' }, heading, h('p', {}, 'No Cloud PC has failed.'));
  const max = Math.max(...s.failures.map((f) => f.count));
  const rows = s.failures.map((f) => [
    f.code,
    f.message,
    h('span', { class: 'count' }, meter(f.count, max, 'b-failed'), String(f.count)),
    h(
      'span',
      { class: 'actions' },
      button('Retry', () => onAction('retry', f.cloudPcIds), {
        key: `retry:${f.code}:${f.message}`,
        ariaLabel: `Retry the ${f.count} Cloud PCs that failed with ${f.code}`,
        disabledReason,
      }),
      button('Reprovision', () => onAction('reprovision', f.cloudPcIds), {
        key: `repro:${f.code}:${f.message}`,
        secondary: true,
        ariaLabel: `Reprovision the ${f.count} Cloud PCs that failed with ${f.code}`,
        disabledReason,
      }),
    ),
  ]);
  return h(
    'section',
    { 'aria-labelledby': 'h-failures' },
    heading,
    table('Failure reasons (statusDetail code and message)', ['Code', 'Message', 'Cloud PCs', 'Actions'], rows),
    h('div', { class: 'actions' }, button('Show failed Cloud PCs', onShow, { key: 'show-failed', secondary: true })),
  );
}

export function licencesSection(s: FleetSnapshot): HTMLElement {
  const heading = h('h2', { id: 'h-licences' }, 'Licenses');
  const rows = s.licences.map((l) => [
    l.name,
    l.kind === 'frontline' ? 'Frontline' : l.kind === 'business' ? 'Business' : 'Enterprise',
    h(
      'span',
      { class: 'count' },
      meter(l.used, l.total, l.available === 0 ? 'b-failed' : 'b-provisioned'),
      String(l.used),
    ),
    String(l.available),
    String(l.total),
  ]);
  return h(
    'section',
    { 'aria-labelledby': 'h-licences' },
    heading,
    rows.length
      ? table('Windows 365 licenses per SKU', ['SKU', 'Kind', 'Used', 'Available', 'Total'], rows)
      : h('p', {}, s.directoryError ? 'Licenses could not be read.' : 'No Windows 365 licenses found.'),
  );
}

const REASONS: Record<LeftOutReason, string> = {
  noLicence: 'No Windows 365 license',
  noCapacity: 'No capacity left in the assignment',
  coveredByOtherPolicy: 'Covered by another policy',
};

export function leftOutSection(s: FleetSnapshot): HTMLElement {
  const heading = h('h2', { id: 'h-leftout' }, 'Users who will not get a Cloud PC');
  const { users, total } = s.leftOut;
  const rows = users.map((u) => [
    u.name,
    u.userPrincipalName,
    u.policyName,
    u.groupName,
    u.coveringPolicyName ? `${REASONS[u.reason]} (${u.coveringPolicyName})` : REASONS[u.reason],
  ]);
  return h(
    'section',
    { 'aria-labelledby': 'h-leftout' },
    heading,
    s.directoryError
      ? h('p', { class: 'error', role: 'status' }, `The directory could not be read: ${s.directoryError}`)
      : undefined,
    rows.length
      ? table(
          total > users.length ? `First ${users.length} of ${total}` : total === 1 ? '1 user' : `${total} users`,
          ['User', 'Sign-in name', 'Policy', 'Group', 'Reason'],
          rows,
        )
      : h('p', {}, 'Every user in an assigned group gets a Cloud PC.'),
  );
}
