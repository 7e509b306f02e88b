// Tiny DOM builders for the Fleet Overview webview: text goes in as text nodes (never parsed as HTML).
type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | number | undefined | false;

function apply(el: Element, attrs: Attrs, children: Child[]): void {
  for (const [k, v] of Object.entries(attrs))
    if (v !== undefined && v !== false) el.setAttribute(k, v === true ? '' : String(v));
  for (const c of children) if (c !== undefined && c !== false) el.append(typeof c === 'number' ? String(c) : c);
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs,
  ...children: Child[]
): HTMLElementTagNameMap[K];
export function h(tag: string, attrs?: Attrs, ...children: Child[]): HTMLElement;
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  apply(el, attrs, children);
  return el;
}

export function svg(tag: string, attrs: Attrs = {}, ...children: Child[]): SVGElement {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  apply(el, attrs, children);
  return el;
}

/** A table with a caption: the text equivalent of each chart. */
export function table(caption: string, head: string[], rows: Child[][], attrs: Attrs = {}): HTMLTableElement {
  return h(
    'table',
    attrs,
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))),
    h(
      'tbody',
      {},
      ...rows.map((r) => h('tr', {}, ...r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c))))),
    ),
  );
}

/** A VS Code-looking button (@vscode-elements) that runs `onClick`; `key` lets focus survive a redraw. */
export function button(
  label: string,
  onClick: () => void,
  options: { key: string; secondary?: boolean; ariaLabel?: string; pressed?: boolean; disabledReason?: string },
): HTMLElement {
  const b = h(
    'vscode-button',
    {
      'data-key': options.key,
      secondary: options.secondary,
      'aria-label': options.ariaLabel,
      'aria-pressed': options.pressed === undefined ? undefined : String(options.pressed),
      // Disabled with the reason as its tooltip (and its description for screen readers).
      disabled: options.disabledReason !== undefined,
      title: options.disabledReason,
      'aria-description': options.disabledReason,
    },
    label,
  );
  if (options.disabledReason === undefined) b.addEventListener('click', onClick);
  return b;
}

export function dateTime(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}
