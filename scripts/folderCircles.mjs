// Folder-level import circles for `npm run check:structure`: a folder whose files import another folder whose files
// import it back (directly or round a longer loop) has no direction, even when no single file circle exists. Plain
// functions over file edges, so a unit test can feed it a made-up graph.
import path from 'node:path';

/** Strongly connected components of a directed graph (Tarjan), each as a sorted list of nodes. */
function components(nodes, next) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const out = [];
  const visit = (v) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    out.push(component.sort());
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return out;
}

/**
 * Every set of folders that import each other, from file-level edges `[fromFile, toFile]` (repo-relative paths).
 * Each circle is reported once, with one file edge for each folder arrow inside it, so the fix can be found.
 */
export function folderCircles(fileEdges) {
  const example = new Map();
  const next = new Map();
  for (const [from, to] of fileEdges) {
    const a = path.posix.dirname(from);
    const b = path.posix.dirname(to);
    if (a === b) continue;
    if (!next.has(a)) next.set(a, new Set());
    next.get(a).add(b);
    if (!example.has(`${a} ${b}`)) example.set(`${a} ${b}`, `${from} → ${to}`);
  }
  const nodes = [...new Set([...next.keys(), ...[...next.values()].flatMap((s) => [...s])])].sort();
  return components(nodes, next)
    .filter((c) => c.length > 1)
    .map((folders) => {
      const inside = new Set(folders);
      const arrows = [...example]
        .filter(([k]) => k.split(' ').every((f) => inside.has(f)))
        .map(([, edge]) => `  ${edge}`);
      return { key: folders.join(' '), text: `folder import circle: ${folders.join(' ⇄ ')}\n${arrows.join('\n')}` };
    });
}
