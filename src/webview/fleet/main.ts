// The Fleet Overview webview: draws each snapshot the extension posts (at most once per animation frame),
// keeps keyboard focus across redraws, and reports back what it drew and when it first painted.
import type { FleetSnapshot } from '../../core/fleet/fleetSnapshot';
import type { ActivityWindow } from './activityChart';
import { activitySection } from './activityChart';
import type { FleetTableId } from '../../core/export/fleetExportTables';
import { button, dateTime, h } from './dom';
import type { FleetAction, FromWebview, ToWebview } from './fleetProtocol';
import { failuresSection, leftOutSection, licencesSection } from './fleetTables';
import { graceSection } from './graceTimeline';
import { statusSection } from './statusBars';

interface WebviewState {
  window: ActivityWindow;
}

declare function acquireVsCodeApi(): {
  postMessage(message: FromWebview): void;
  getState(): WebviewState | undefined;
  setState(state: WebviewState): void;
};

// VS Code-looking buttons; an ES module, so loaded with import() (esbuild bundles it into this file).
void import('@vscode-elements/elements/dist/vscode-button/index.js');

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
let state: WebviewState = vscode.getState() ?? { window: '24h' };
let latest: FleetSnapshot | undefined;
/** Set in Restricted Mode: why the actions are off (drawn as a note and as each disabled button's tooltip). */
let actionsOff: string | undefined;
let frame = 0;
let painted = false;

function filter(policyId: string, bucket: string): void {
  vscode.postMessage({ type: 'filter', policyId, bucket });
}

function act(action: FleetAction, cloudPcIds: string[]): void {
  vscode.postMessage({ type: 'action', action, cloudPcIds });
}

/** An Export… button beside a section's heading: the extension asks copy or file, CSV or JSON, and writes. */
function withExport(section: HTMLElement, table: FleetTableId): HTMLElement {
  const heading = section.querySelector('h2');
  const exportButton = button('Export…', () => vscode.postMessage({ type: 'export', table }), {
    key: `export:${table}`,
    secondary: true,
    ariaLabel: `Export "${heading?.textContent ?? table}" as CSV or JSON…`,
  });
  const bar = h('div', { class: 'section-head' }, exportButton);
  if (heading) {
    heading.replaceWith(bar);
    bar.prepend(heading);
  } else section.prepend(bar);
  return section;
}

function setWindow(window: ActivityWindow): void {
  state = { ...state, window };
  vscode.setState(state);
  request();
}

function view(s: FleetSnapshot): HTMLElement[] {
  const summary = `${s.totalCloudPcs} Cloud PCs in ${s.policies.length} ${s.policies.length === 1 ? 'policy' : 'policies'} · updated ${dateTime(s.takenAt)} UTC`;
  return [
    h(
      'header',
      {},
      h('h1', {}, 'Fleet Overview'),
      h('p', { class: 'summary', role: 'status', 'aria-live': 'polite' }, summary),
      actionsOff ? h('p', { class: 'restricted-note', role: 'note' }, actionsOff) : undefined,
    ),
    withExport(statusSection(s, filter), 'status'),
    h(
      'div',
      { class: 'columns' },
      withExport(activitySection(s, state.window, setWindow), state.window === '24h' ? 'activity24h' : 'activity7d'),
      withExport(
        graceSection(s, (ids) => act('endGracePeriod', ids), actionsOff),
        'grace',
      ),
    ),
    withExport(
      failuresSection(s, act, () => filter('', 'failed'), actionsOff),
      'failures',
    ),
    h(
      'div',
      { class: 'columns' },
      withExport(licencesSection(s), 'licences'),
      withExport(leftOutSection(s), 'leftOut'),
    ),
  ];
}

function draw(): void {
  frame = 0;
  const s = latest;
  if (!s) return;
  // A redraw replaces the elements: give focus back to the control that had it (same data-key).
  const focusedKey = (document.activeElement as HTMLElement | null)?.closest('[data-key]')?.getAttribute('data-key');
  app.replaceChildren(...view(s));
  app.setAttribute('aria-busy', String(s.loading));
  if (focusedKey) (app.querySelector(`[data-key="${CSS.escape(focusedKey)}"]`) as HTMLElement | null)?.focus();
  const cells: Record<string, number> = {};
  for (const seg of app.querySelectorAll<HTMLElement>('[data-cell]'))
    cells[seg.dataset.cell!] = Number(seg.dataset.count);
  // The frame after the DOM change is the first one that shows it.
  requestAnimationFrame(() => {
    let firstPaintMs: number | undefined;
    if (!painted && !s.loading) {
      painted = true;
      firstPaintMs = Math.round(performance.now());
      document.body.dataset.firstPaintMs = String(firstPaintMs);
    }
    vscode.postMessage({ type: 'rendered', revision: s.revision, cells, firstPaintMs });
  });
}

function request(): void {
  frame ||= requestAnimationFrame(draw);
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const m = event.data;
  if (m?.type === 'trust') actionsOff = m.restricted ? m.reason : undefined;
  else if (m?.type === 'snapshot') latest = m.snapshot;
  else return;
  request();
});
vscode.postMessage({ type: 'ready' });
