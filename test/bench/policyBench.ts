// Policy engine benchmark: validation medians against the targets and against VS Code's own
// JSON engine (vscode-json-languageservice parse + doValidation, same schema, same documents), cold
// start of the bundled validator in a fresh process, a fuzz profile, and the editor features on a 1 MB
// fleet. Validation is measured on the esbuild bundle (minified, as shipped); the editor rows on the
// sources (tsx), which only makes them slower.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BuildOptions } from 'esbuild';
import { getCompletions } from '../../src/core/policy/completion';
import { getDocumentSymbols } from '../../src/core/policy/documentSymbols';
import { getHover } from '../../src/core/policy/hover';
import { getNamePreviews } from '../../src/core/policy/namePreview';
import { ADVERSARIAL_SHAPES } from '../unit/policy/adversarialShapes';
import type { AdversarialShape } from '../unit/policy/adversarialShapes';
import type { BenchRow } from './benchRow';

const root = path.resolve(__dirname, '../..');

interface Engine {
  validateDocument(
    text: string,
    options?: { partial?: boolean },
  ): { code: string; range: { offset: number; length: number } }[];
}

/** ~40 lines with comments: what an admin's policy file looks like. */
export const TYPICAL = `{
  "$schema": "../schemas/cpcpolicy.schema.json",
  // Finance: dedicated Windows 365 Enterprise Cloud PCs.
  // Microsoft-hosted network in the EU; hybrid join is not needed.
  "displayName": "Finance dedicated",
  "description": "One Cloud PC per licensed member of Finance",
  "provisioningType": "dedicated",
  "userExperienceType": "cloudPc",
  "managedBy": "windows365",
  "imageType": "gallery",
  "imageId": "microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365",
  "imageDisplayName": "Windows 11 Enterprise + Microsoft 365 Apps 24H2",
  /* Network: first healthy entry wins. */
  "domainJoinConfigurations": [
    {
      "domainJoinType": "azureADJoin",
      "regionName": "westeurope",
      "regionGroup": "europeUnion"
    }
  ],
  "enableSingleSignOn": true,
  "localAdminEnabled": false,
  "windowsSetting": { "locale": "en-GB" },
  "microsoftManagedDesktop": { "managedType": "notManaged", "profile": "" },
  "autopilotConfiguration": {
    "devicePreparationProfileId": "59e5d3d2-ec68-4bfe-9693-27975b318990",
    "applicationTimeoutInMinutes": 60,
    "onFailureDeviceAccessDenied": false
  },
  // Device names like FIN-adel-4T7QX
  "cloudPcNamingTemplate": "FIN-%USERNAME:4%-%RAND:5%",
  "assignments": [
    { "target": { "groupId": "6a4d2f1e-8b3c-4e5f-9a7b-1c2d3e4f5a6b" } },
    { "target": { "groupId": "7b5e3f2a-9c4d-4f6a-8b1c-2d3e4f5a6b7c" } },
  ],
}
`;

function policyBody(i: number): string {
  return (
    TYPICAL.replace('"$schema": "../schemas/cpcpolicy.schema.json",\n', '')
      .replace('Finance dedicated', `Finance ${i}`)
      .replace('6a4d2f1e-8b3c-4e5f-9a7b-1c2d3e4f5a6b', `6a4d2f1e-8b3c-4e5f-9a7b-${String(i).padStart(12, '0')}`)
      // Groups of their own: policies sharing a group would be overlapping targets (CPC325), not a clean fleet.
      .replace('7b5e3f2a-9c4d-4f6a-8b1c-2d3e4f5a6b7c', `7b5e3f2a-9c4d-4f6a-8b1c-${String(i).padStart(12, '0')}`)
      .trimEnd()
  );
}

function fleet(count: number): string {
  return `{\n  "policies": [\n${Array.from({ length: count }, (_, i) => policyBody(i)).join(',\n')}\n  ]\n}\n`;
}

export function fleetOfSize(bytes: number): string {
  let n = Math.ceil(bytes / policyBody(0).length);
  let text = fleet(n);
  while (text.length < bytes) text = fleet(++n);
  return text;
}

/** Three errors: a closed-enum typo (first policy; imageType, as provisioningType is open), an unknown property (middle), a forbidden name character (last). */
export function withErrors(text: string): string {
  const at = (needle: string, which: 'first' | 'middle' | 'last'): number => {
    const all: number[] = [];
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) all.push(i);
    return which === 'first' ? all[0]! : which === 'last' ? all[all.length - 1]! : all[Math.floor(all.length / 2)]!;
  };
  const edits = [
    {
      at: at('"imageType": "gallery"', 'first'),
      length: '"imageType": "gallery"'.length,
      text: '"imageType": "galery"',
    },
    { at: at('"imageType": "gallery"', 'middle'), length: 0, text: '"imageTyp": "gallery", ' },
    { at: at('"displayName": "', 'last') + '"displayName": "'.length, length: 0, text: '<beta> ' },
  ].sort((a, b) => b.at - a.at);
  let out = text;
  for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.at + e.length);
  return out;
}

