// The integration suite: mocha inside a real VS Code extension host, started through
// @vscode/test-electron's runTests. VS Code cannot be downloaded here, so `vscodeExecutablePath`
// points at a launcher that runs the same arguments through code-server (docs/testing.md), in the
// VS Code target named by CPCPOLICY_VSCODE (min or latest).
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTestFolder } from './compileTests.mjs';
import { ensureCodeServer } from './ensureCodeServer.mjs';
import { reportLeg } from './suiteLegs.mjs';
import { timeoutScale } from './timeoutScale.mjs';
import { currentTarget, root } from './vscodeVersions.mjs';

function copyOfSamples() {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'cpcpolicy-integration-')), 'samples');
  cpSync(path.join(root, 'samples'), dir, { recursive: true });
  return dir;
}

/** @returns {Promise<{ suite: string, passed: number, failed: number }>} */
export async function runIntegration(target = currentTarget()) {
  const resultsDir = path.join(root, 'test-results');
  mkdirSync(resultsDir, { recursive: true });
  const resultsFile = path.join(resultsDir, `integration-results-${target.name}.json`);
  rmSync(resultsFile, { force: true });
  const download = process.env.CPCPOLICY_VSCODE_DOWNLOAD === '1';
  try {
    if (!download) ensureCodeServer(target);
    // The extension under test is the repo's own dist/ bundle: build it first.
    if (spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0)
      throw new Error('npm run build failed');
    const outDir = await compileTestFolder(root, 'integration');
    // On a desktop with network access, CPCPOLICY_VSCODE_DOWNLOAD=1 lets runTests fetch VS Code itself.
    const vscodeExecutablePath = download ? undefined : path.join(root, 'test', 'harness', 'codeServerLauncher.mjs');
    await runTests({
      vscodeExecutablePath,
      version: target.vscode,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(outDir, 'index.js'),
      // A copy: a test's edit that VS Code saves (a workspace edit to a file no editor shows is saved by
      // default, files.refactoring.autoSave) must never change the repo's samples/ for the next run.
      launchArgs: [copyOfSamples()],
      extensionTestsEnv: {
        CPCPOLICY_VSCODE: target.name,
        CPCPOLICY_VSCODE_EXPECTED: target.vscode,
        CPCPOLICY_TEST_RESULTS: resultsFile,
        CPCPOLICY_TEST_GREP: process.env.CPCPOLICY_TEST_GREP ?? '',
        // The resolved factor (CI's default included): the extension host's tests scale their deadlines by it.
        CPCPOLICY_TIMEOUT_SCALE: String(timeoutScale()),
      },
    });
  } catch (err) {
    process.stderr.write(`[integration] ${err?.message ?? err}\n`);
  }
  if (!existsSync(resultsFile)) {
    process.stderr.write(
      `[integration] the suite did not start or did not finish in the ${target.name} VS Code: counted as one failure\n`,
    );
    return { suite: `integration (${target.name})`, passed: 0, failed: 1 };
  }
  const counts = JSON.parse(readFileSync(resultsFile, 'utf8'));
  // The version the extension host itself reported (vscode.version), not the one we meant to start.
  process.stderr.write(`[integration] ran in VS Code ${counts.vscodeVersion} (${target.name})\n`);
  for (const failure of counts.failures)
    process.stderr.write(`[integration] FAILED in VS Code ${counts.vscodeVersion}: ${failure}\n`);
  return {
    suite: `integration (VS Code ${counts.vscodeVersion})`,
    passed: counts.passed,
    failed: counts.failed,
    failures: counts.failures,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  reportLeg(await runIntegration());
}
