// Cloud PCs by status per policy: one stacked bar per policy whose segments are native buttons (keyboard,
// focus ring, screen-reader name for free); choosing one filters the Cloud PCs view to that policy and status.
import type { FleetSnapshot } from '../../core/fleet/fleetSnapshot';
import { h, table } from './dom';

export function statusSection(s: FleetSnapshot, onFilter: (policyId: string, bucket: string) => void): HTMLElement {
  const max = Math.max(1, ...s.policies.map((p) => p.total));
  const used = s.buckets.filter((b) => s.policies.some((p) => p.counts[b.key]));
  const legend = h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    ...used.map((b) => h('li', {}, h('span', { class: `swatch b-${b.key}`, 'aria-hidden': 'true' }), b.label)),
  );
  const rows = s.policies.map((p) => {
    const bar = h('div', { class: 'stack', role: 'group', 'aria-label': `${p.policyName}: ${p.total} Cloud PCs` });
    bar.style.width = `${(p.total / max) * 100}%`;
    for (const b of s.buckets) {
      const n = p.counts[b.key];
      if (!n) continue;
      const seg = h(
        'button',
        {
          class: `seg b-${b.key}`,
          type: 'button',
          'data-key': `seg:${p.policyId}|${b.key}`,
          'data-cell': `${p.policyId}|${b.key}`,
          'data-count': n,
          'aria-label': `${p.policyName}: ${n} ${b.label}. Show them in the Cloud PCs view`,
          title: `${b.label}: ${n}`,
        },
        h('span', { class: 'seg-count' }, String(n)),
      );
      seg.style.flexGrow = String(n);
      seg.addEventListener('click', () => onFilter(p.policyId, b.key));
      bar.append(seg);
    }
    return h(
      'div',
      { class: 'bar-row' },
      h('span', { class: 'bar-label' }, p.policyName || 'No policy'),
      h('div', { class: 'bar-track' }, bar),
      h('span', { class: 'bar-total' }, String(p.total)),
    );
  });
  const text = table(
    'Cloud PCs by status per policy',
    ['Policy', ...used.map((b) => b.label), 'Total'],
    s.policies.map((p) => [
      p.policyName || 'No policy',
      ...used.map((b) => String(p.counts[b.key] ?? 0)),
      String(p.total),
    ]),
  );
  return h(
    'section',
    { 'aria-labelledby': 'h-status' },
    h('h2', { id: 'h-status' }, 'Cloud PCs by status'),
    s.policies.length
      ? h(
          'div',
          {},
          legend,
          h('div', { class: 'bars' }, ...rows),
          h('details', {}, h('summary', {}, 'Show as a table'), text),
        )
      : h('p', {}, s.loading ? 'Loading Cloud PCs…' : 'No Cloud PCs yet.'),
  );
}
