// Bundles the extension and the CLI, one file each. `--production` minifies (used for packaging).
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: production,
  legalComments: 'none',
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // Large documents are validated in a worker thread so typing never waits on them.
  { ...common, entryPoints: ['src/vscode/language/validationWorkerMain.ts'], outfile: 'dist/validationWorker.js' },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The Fleet Overview webview runs in the browser: one IIFE, always minified (it ships as it is measured).
  { ...common, entryPoints: ['src/webview/fleet/main.ts'], outfile: 'dist/webview/fleet.js', platform: 'browser', format: 'iife', target: 'es2022', minify: true, sourcemap: !production, mainFields: ['browser', 'module', 'main'] },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
