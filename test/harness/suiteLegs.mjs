// One suite in one VS Code target runs in a process of its own (mocha's ESM test files load once per
// process, and each target has its own code-server); the parent reads the counts from a small JSON file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './vscodeVersions.mjs';

export const LEG_SCRIPTS = { integration: 'runIntegration.mjs', e2e: 'runE2e.mjs' };

/**
 * Runs one suite (integration or e2e) for one target; a leg that writes no counts is one failure.
 * `stdio` and `timeoutMs` let the stress runner keep each run's output in a file and bound it.
 */
export function runLeg(suite, target, { stdio = 'inherit', timeoutMs } = {}) {
  const dir = path.join(root, 'test-results');
  mkdirSync(dir, { recursive: true });
  const resultFile = path.join(dir, `${suite}-${target.name}.counts.json`);
  rmSync(resultFile, { force: true });
  const r = spawnSync(process.execPath, [path.join(root, 'test', 'harness', LEG_SCRIPTS[suite])], {
    cwd: root,
    stdio,
    timeout: timeoutMs,
    env: { ...process.env, CPCPOLICY_VSCODE: target.name, CPCPOLICY_SUITE_RESULT: resultFile },
  });
  if (!existsSync(resultFile)) {
    process.stderr.write(`[test] ${suite} in the ${target.name} VS Code wrote no counts (exit ${r.status ?? r.signal}): counted as one failure\n`);
    return { suite: `${suite} (${target.name})`, passed: 0, failed: 1, failures: [`no counts (exit ${r.status ?? r.signal})`] };
  }
  return JSON.parse(readFileSync(resultFile, 'utf8'));
}

/** The end of a leg run as a script: counts for the parent, a closing line for a person, the exit code. */
export function reportLeg(result) {
  if (process.env.CPCPOLICY_SUITE_RESULT) writeFileSync(process.env.CPCPOLICY_SUITE_RESULT, JSON.stringify(result));
  console.log(`${result.suite}: ${result.passed} passed, ${result.failed} failed`);
  process.exit(result.failed > 0 || result.passed === 0 ? 1 : 0);
}
