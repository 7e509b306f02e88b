// `npm run test:stress -- --suite integration --vscode latest --runs 10`: runs one real-VS-Code suite
// again and again while a CPU hog keeps the cores busy, and prints a table of the runs. Bounded: the hog
// processes stop themselves at the deadline, and no run starts after it. See docs/testing.md.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LEG_SCRIPTS, runLegAsync } from './harness/suiteLegs.mjs';
import { VSCODE_TARGETS, root } from './harness/vscodeVersions.mjs';

const { values } = parseArgs({
  options: {
    suite: { type: 'string', default: 'integration' },
    vscode: { type: 'string', default: 'min' },
    runs: { type: 'string', default: '10' },
    hogs: { type: 'string', default: String(os.availableParallelism()) },
    'max-minutes': { type: 'string', default: '120' },
  },
});
const suite = values.suite;
const target = VSCODE_TARGETS[values.vscode];
const runs = Number(values.runs);
const hogs = Number(values.hogs);
const maxMs = Number(values['max-minutes']) * 60_000;
if (!LEG_SCRIPTS[suite] || !target || !(runs > 0) || !(hogs >= 0) || !(maxMs > 0)) {
  console.error(
    'usage: npm run test:stress -- --suite integration|e2e --vscode min|latest [--runs 10] [--hogs N] [--max-minutes 120]',
  );
  process.exit(2);
}

const deadline = Date.now() + maxMs;
// The deadlines as measured here, even on CI: a deadline too tight for a busy machine fails here first.
process.env.CPCPOLICY_TIMEOUT_SCALE ||= '1';
const logDir = path.join(root, 'test-results', 'stress');
mkdirSync(logDir, { recursive: true });

/** One busy loop per process; each ends itself at the deadline even if this script is killed. */
function startHog() {
  const child = spawn(process.execPath, ['-e', `const end = ${deadline}; while (Date.now() < end) {}`], {
    stdio: 'ignore',
  });
  child.unref();
  return child;
}

const hogProcesses = Array.from({ length: hogs }, startHog);
const stopHogs = () => hogProcesses.forEach((h) => h.exitCode === null && h.kill());
process.on('exit', stopHogs);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

console.log(
  `[stress] ${suite} in the ${target.name} VS Code (${target.vscode}), ${runs} runs, ${hogs} CPU hog(s), deadlines ×${process.env.CPCPOLICY_TIMEOUT_SCALE}, logs in ${path.relative(root, logDir)}`,
);
const rows = [];
for (let i = 1; i <= runs; i++) {
  if (Date.now() >= deadline) {
    console.log(`[stress] the ${values['max-minutes']}-minute bound is reached: stopping after ${i - 1} run(s)`);
    break;
  }
  const logFile = path.join(logDir, `${suite}-${target.name}-run${i}.log`);
  const fd = openSync(logFile, 'w');
  const started = Date.now();
  const result = await runLegAsync(suite, target, { fd, deadline });
  closeSync(fd);
  const seconds = Math.round((Date.now() - started) / 1000);
  rows.push({ run: i, passed: result.passed, failed: result.failed, seconds, failures: result.failures ?? [] });
  console.log(
    `[stress] run ${i}/${runs}: ${result.passed} passed, ${result.failed} failed in ${seconds} s (${result.suite})`,
  );
  for (const f of result.failures ?? []) console.log(`[stress]   FAILED ${f}`);
  if (result.failed > 0) console.log(readFileSync(logFile, 'utf8').slice(-3000));
}
stopHogs();

const failedRuns = rows.filter((r) => r.failed > 0 || r.passed === 0).length;
const summary = { suite, vscode: target.vscode, runs: rows.length, failedRuns, hogs, rows };
writeFileSync(path.join(logDir, `${suite}-${target.name}.json`), JSON.stringify(summary, null, 2));
console.log(
  `\n| suite | VS Code | runs | failed runs | tests per run | seconds (min–max) |\n|---|---|---:|---:|---:|---|`,
);
const secs = rows.map((r) => r.seconds);
console.log(
  `| ${suite} | ${target.vscode} | ${rows.length} | ${failedRuns} | ${rows[0]?.passed ?? 0} | ${Math.min(...secs)}–${Math.max(...secs)} |`,
);
process.exit(failedRuns > 0 || rows.length < runs ? 1 : 0);
