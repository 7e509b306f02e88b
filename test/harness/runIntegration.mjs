// The integration suite: mocha inside a real VS Code 1.100 extension host, started through
// @vscode/test-electron's runTests. VS Code cannot be downloaded here, so `vscodeExecutablePath`
// points at a launcher that runs the same arguments through code-server (docs/testing.md).
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTestFolder } from './compileTests.mjs';
import { ensureCodeServer } from './ensureCodeServer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** @returns {Promise<{ suite: string, passed: number, failed: number }>} */
export async function runIntegration() {
  const resultsDir = path.join(root, 'test-results');
  mkdirSync(resultsDir, { recursive: true });
  const resultsFile = path.join(resultsDir, 'integration-results.json');
  rmSync(resultsFile, { force: true });
  try {
    ensureCodeServer();
    // The extension under test is the repo's own dist/ bundle: build it first.
    if (spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('npm run build failed');
    const outDir = await compileTestFolder(root, 'integration');
    // On a desktop with network access, CPCPOLICY_VSCODE=download lets runTests fetch VS Code itself.
    const vscodeExecutablePath = process.env.CPCPOLICY_VSCODE === 'download' ? undefined : path.join(root, 'test', 'harness', 'codeServerLauncher.mjs');
    await runTests({
      vscodeExecutablePath,
      version: '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(outDir, 'index.js'),
      launchArgs: [path.join(root, 'samples')],
      extensionTestsEnv: { CPCPOLICY_TEST_RESULTS: resultsFile, CPCPOLICY_TEST_GREP: process.env.CPCPOLICY_TEST_GREP ?? '' },
    });
  } catch (err) {
    process.stderr.write(`[integration] ${err?.message ?? err}\n`);
  }
  if (!existsSync(resultsFile)) {
    process.stderr.write('[integration] the suite did not start or did not finish: counted as one failure\n');
    return { suite: 'integration', passed: 0, failed: 1 };
  }
  const counts = JSON.parse(readFileSync(resultsFile, 'utf8'));
  for (const failure of counts.failures) process.stderr.write(`[integration] FAILED ${failure}\n`);
  return { suite: 'integration', passed: counts.passed, failed: counts.failed };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await runIntegration();
  console.log(`${r.passed} passed, ${r.failed} failed`);
  process.exit(r.failed > 0 ? 1 : 0);
}
