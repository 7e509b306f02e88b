// `npm run check:structure` (part of the static suite of `npm test`): the house rules a reviewer would
// otherwise check by eye. No import circle in src/ (type-only imports count: arrows point one way), between
// files or between folders (folderCircles.mjs), no
// source file in src/ over 400 lines, and nothing in src/ or docs/ that cites a document outside the repo
// (graph-facts, design.md, shared/docs) or an issue or pull-request number. Every violation is listed.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import { folderCircles } from './folderCircles.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAX_LINES = 400;
const GENERATED = 'src/core/policy/generated/';

// Known violators on the day the check arrived, let through while their folders were restructured (now
// none). Each entry is let through exactly; an entry that no longer fails is reported as stale.
const ALLOWED = {
  /** Import circles, each as the set of its files. */
  circles: [],
  /** Folder import circles, each as the set of its folders. */
  folderCircles: [],
  /** Files over MAX_LINES lines. */
  longFiles: [],
  /** Files that cite graph-facts, design.md or an issue number. */
  outsideReferences: [],
};

/** What counts as citing something a contributor cannot open from the repo. */
const OUTSIDE_REFERENCES = [
  [/graph-facts/i, 'cites graph-facts (use docs/service-facts.md)'],
  [/design\.md/i, 'cites design.md (use docs/architecture.md)'],
  [/shared\/docs/i, 'cites shared/docs (outside the repo)'],
  [/\bissues? ?#?\d+/i, 'cites an issue number'],
  [/\bPR ?#\d+/i, 'cites a pull-request number'],
  [/(?:^|[\s(\w])#\d+\b/, 'cites an issue or pull-request number'],
];

function filesUnder(dir, accept) {
  const out = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...filesUnder(rel, accept));
    else if (accept(rel)) out.push(rel);
  }
  return out.sort();
}

const lineCount = (text) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
const sourceFiles = filesUnder('src', (f) => !f.startsWith(GENERATED) && /\.(ts|mjs|js|css|html)$/.test(f));
const docFiles = filesUnder('docs', (f) => f.endsWith('.md'));
// Tests, benches and scripts explain themselves too: their comments cite docs/, never an issue.
// (This file names the patterns it looks for, so it is the one file not read.)
const supportFiles = ['test', 'scripts'].flatMap((dir) =>
  filesUnder(dir, (f) => /\.(ts|mjs|js)$/.test(f) && f !== 'scripts/checkStructure.mjs'),
);

function longFiles() {
  return sourceFiles.flatMap((f) => {
    const n = lineCount(readFileSync(path.join(root, f), 'utf8'));
    return n > MAX_LINES ? [{ key: f, text: `${f}: ${n} lines (at most ${MAX_LINES}; split it by concern)` }] : [];
  });
}

function outsideReferences() {
  const out = new Map();
  for (const f of [...sourceFiles, ...docFiles, ...supportFiles]) {
    readFileSync(path.join(root, f), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const [pattern, why] of OUTSIDE_REFERENCES) {
          if (!pattern.test(line)) continue;
          const list = out.get(f) ?? [];
          list.push(`${f}:${i + 1}: ${why}: ${line.trim().slice(0, 120)}`);
          out.set(f, list);
          break;
        }
      });
  }
  return [...out].map(([key, lines]) => ({ key, text: lines.join('\n') }));
}

async function cruiseSources() {
  return cruise(
    ['src'],
    {
      validate: true,
      ruleSet: { forbidden: [{ name: 'no-circular', severity: 'error', from: {}, to: { circular: true } }] },
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
      exclude: { path: '^src/core/policy/generated/' },
    },
    { extensions: ['.ts', '.js', '.mjs'] },
    { tsConfig: { fileName: path.join(root, 'tsconfig.json') } },
  );
}

/** File edges inside src/ (type-only imports included), for the folder-level check. */
function sourceEdges(result) {
  return result.output.modules
    .filter((m) => m.source.startsWith('src/'))
    .flatMap((m) => m.dependencies.filter((d) => d.resolved.startsWith('src/')).map((d) => [m.source, d.resolved]));
}

function circles(result) {
  const byCircle = new Map();
  for (const v of result.output.summary.violations) {
    if (v.rule.name !== 'no-circular') continue;
    const files = [v.from, ...(v.cycle ?? []).map((c) => (typeof c === 'string' ? c : c.name))];
    const key = [...new Set(files)].sort().join(' ');
    byCircle.set(
      key,
      `import circle: ${[v.from, ...(v.cycle ?? []).map((c) => (typeof c === 'string' ? c : c.name))].join(' → ')}`,
    );
  }
  return [...byCircle].map(([key, text]) => ({ key, text }));
}

/** Prints the violations outside the allow-list and the allow-list entries that no longer fail. */
function report(title, found, allowed) {
  const allowedKeys = new Set(allowed);
  const failing = found.filter((v) => !allowedKeys.has(v.key));
  const foundKeys = new Set(found.map((v) => v.key));
  const stale = allowed.filter((k) => !foundKeys.has(k));
  for (const v of failing) process.stderr.write(`[structure] ${v.text}\n`);
  for (const k of stale)
    process.stderr.write(
      `[structure] ${title}: '${k}' passes now: remove it from ALLOWED in scripts/checkStructure.mjs\n`,
    );
  const let_through = found.length - failing.length;
  process.stderr.write(
    `[structure] ${title}: ${failing.length} violation(s)${let_through ? `, ${let_through} allowed for now` : ''}${stale.length ? `, ${stale.length} stale allow-list entr${stale.length === 1 ? 'y' : 'ies'}` : ''}\n`,
  );
  return failing.length + stale.length;
}

const circleKeys = ALLOWED.circles.map((files) => [...files].sort().join(' '));
const folderCircleKeys = ALLOWED.folderCircles.map((folders) => [...folders].sort().join(' '));
const cruised = await cruiseSources();
const problems =
  report('import circles in src/', circles(cruised), circleKeys) +
  report('folder import circles in src/', folderCircles(sourceEdges(cruised)), folderCircleKeys) +
  report(`files in src/ over ${MAX_LINES} lines`, longFiles(), ALLOWED.longFiles) +
  report(
    'references to documents outside the repo or to issue numbers',
    outsideReferences(),
    ALLOWED.outsideReferences,
  );
process.exit(problems > 0 ? 1 : 0);
