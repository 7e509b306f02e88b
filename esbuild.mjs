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
  // ESM-only code paths in dependencies read import.meta.url, which a CommonJS bundle lacks.
  define: { 'import.meta.url': '__cpcpolicyImportMetaUrl' },
  banner: { js: IMPORT_META_URL },
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // Large documents are validated in a worker thread so typing never waits on them.
  { ...common, entryPoints: ['src/vscode/language/validationWorkerMain.ts'], outfile: 'dist/validationWorker.js' },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: `#!/usr/bin/env node\n${IMPORT_META_URL}` },
  },
  // The Fleet Overview webview runs in the browser: one IIFE, always minified (it ships as it is measured), without the Node-only import.meta.url shim.
  {
    ...common,
    entryPoints: ['src/webview/fleet/main.ts'],
    outfile: 'dist/webview/fleet.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    sourcemap: !production,
    mainFields: ['browser', 'module', 'main'],
    define: {},
    banner: {},
  },
];

/**
 * In watch mode a rebuild prints one start line, its errors one per line (`file:line:column: error: text`)
 * and one end line once every bundle is written: the "watch" task in .vscode/tasks.json matches these to
 * know when a build is done (F5 waits for it) and to fill the Problems view.
 */
let building = 0;
let errors = 0;
const watchReport = {
  name: 'watch-report',
  setup(build) {
    build.onStart(() => {
      if (building++ === 0) {
        errors = 0;
        console.log('[watch] build started');
      }
    });
    build.onEnd((result) => {
      for (const m of [...result.errors, ...result.warnings]) {
        const kind = result.errors.includes(m) ? 'error' : 'warning';
        const where = m.location
          ? `${m.location.file}:${m.location.line}:${m.location.column + 1}`
          : build.initialOptions.entryPoints[0];
        console.log(`${where}: ${kind}: ${m.text}`);
      }
      errors += result.errors.length;
      if (--building === 0) console.log(`[watch] build finished with ${errors} error(s)`);
    });
  },
};

if (watch) {
  // logLevel silent: the plugin reports each message once, on one line the problem matcher can read.
  for (const options of builds)
    await (await esbuild.context({ ...options, logLevel: 'silent', plugins: [watchReport] })).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
