// Runs mocha programmatically on TypeScript test files (loaded through tsx) and returns the counts.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @returns {Promise<{ passed: number, failed: number, failures: string[] }>} */
export async function runMochaFiles(files, { timeout = 20_000, grep } = {}) {
  require('tsx/cjs');
  const Mocha = require('mocha');
  const mocha = new Mocha({ ui: 'bdd', timeout, reporter: 'spec', color: !process.env.CI });
  if (grep) mocha.grep(grep);
  for (const file of files) mocha.addFile(file);
  const counts = { passed: 0, failed: 0, failures: [] };
  try {
    await mocha.loadFilesAsync();
  } catch (err) {
    counts.failed++;
    counts.failures.push(`loading test files: ${err?.stack ?? err}`);
    return counts;
  }
  await new Promise((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => counts.passed++);
    runner.on('fail', (test, err) => {
      counts.failed++;
      counts.failures.push(`${test.fullTitle()}: ${err?.message ?? err}`);
    });
  });
  return counts;
}

/** Lists files under `dir` whose names end with `suffix`, recursively, sorted. */
export async function findFiles(dir, suffix) {
  const { readdirSync, statSync } = await import('node:fs');
  const path = await import('node:path');
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(suffix)) out.push(full);
    }
  };
  walk(dir);
  return out;
}
