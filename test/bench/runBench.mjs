// `npm run bench`: every benchmark under test/bench, one table. Benchmarks report, they do not fail
// the build on a slow machine; targets are printed beside the measurements.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function packagingRows() {
  const { packageExtension } = await import('../../scripts/package.mjs');
  const vsix = await packageExtension();
  const bundle = path.join(root, 'dist', 'extension.js'); // the minified build vsce just made
  return [
    { name: 'dist/extension.js (minified)', value: kb(statSync(bundle).size) },
    { name: path.basename(vsix), value: kb(statSync(vsix).size) },
  ];
}

async function activationRow() {
  const file = path.join(root, 'test-results', 'activation.json');
  if (!existsSync(file)) {
    const { runIntegration } = await import('../harness/runIntegration.mjs');
    process.env.CPCPOLICY_TEST_GREP = 'extension activation';
    await runIntegration();
  }
  if (!existsSync(file))
    return [{ name: 'activate() in the extension host', value: 'not measured (integration run failed)', ok: false }];
  const { activationTimeMs, vscodeVersion } = JSON.parse(readFileSync(file, 'utf8'));
  return [
    {
      name: `activate() in the extension host (VS Code ${vscodeVersion})`,
      value: `${activationTimeMs.toFixed(2)} ms`,
      target: '≤ 50 ms, no network',
      ok: activationTimeMs <= 50,
    },
  ];
}

/** Loads test/bench/*Bench.ts modules and runs every exported `run…Bench` function. */
async function moduleRows(quick) {
  require('tsx/cjs');
  const rows = [];
  for (const file of readdirSync(path.join(root, 'test', 'bench'))
    .filter((f) => /Bench\.ts$/.test(f))
    .sort()) {
    const mod = require(path.join(root, 'test', 'bench', file));
    for (const [name, fn] of Object.entries(mod)) {
      if (typeof fn === 'function' && /^run\w*Bench$/.test(name)) rows.push(...(await fn({ quick })));
    }
  }
  return rows;
}

export function formatTable(rows) {
  const lines = ['| benchmark | measured | target | |', '|---|---:|---:|---|'];
  for (const r of rows)
    lines.push(`| ${r.name} | ${r.value} | ${r.target ?? ''} | ${r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED'} |`);
  return lines.join('\n');
}

export async function runBench({ quick = false } = {}) {
  const rows = [...(await packagingRows()), ...(await activationRow()), ...(await moduleRows(quick))];
  console.log(formatTable(rows));
  return rows;
}

/** The smoke run `npm test` does: every benchmark runs in its quick profile and completes. */
export async function runBenchSmoke() {
  try {
    await runBench({ quick: true });
    return { suite: 'bench (smoke)', passed: 1, failed: 0 };
  } catch (err) {
    process.stderr.write(`[bench] ${err?.stack ?? err}\n`);
    return { suite: 'bench (smoke)', passed: 0, failed: 1 };
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runBench({ quick: process.argv.includes('--quick') });
}