function stats(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! };
}

function sampleSync(fn: () => void, iterations: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return samples;
}

async function sampleAsync(fn: () => Promise<unknown>, iterations: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples;
}

function ms(v: number): string {
  return v < 0.1 ? `${v.toFixed(4)} ms` : v < 10 ? `${v.toFixed(3)} ms` : `${v.toFixed(1)} ms`;
}

/** Bundles src/core/policy/validator.ts the way esbuild.mjs bundles the CLI (minified). */
async function bundleValidator(): Promise<{ file: string; bytes: number; scanFile: string }> {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'generateSchemaValidator.mjs')], { stdio: 'ignore' });
  const esbuild = await import('esbuild');
  const dir = mkdtempSync(path.join(tmpdir(), 'cpcpolicy-bench-'));
  const file = path.join(dir, 'validator.js');
  const options: BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  };
  await esbuild.build({ ...options, entryPoints: [path.join(root, 'src/core/policy/validator.ts')], outfile: file });
  // The text scan alone, for the floor rows (a separate file: the cold-start bundle stays the validator's).
  const scanFile = path.join(dir, 'textScan.js');
  await esbuild.build({ ...options, entryPoints: [path.join(root, 'src/core/policy/textScan.ts')], outfile: scanFile });
  return { file, bytes: statSync(file).size, scanFile };
}

type JsonLs = (text: string) => Promise<unknown>;

async function jsonLanguageService(): Promise<JsonLs> {
  const { getLanguageService } = await import('vscode-json-languageservice');
  const { TextDocument } = await import('vscode-languageserver-textdocument');
  const schema = JSON.parse(readFileSync(path.join(root, 'schemas/cpcpolicy.schema.json'), 'utf8'));
  const ls = getLanguageService({});
  ls.configure({
    validate: true,
    allowComments: true,
    schemas: [{ uri: 'cpcpolicy://schema.json', fileMatch: ['*.cpcpolicy.json'], schema }],
  });
  let version = 0;
  return async (text) => {
    const doc = TextDocument.create('file:///bench.cpcpolicy.json', 'jsonc', ++version, text);
    return ls.doValidation(doc, ls.parseJSONDocument(doc), { comments: 'ignore', trailingCommas: 'ignore' });
  };
}

/**
 * require(bundle) + first validation in a fresh node process, measured inside it. The time is taken
 * before touching process.stdout: its lazy getter builds the stream (~3 ms), which is Node's, not ours.
 */
function coldStart(bundle: string, runs: number): { median: number; p95: number } {
  const script = `const t=performance.now();const {validateDocument}=require(${JSON.stringify(bundle)});validateDocument(${JSON.stringify(TYPICAL)});const d=performance.now()-t;process.stdout.write(String(d));`;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++)
    samples.push(Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
  return stats(samples);
}

/**
 * Hover, completion and the name preview on the main thread of the extension host, in the middle of the
 * 1 MB fleet: they read the policy at hand only (fleetSlices). Each call gets a new text, as after a
 * keystroke, so the last-text memo never answers. The outline runs in the worker; its time is shown.
 */
function editorFeatureRows(big: string, quick: boolean): BenchRow[] {
  const at = big.indexOf('"imageId"', big.length / 2) + 3;
  const screen = { offset: at - 2000, length: 4000 };
  const users = ['adele.vance@contoso.com', 'megan.bowen@contoso.com', 'li.wu@contoso.com'];
  const runs = quick ? 3 : 21;
  const edited = (i: number): string => `${big.slice(0, -1)}${' '.repeat(1 + (i % 7))}\n`;
  const time = (fn: (text: string) => unknown): { median: number; p95: number } => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const text = edited(i);
      const t = performance.now();
      fn(text);
      samples.push(performance.now() - t);
    }
    return stats(samples);
  };
  const frame = 16;
  const rows: BenchRow[] = [];
  for (const [name, fn] of [
    ['hover', (t: string) => getHover(t, at)],
    ['completion', (t: string) => getCompletions(t, at)],
    ['name preview inlay hints for one screen', (t: string) => getNamePreviews(t, users, 365, screen)],
  ] as const) {
    const r = time(fn);
    rows.push({
      name: `editor, 1 MB fleet, main thread: ${name} in the middle, after an edit: median (p95)`,
      value: `${ms(r.median)} (${ms(r.p95)})`,
      target: `≤ ${frame} ms (a frame)`,
      ok: r.median <= frame,
    });
  }
  const outline = time((t) => getDocumentSymbols(t));
  rows.push({
    name: 'editor, 1 MB fleet: outline (runs in the worker thread, not the main thread): median',
    value: ms(outline.median),
  });
  return rows;
}

