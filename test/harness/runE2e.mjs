// The e2e suite: the packaged .vsix installed into code-server, the workbench in headless Chromium.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageExtension } from '../../scripts/package.mjs';
import { ensureCodeServer } from './ensureCodeServer.mjs';
import { findFiles, runMochaFiles } from './runMocha.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function runE2e() {
  try {
    ensureCodeServer();
    process.env.CPCPOLICY_VSIX = await packageExtension();
    if (!existsSync(process.env.CPCPOLICY_VSIX)) throw new Error('the .vsix was not produced');
  } catch (err) {
    process.stderr.write(`[e2e] could not prepare the suite: ${err?.stack ?? err}\n`);
    return { suite: 'e2e', passed: 0, failed: 1 };
  }
  const files = await findFiles(path.join(root, 'test', 'e2e'), '.e2e.test.mjs');
  const counts = await runMochaFiles(files, { timeout: 120_000, grep: process.env.CPCPOLICY_TEST_GREP });
  for (const failure of counts.failures) process.stderr.write(`[e2e] FAILED ${failure}\n`);
  return { suite: 'e2e', passed: counts.passed, failed: counts.failed };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await runE2e();
  console.log(`${r.passed} passed, ${r.failed} failed`);
  process.exit(r.failed > 0 ? 1 : 0);
}
