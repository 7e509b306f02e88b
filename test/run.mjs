// `npm test`: every suite, one closing line `N passed, N failed` that sums them all. The suites that
// run in a real VS Code (integration, e2e) run once per VS Code target: CPCPOLICY_VSCODE=min|latest|all
// (default all). A suite that cannot start counts as a failure, never as a silent skip.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBenchSmoke } from './bench/runBench.mjs';
import { findFiles, runMochaFiles } from './harness/runMocha.mjs';
import { runLeg } from './harness/suiteLegs.mjs';
import { selectedTargets } from './harness/vscodeVersions.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.env.CPCPOLICY_SUITES?.split(',');
const targets = selectedTargets();

function npmScript(name) {
  const started = Date.now();
  const r = spawnSync('npm', ['run', '--silent', name], { cwd: root, stdio: 'inherit' });
  const ok = r.status === 0;
  process.stderr.write(
    `[test] npm run ${name}: ${ok ? 'ok' : `failed (exit ${r.status})`} in ${Date.now() - started} ms\n`,
  );
  return ok;
}

async function staticChecks() {
  const results = ['build', 'typecheck', 'lint', 'format:check', 'check:structure'].map((s) => npmScript(s));
  return {
    suite: 'build, typecheck, lint, format, structure',
    passed: results.filter(Boolean).length,
    failed: results.filter((ok) => !ok).length,
  };
}

async function unit() {
  // The unit tests read the generated validator and the bundled CLI (dist/cli.js): build them first, so
  // `CPCPOLICY_SUITES=unit` works on a clean clone and never tests a stale bundle.
  if (!npmScript('build')) return { suite: 'unit', passed: 0, failed: 1 };
  const files = await findFiles(path.join(root, 'test', 'unit'), '.test.ts');
  if (files.length === 0) return { suite: 'unit', passed: 0, failed: 1 };
  const counts = await runMochaFiles(files, { grep: process.env.CPCPOLICY_TEST_GREP });
  for (const failure of counts.failures) process.stderr.write(`[unit] FAILED ${failure}\n`);
  return { suite: 'unit', passed: counts.passed, failed: counts.failed, failures: counts.failures };
}

/** One entry per VS Code target: each leg in a process of its own. */
const inEachVsCode = (name) =>
  targets.map((target) => [
    name,
    `${name} in the ${target.name} VS Code (${target.vscode})`,
    async () => runLeg(name, target),
  ]);

const suites = [
  ['static', 'static', staticChecks],
  ['unit', 'unit', unit],
  ...inEachVsCode('integration'),
  ...inEachVsCode('e2e'),
  ['bench', 'bench', runBenchSmoke],
];

const results = [];
for (const [name, title, run] of suites) {
  if (only && !only.includes(name)) continue;
  process.stderr.write(`\n[test] ===== ${title} =====\n`);
  const started = Date.now();
  let result;
  try {
    result = await run();
  } catch (err) {
    process.stderr.write(`[test] the ${title} suite could not run: ${err?.stack ?? err}\n`);
    result = { suite: title, passed: 0, failed: 1 };
  }
  results.push({ ...result, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}

// The failures again, next to the table: a CI log that keeps only its tail still names them.
const failures = results.flatMap((r) => (r.failures ?? []).map((f) => `${r.suite}: ${f}`));
if (failures.length > 0)
  console.log(`\nFailed:\n${failures.map((f) => `- ${f.split('\n')[0].slice(0, 400)}`).join('\n')}`);
console.log('\n| suite | passed | failed | seconds |\n|---|---:|---:|---:|');
for (const r of results) console.log(`| ${r.suite} | ${r.passed} | ${r.failed} | ${r.seconds} |`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
if (!existsSync(path.join(root, 'node_modules'))) console.log('(node_modules is missing: run npm ci first)');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