/**
 * Hostile 1 MB documents (test/unit/policy/adversarialShapes.ts), each validated on the bundle in a worker
 * thread, as the editor validates any document over 64 KB (src/vscode/language/validationScheduler.ts), with
 * a fresh text each run (so the template memo never answers). Beside each, its physical floor measured in the
 * same worker and rounds: for strict JSON, JSON.parse of the same text and one walk that lists every object's
 * keys (no validator finds an unknown or duplicate key without reading each one); for text only an
 * error-tolerant parser reads, jsonc-parser's tree of it. A fleet of warnings only is checked to its end (a
 * later error would change the verdict), so it also sits on a second floor: its clean twin, as many policies
 * without a finding. A shape meets the target at ≤ 50 ms, or at ≤ 1.5× a floor that alone costs more than a
 * third of that.
 */
async function adversarialRows(bundle: string, quick: boolean): Promise<BenchRow[]> {
  const bytes = quick ? 256 * 1024 : 1_000_000;
  const runs = quick ? 1 : 15;
  const target = 50;
  const measured: ({ shape: AdversarialShape } & WorkerTimes)[] = [];
  for (const shape of ADVERSARIAL_SHAPES) {
    const text = shape.make(bytes);
    const texts = Array.from({ length: runs + 1 }, (_, i) => freshText(text, i));
    measured.push({ shape, ...(await inWorker(bundle, text, texts, shape.clean?.(bytes))) });
  }
  const rowsOf = measured.map((m) => ({ ...m, limit: Math.max(target, 1.5 * m.floor, 1.5 * (m.clean ?? 0)) }));
  const size = quick ? '256 KB (smoke)' : '1 MB';
  const worst = rowsOf.reduce((a, b) => (b.median / b.limit > a.median / a.limit ? b : a));
  const within = rowsOf.filter((m) => m.median <= m.limit).length;
  const rows: BenchRow[] = [
    {
      name: `adversarial ${size}, in a worker thread: shapes within ≤ 50 ms or ≤ 1.5× their floor; the closest to its limit — ${worst.shape.name}`,
      value: `${within} of ${rowsOf.length}; ${ms(worst.median)} (limit ${ms(worst.limit)})`,
      target: `all ${rowsOf.length}`,
      ok: within === rowsOf.length,
    },
  ];
  for (const m of rowsOf) {
    const floorName = m.strict ? 'JSON.parse + list every key' : 'jsonc-parser tree';
    const twin = m.clean === undefined ? '' : `; its clean twin ${ms(m.clean)}`;
    rows.push({
      name: `    ${m.shape.name}: median, ${m.findings} findings (floor: ${floorName} of the same text ${ms(m.floor)}${twin})`,
      value: [ms(m.median), times(m.median, m.floor, 'floor'), times(m.median, m.clean, 'twin')]
        .filter((part) => part !== '')
        .join(', '),
      target: m.limit > target ? `≤ 1.5× floor (${ms(m.limit)})` : `≤ ${target} ms`,
      ok: m.median <= m.limit,
    });
  }
  return rows;
}

/** `2.1× floor`, or nothing beside a floor too small to divide by. */
function times(median: number, floor: number | undefined, name: string): string {
  return floor !== undefined && floor > 0.01 ? `${(median / floor).toFixed(1)}× ${name}` : '';
}

interface WorkerTimes {
  median: number;
  floor: number;
  /** The clean twin's median, for a fleet of warnings only. */
  clean?: number;
  strict: boolean;
  findings: number;
}

