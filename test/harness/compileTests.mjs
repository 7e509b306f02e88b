// Compiles one folder of TypeScript tests into out/, one CommonJS file per test (mocha loads them
// one by one); `vscode` and `mocha` stay external, everything else from src/ is bundled in.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export async function compileTestFolder(root, folder) {
  const srcDir = path.join(root, 'test', folder);
  const entryPoints = readdirSync(srcDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(srcDir, f));
  const outdir = path.join(root, 'out', 'test', folder);
  // A test file removed from test/ must not keep running from a stale out/.
  rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha', 'playwright-core'],
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  return outdir;
}

// `node test/harness/compileTests.mjs integration`: the "Extension Tests" launch configuration's pre-launch step.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2] ?? 'integration';
  console.log(
    `compiled test/${folder} into ${path.relative(process.cwd(), await compileTestFolder(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'), folder))}`,
  );
}
