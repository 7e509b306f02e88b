// Bundles the extension and the CLI, one file each. `--production` minifies (used for packaging).
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const IMPORT_META_URL = "var __cpcpolicyImportMetaUrl = require('url').pathToFileURL(__filename).href;";

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
  // ESM-only code paths (tinyglobby's fdir) read import.meta.url, which a CommonJS bundle lacks.
  define: { 'import.meta.url': '__cpcpolicyImportMetaUrl' },
  banner: { js: IMPORT_META_URL },
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // Large documents are validated in a worker thread so typing never waits on them.
  { ...common, entryPoints: ['src/vscode/language/validationWorkerMain.ts'], outfile: 'dist/validationWorker.js' },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${IMPORT_META_URL}` } },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
