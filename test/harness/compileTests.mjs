// Compiles one folder of TypeScript tests into out/, one CommonJS file per test (mocha loads them
// one by one); `vscode` and `mocha` stay external, everything else from src/ is bundled in.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import path from 'node:path';

export async function compileTestFolder(root, folder) {
  const srcDir = path.join(root, 'test', folder);
  const entryPoints = readdirSync(srcDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(srcDir, f));
  const outdir = path.join(root, 'out', 'test', folder);
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
