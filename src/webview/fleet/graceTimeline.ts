// Grace periods ending soon: markers on a 7-day SVG timeline (where the ends bunch up) and a table with
// End Grace Period at hand.
import type { FleetSnapshot, GraceEntry } from '../../core/fleet/fleetSnapshot';
import { button, dateTime, h, svg, table } from './dom';

const W = 720;
const DAY_MS = 86_400_000;

function timeline(entries: GraceEntry[], from: number, days: number): SVGElement {
  const span = days * DAY_MS;
  const x = (iso: string) => 10 + Math.min(1, Math.max(0, (Date.parse(iso) - from) / span)) * (W - 20);
  const lanes: number[] = [];
  const marks = entries.map((e) => {
    const cx = x(e.endsAt);
    let lane = lanes.findIndex((last) => cx - last > 12);
    if (lane < 0) lane = lanes.length;
    lanes[lane] = cx;
    return { e, cx, lane };
  });
  const height = 40 + Math.min(lanes.length, 6) * 12;
  const root = svg('svg', {
    viewBox: `0 0 ${W} ${height}`,
    class: 'timeline',
    role: 'img',
    'aria-label': `${entries.length} grace periods end in the next ${days} days; the table below lists them`,
  });
  root.append(svg('line', { class: 'axis-line', x1: 10, x2: W - 10, y1: 20, y2: 20 }));
  for (let d = 0; d <= days; d++) {
    const tx = 10 + (d / days) * (W - 20);
    root.append(
      svg('line', { class: 'grid', x1: tx, x2: tx, y1: 16, y2: 24 }),
      svg('text', { class: 'axis', x: tx, y: 12, 'text-anchor': 'middle' }, d === 0 ? 'now' : `+${d}d`),
    );
  }
  for (const { e, cx, lane } of marks) {
    if (lane >= 6) continue;
    root.append(
      svg(
        'circle',
        { class: 'grace-mark', cx, cy: 32 + lane * 12, r: 5 },
        svg('title', {}, `${e.name} (${e.userPrincipalName ?? 'no user'}): ends ${dateTime(e.endsAt)} UTC`),
      ),
    );
  }
  return root;
}

export function graceSection(s: FleetSnapshot, onEnd: (ids: string[]) => void, disabledReason?: string): HTMLElement {
  const { grace } = s;
  const heading = h('h2', { id: 'h-grace' }, `Grace periods ending in the next ${grace.endingWithinDays} days`);
  if (grace.total === 0)
    return h('section', { 'aria-labelledby': 'h-grace' }, heading, h('p', {}, 'No grace period ends soon.'));
  const rows = grace.entries.map((e) => [
    e.name,
    e.userPrincipalName ?? '—',
    e.policyName,
    `${dateTime(e.endsAt)} UTC`,
    button('End Grace Period', () => onEnd([e.cloudPcId]), {
      key: `grace:${e.cloudPcId}`,
      secondary: true,
      ariaLabel: `End the grace period of ${e.name} now`,
      disabledReason,
    }),
  ]);
  return h(
    'section',
    { 'aria-labelledby': 'h-grace' },
    heading,
    timeline(grace.entries, Date.parse(s.takenAt), grace.endingWithinDays),
    table(
      grace.total > grace.entries.length ? `Soonest ${grace.entries.length} of ${grace.total}` : 'Grace periods',
      ['Cloud PC', 'User', 'Policy', 'Ends', 'Action'],
      rows,
    ),
  );
}
