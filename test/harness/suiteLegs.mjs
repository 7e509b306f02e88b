// One suite in one VS Code target runs in a process of its own (mocha's ESM test files load once per
// process, and each target has its own code-server); the parent reads the counts from a small JSON file.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './vscodeVersions.mjs';

export const LEG_SCRIPTS = { integration: 'runIntegration.mjs', e2e: 'runE2e.mjs' };

function legProcess(suite, target) {
  const dir = path.join(root, 'test-results');
  mkdirSync(dir, { recursive: true });
  const resultFile = path.join(dir, `${suite}-${target.name}.counts.json`);
  rmSync(resultFile, { force: true });
  const args = [path.join(root, 'test', 'harness', LEG_SCRIPTS[suite])];
  const env = { ...process.env, CPCPOLICY_VSCODE: target.name, CPCPOLICY_SUITE_RESULT: resultFile };
  return { args, env, resultFile };
}

function legResult(suite, target, resultFile, exit) {
  if (!existsSync(resultFile)) {
    process.stderr.write(
      `[test] ${suite} in the ${target.name} VS Code wrote no counts (exit ${exit}): counted as one failure\n`,
    );
    return { suite: `${suite} (${target.name})`, passed: 0, failed: 1, failures: [`no counts (exit ${exit})`] };
  }
  return JSON.parse(readFileSync(resultFile, 'utf8'));
}

/** Runs one suite (integration or e2e) for one target; a leg that writes no counts is one failure. */
export function runLeg(suite, target) {
  const { args, env, resultFile } = legProcess(suite, target);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  return legResult(suite, target, resultFile, r.status ?? r.signal);
}

/**
 * The same without blocking (the stress runner): output to `fd`, and a leg still running at `deadline`
 * gets SIGTERM (it stops its code-servers) and is counted as failed.
 */
export async function runLegAsync(suite, target, { fd, deadline }) {
  const { args, env, resultFile } = legProcess(suite, target);
  // A process group of its own: SIGTERM reaches the leg and the launcher runTests started under it.
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', fd, fd], env, detached: true });
  const stopChild = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const timer = setTimeout(stopChild, Math.max(0, deadline - Date.now()));
  process.once('exit', stopChild);
  const exit = await new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  clearTimeout(timer);
  process.removeListener('exit', stopChild);
  return legResult(suite, target, resultFile, exit);
}

/** The end of a leg run as a script: counts for the parent, a closing line for a person, the exit code. */
export function reportLeg(result) {
  if (process.env.CPCPOLICY_SUITE_RESULT) writeFileSync(process.env.CPCPOLICY_SUITE_RESULT, JSON.stringify(result));
  console.log(`${result.suite}: ${result.passed} passed, ${result.failed} failed`);
  process.exit(result.failed > 0 || result.passed === 0 ? 1 : 0);
}
