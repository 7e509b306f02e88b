// Provisioning activity: grouped SVG bars (started, succeeded, failed) per hour or day, colours from the theme,
// with a table of the same numbers for screen readers.
import type { ActivityBin, FleetSnapshot } from '../../core/fleet/fleetSnapshot';
import { button, dateTime, h, svg, table } from './dom';

export type ActivityWindow = '24h' | '7d';

const SERIES = [
  ['started', 'Started'],
  ['succeeded', 'Succeeded'],
  ['failed', 'Failed'],
] as const;
const W = 720;
const H = 170;
const LEFT = 36;
const BOTTOM = 22;

function binLabel(bin: ActivityBin, window: ActivityWindow): string {
  return window === '24h' ? `${bin.start.slice(11, 13)}:00` : bin.start.slice(5, 10);
}

function chart(bins: ActivityBin[], window: ActivityWindow): SVGElement {
  const max = Math.max(1, ...bins.flatMap((b) => [b.started, b.succeeded, b.failed]));
  const plotH = H - BOTTOM - 8;
  const slot = (W - LEFT) / bins.length;
  const barW = Math.max(1, (slot * 0.8) / 3);
  const y = (v: number) => 8 + plotH - (v / max) * plotH;
  const totals = SERIES.map(([k, label]) => `${bins.reduce((n, b) => n + b[k], 0)} ${label.toLowerCase()}`).join(', ');
  const root = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'activity',
    role: 'img',
    'aria-label': `Provisioning activity, ${window === '24h' ? 'last 24 hours' : 'last 7 days'}: ${totals}`,
  });
  for (const v of [0, Math.round(max / 2), max]) {
    root.append(
      svg('line', { class: 'grid', x1: LEFT, x2: W, y1: y(v), y2: y(v) }),
      svg('text', { class: 'axis', x: LEFT - 4, y: y(v) + 4, 'text-anchor': 'end' }, String(v)),
    );
  }
  const every = Math.ceil(bins.length / 12);
  bins.forEach((b, i) => {
    const x0 = LEFT + i * slot + slot * 0.1;
    SERIES.forEach(([k, label], j) => {
      const v = b[k];
      if (v > 0)
        root.append(
          svg(
            'rect',
            { class: `bar a-${k}`, x: x0 + j * barW, y: y(v), width: barW, height: y(0) - y(v) },
            svg('title', {}, `${binLabel(b, window)} ${label}: ${v}`),
          ),
        );
    });
    if (i % every === 0)
      root.append(
        svg('text', { class: 'axis', x: x0 + slot * 0.4, y: H - 6, 'text-anchor': 'middle' }, binLabel(b, window)),
      );
  });
  return root;
}

export function activitySection(
  s: FleetSnapshot,
  window: ActivityWindow,
  onWindow: (w: ActivityWindow) => void,
): HTMLElement {
  const bins = window === '24h' ? s.activity24h : s.activity7d;
  const legend = h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    ...SERIES.map(([k, label]) => h('li', {}, h('span', { class: `swatch a-${k}`, 'aria-hidden': 'true' }), label)),
  );
  return h(
    'section',
    { 'aria-labelledby': 'h-activity' },
    h('h2', { id: 'h-activity' }, 'Provisioning activity'),
    h(
      'div',
      { class: 'toolbar', role: 'group', 'aria-label': 'Time window' },
      button('Last 24 hours', () => onWindow('24h'), {
        key: 'win:24h',
        secondary: window !== '24h',
        pressed: window === '24h',
      }),
      button('Last 7 days', () => onWindow('7d'), {
        key: 'win:7d',
        secondary: window !== '7d',
        pressed: window === '7d',
      }),
    ),
    legend,
    chart(bins, window),
    h(
      'details',
      {},
      h('summary', {}, 'Show as a table'),
      table(
        `Provisioning activity (${window === '24h' ? 'per hour' : 'per day'}, UTC)`,
        ['From', 'Started', 'Succeeded', 'Failed'],
        bins.map((b) => [dateTime(b.start), String(b.started), String(b.succeeded), String(b.failed)]),
      ),
    ),
  );
}