/** The worker: validates `texts[1..]` (and the clean twin) and times the floor of `text`, alternating, each first in turn, so none always pays for another's garbage. */
const ADVERSARIAL_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { bundle, jsoncParser, text, texts, clean } = workerData;
const engine = require(bundle);
// Lists the keys of every object, iteratively (a hostile value nests 10,000 deep).
function listKeys(value) {
  const stack = [value];
  let keys = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const item of v) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    for (const k in v) {
      keys++;
      const item = v[k];
      if (item !== null && typeof item === 'object') stack.push(item);
    }
  }
  return keys;
}
let strict = true;
try { JSON.parse(text); } catch { strict = false; }
const floor = strict ? () => listKeys(JSON.parse(text)) : () => require(jsoncParser).parseTree(text);
const ours = [];
const floors = [];
const cleans = [];
const time = (fn, into) => { const t = performance.now(); fn(); into.push(performance.now() - t); };
engine.validateDocument(texts[0]);
floor();
if (clean) engine.validateDocument(clean);
for (let i = 1; i < texts.length; i++) {
  const steps = [() => time(() => engine.validateDocument(texts[i]), ours), () => time(floor, floors)];
  if (clean) steps.push(() => time(() => engine.validateDocument(clean), cleans));
  for (let k = 0; k < steps.length; k++) steps[(i + k) % steps.length]();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
parentPort.postMessage({
  median: median(ours),
  floor: median(floors),
  clean: clean ? median(cleans) : undefined,
  strict,
  findings: engine.validateDocument(text).length,
});
`;

function inWorker(bundle: string, text: string, texts: string[], clean: string | undefined): Promise<WorkerTimes> {
  return new Promise((resolve, reject) => {
    // An eval worker resolves packages from the working directory: give it the path.
    const jsoncParser = require.resolve('jsonc-parser');
    const worker = new Worker(ADVERSARIAL_WORKER, {
      eval: true,
      workerData: { bundle, jsoncParser, text, texts, clean },
    });
    worker.once('message', (m: WorkerTimes) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
    // Settled already when it posted its times; otherwise it stopped without a word.
    worker.once('exit', (code) =>
      reject(new Error(`the adversarial bench worker exited with code ${code} before reporting`)),
    );
  });
}

/** The text after the i-th keystroke: a fixed character typed at the start of every naming template. */
function freshText(text: string, i: number): string {
  return text.replace(/("cloudPcNamingTemplate": ?")/g, `$1${'A'.repeat(i)}`);
}

/** Random and mutated documents: no exception, ranges inside the text, same findings twice. */
function fuzz(engine: Engine, count: number): { docs: number; failures: number; seconds: number } {
  const seeds = [TYPICAL, withErrors(TYPICAL), fleet(3), '{}', '[]', '{"policies":[{}]}'];
  const alphabet = '{}[]":,\\/*\n 0123456789-.etrufalsn%RANDUSERNAME_<>&|^\u0000\uFEFF\uFFFD'.split('');
  let state = 365;
  const rnd = (): number => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state / 4294967296;
  };
  let failures = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    let text = seeds[Math.floor(rnd() * seeds.length)]!;
    const edits = 1 + Math.floor(rnd() * 4);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(rnd() * (text.length + 1));
      const insert = Array.from(
        { length: Math.floor(rnd() * 4) },
        () => alphabet[Math.floor(rnd() * alphabet.length)],
      ).join('');
      text = text.slice(0, at) + insert + text.slice(at + Math.floor(rnd() * 8));
    }
    try {
      const a = engine.validateDocument(text);
      const ok = a.every(
        (f) => f.code !== 'CPC100' && f.range.offset >= 0 && f.range.offset + f.range.length <= text.length,
      );
      if (!ok || (i % 10 === 0 && JSON.stringify(engine.validateDocument(text)) !== JSON.stringify(a))) failures++;
    } catch {
      failures++;
    }
  }
  return { docs: count, failures, seconds: (performance.now() - started) / 1000 };
}

export async function runPolicyBench(opts: { quick: boolean }): Promise<BenchRow[]> {
  const { quick } = opts;
  const rows: BenchRow[] = [];
  const bundle = await bundleValidator();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const engine = require(bundle.file) as Engine;
  const jsonLs = await jsonLanguageService();

  const big = fleetOfSize(1_000_000);
  const docs = [
    {
      name: 'typical (40 lines, comments)',
      text: TYPICAL,
      iterations: quick ? 300 : 5000,
      lsIterations: quick ? 100 : 1000,
      target: 0.05,
    },
    { name: '100 policies', text: fleet(100), iterations: quick ? 10 : 200, lsIterations: quick ? 5 : 50 },
    {
      name: `1 MB (${(big.match(/"displayName"/g) ?? []).length} policies)`,
      text: big,
      iterations: quick ? 3 : 40,
      lsIterations: quick ? 2 : 15,
      target: 15,
    },
  ];
  const all = docs.flatMap((d) => [
    d,
    { ...d, name: `${d.name} + 3 errors`, text: withErrors(d.text), target: undefined },
  ]);
  // Alternating in rounds (issue: "in one process, alternating, warmed up"): both engines see the same
  // machine load; samples from every round are pooled before the median and p95 are taken.
  const rounds = quick ? 2 : 5;
  // The floor any JSON.parse-based engine stands on: parsing the same content with comments and trailing
  // commas already gone, timed in the same rounds. Where 5× needs less than this, no validator that
  // builds the value with JSON.parse can reach it (printed so the next person sees why).
  const { parse: parseJsonc } = await import('jsonc-parser');
  const floorTexts = all.map((d) => JSON.stringify(parseJsonc(d.text), null, 2));
  const floorSamples = all.map(() => [] as number[]);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { scanJsonc } = require(bundle.scanFile) as { scanJsonc: (text: string) => { strict: string } };
  const scanSamples = all.map(() => [] as number[]);
  const ourSamples = all.map(() => [] as number[]);
  const theirSamples = all.map(() => [] as number[]);
  for (const d of all) {
    for (let i = 0; i < Math.min(200, d.iterations); i++) engine.validateDocument(d.text);
    for (let i = 0; i < Math.min(20, d.lsIterations); i++) await jsonLs(d.text);
  }
  for (let r = 0; r < rounds; r++) {
    for (const [i, d] of all.entries()) {
      ourSamples[i]!.push(...sampleSync(() => engine.validateDocument(d.text), Math.ceil(d.iterations / rounds)));
      theirSamples[i]!.push(...(await sampleAsync(() => jsonLs(d.text), Math.ceil(d.lsIterations / rounds))));
      floorSamples[i]!.push(...sampleSync(() => JSON.parse(floorTexts[i]!), Math.ceil(d.iterations / rounds)));
      scanSamples[i]!.push(...sampleSync(() => JSON.parse(scanJsonc(d.text).strict), Math.ceil(d.iterations / rounds)));
    }
  }
  const ours = all.map((d, i) => ({ found: engine.validateDocument(d.text).length, time: stats(ourSamples[i]!) }));
  const theirs = theirSamples.map(stats);
  all.forEach((d, i) => {
    const o = ours[i]!.time;
    const ratio = theirs[i]!.median / o.median;
    if (d.target !== undefined)
      rows.push({
        name: `validate ${d.name}: median (p95)`,
        value: `${ms(o.median)} (${ms(o.p95)})`,
        target: `≤ ${d.target} ms`,
        ok: o.median <= d.target,
      });
    else
      rows.push({
        name: `validate ${d.name}: median (p95), ${ours[i]!.found} findings`,
        value: `${ms(o.median)} (${ms(o.p95)})`,
      });
    rows.push({
      name: `  vs vscode-json-languageservice parse+doValidation ${d.name}: ${ms(theirs[i]!.median)}`,
      value: `${ratio.toFixed(1)}× faster`,
      target: '≥ 5×',
      ok: ratio >= 5,
    });
    if (ratio < 5) {
      const budget = theirs[i]!.median / 5;
      const share = (v: number): string => `${ms(v)} (${((100 * v) / budget).toFixed(0)}% of the budget)`;
      rows.push({
        name: `    5× budget ${ms(budget)}: JSON.parse alone of the same content, comments already removed`,
        value: share(stats(floorSamples[i]!).median),
      });
      rows.push({
        name: '    the same for this text: our one scan (blank comments, trailing commas) + JSON.parse, no validation',
        value: share(stats(scanSamples[i]!).median),
      });
    }
  });

  rows.push(...editorFeatureRows(big, quick));
  rows.push(...(await adversarialRows(bundle.file, quick)));

  const cold = coldStart(bundle.file, quick ? 3 : 15);
  rows.push({
    name: `cold start: require bundle (${(bundle.bytes / 1024).toFixed(1)} KB) + first validation, fresh process: median (p95)`,
    value: `${ms(cold.median)} (${ms(cold.p95)})`,
    target: '≤ 10 ms',
    ok: cold.median <= 10,
  });

  const f = fuzz(engine, quick ? 2000 : 100_000);
  rows.push({
    name: `fuzz: ${f.docs.toLocaleString('en-US')} random/mutated documents (${(f.docs / f.seconds).toFixed(0)} docs/s)`,
    value: `${f.failures} failures`,
    target: quick ? '0 (smoke)' : '0 of ≥ 100,000',
    ok: f.failures === 0,
  });
  return rows;
}

if (require.main === module) {
  void runPolicyBench({ quick: process.argv.includes('--quick') }).then((rows) => {
    for (const r of rows)
      process.stdout.write(
        `${r.name.padEnd(100)} ${r.value.padStart(24)}  ${r.target ?? ''} ${r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED'}\n`,
      );
  });
}
