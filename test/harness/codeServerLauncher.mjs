#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests: it takes the Electron-style
// arguments (--extensionDevelopmentPath=, --extensionTestsPath=, a folder) and runs the tests in
// code-server's real extension host, opened by headless Chromium. Exits with the tests' exit code.
import { format } from 'node:util';
import { launchBrowser, startCodeServer, workbenchUrl } from './codeServer.mjs';
import { scaled } from './timeoutScale.mjs';

/** The whole suite in one extension host (every test file), scaled for a slower machine like each deadline. */
const TIMEOUT_MS = Number(process.env.CPCPOLICY_TEST_TIMEOUT_MS ?? scaled(10 * 60_000));

function parseArgs(argv) {
  const options = { folder: undefined, extensionDevelopmentPath: [], extensionTestsPath: undefined };
  for (const arg of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(arg);
    if (m && m[1] === 'extensionDevelopmentPath') options.extensionDevelopmentPath.push(m[2]);
    else if (m && m[1] === 'extensionTestsPath') options.extensionTestsPath = m[2];
    else if (!arg.startsWith('-')) options.folder = arg;
    // Electron-only flags (--no-sandbox, --disable-gpu-sandbox, ...) and profile dirs: code-server gets fresh ones.
  }
  if (!options.extensionTestsPath || options.extensionDevelopmentPath.length === 0) {
    throw new Error('usage: codeServerLauncher --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [folder]');
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  // CPCPOLICY_WORKSPACE_TRUST=restricted opens the folder in Restricted Mode (the trust-dependent integration tests).
  const server = await startCodeServer({
    folder: options.folder,
    trusted: process.env.CPCPOLICY_WORKSPACE_TRUST !== 'restricted',
  });
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  let browser;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage();
    const exitCode = new Promise((resolve) => {
      page.exposeFunction('codeAutomationExit', (code) => resolve(code)).catch(() => {});
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The workbench forwards console calls as printf-style argument lists.
      const text = format(...(Array.isArray(args) ? args : [args]));
      (type === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
    });
    page.on('pageerror', (err) => process.stderr.write(`[workbench] ${err.message}\n`));
    const payload = [
      ...options.extensionDevelopmentPath.map((p) => ['extensionDevelopmentPath', remote(p)]),
      ['extensionTestsPath', remote(options.extensionTestsPath)],
    ];
    // The tests report through codeAutomationExit, not the page's load event: on a loaded machine the
    // workbench takes longer than Playwright's default 30 s to load, so wait only for the navigation.
    await page.goto(workbenchUrl(server.url, options.folder, payload), { waitUntil: 'commit', timeout: TIMEOUT_MS });
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => {
        process.stderr.write(
          `[launcher] the extension tests did not finish within ${TIMEOUT_MS} ms\n${server.output().slice(-4000)}\n`,
        );
        resolve(1);
      }, TIMEOUT_MS);
    });
    const code = await Promise.race([exitCode, timeout]);
    clearTimeout(timer);
    return typeof code === 'number' ? code : 1;
  } finally {
    await browser?.close().catch(() => {});
    server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`[launcher] ${err.stack ?? err}\n`);
    process.exit(1);
  },
);
