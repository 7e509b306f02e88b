// The e2e suite: the packaged .vsix installed into code-server, the workbench in headless Chromium, in
// the VS Code target named by CPCPOLICY_VSCODE (min or latest).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageExtension } from '../../scripts/package.mjs';
import { vscodeVersionOf } from './codeServer.mjs';
import { ensureCodeServer } from './ensureCodeServer.mjs';
import { findFiles, runMochaFiles } from './runMocha.mjs';
import { reportLeg } from './suiteLegs.mjs';
import { scaled, timeoutScale } from './timeoutScale.mjs';
import { currentTarget, root } from './vscodeVersions.mjs';

export async function runE2e(target = currentTarget()) {
  let version = target.vscode;
  try {
    ensureCodeServer(target);
    // What the code-server in use says it is; screenshots and the log carry it.
    version = vscodeVersionOf(target);
    process.env.CPCPOLICY_VSCODE_VERSION = version;
    process.stderr.write(`[e2e] running in VS Code ${version} (${target.name})\n`);
    process.env.CPCPOLICY_VSIX = await packageExtension();
    if (!existsSync(process.env.CPCPOLICY_VSIX)) throw new Error('the .vsix was not produced');
  } catch (err) {
    process.stderr.write(`[e2e] could not prepare the suite: ${err?.stack ?? err}\n`);
    return { suite: `e2e (${target.name})`, passed: 0, failed: 1 };
  }
  const files = await findFiles(path.join(root, 'test', 'e2e'), '.e2e.test.mjs');
  process.stderr.write(`[e2e] deadlines ×${timeoutScale()} (CPCPOLICY_TIMEOUT_SCALE; 2 on CI)\n`);
  // One test: several steps of the UI, a window reload among them (each step waits at most UI_TIMEOUT).
  const counts = await runMochaFiles(files, { timeout: scaled(300_000), grep: process.env.CPCPOLICY_TEST_GREP });
  for (const failure of counts.failures) process.stderr.write(`[e2e] FAILED in VS Code ${version}: ${failure}\n`);
  return { suite: `e2e (VS Code ${version})`, passed: counts.passed, failed: counts.failed, failures: counts.failures };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  reportLeg(await runE2e());
}
