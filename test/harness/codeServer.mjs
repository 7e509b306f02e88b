// Starts code-server (a real VS Code server, in the version of the chosen target) on 127.0.0.1 and drives
// its workbench in headless Chromium. Shared by the integration launcher, the e2e suite and `npm run demo`.
// See docs/testing.md.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromiumPath } from './ensureCodeServer.mjs';
import { assertSettingsUnchanged, writeSettingsFile } from './userSettingsFile.mjs';
import { currentTarget, envOf, pathsOf } from './vscodeVersions.mjs';

/** The VS Code a target's code-server really is, as it says itself: `4.139.1 <commit> with Code 1.139.1`. */
export function vscodeVersionOf(target = currentTarget()) {
  const out = execFileSync(pathsOf(target).codeServerBin, ['--version'], { env: envOf(target), encoding: 'utf8' });
  const m = /with Code (\S+)/.exec(out);
  if (!m) throw new Error(`code-server --version did not name its VS Code: ${out}`);
  return m[1];
}

/** Servers this process started: a leg stopped by a signal (the stress runner's bound) stops them too. */
const running = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const stop of running) stop();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealthy(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms`);
}

/**
 * `trusted: false` starts without --disable-workspace-trust and with trust enabled, so the folder opens in
 * Restricted Mode (no startup prompt: the banner says so). `settings` join the user settings below;
 * `disableExtensions` are extension ids the server starts without (`--disable-extension`). `smokeTestDriver`
 * (default: the target's) adds VS Code's test driver, which tests need on 1.10x+ and people must not get:
 * with it VS Code 1.139 shows no notification toasts.
 * @param {{ folder?: string, userDataDir?: string, extensionsDir?: string, port?: number, env?: Record<string,string>, quiet?: boolean, target?: object, trusted?: boolean, settings?: Record<string, unknown>, disableExtensions?: string[], smokeTestDriver?: boolean }} options
 */
export async function startCodeServer(options = {}) {
  const target = options.target ?? currentTarget();
  const trusted = options.trusted !== false;
  const home = mkdtempSync(path.join(os.tmpdir(), 'cpcpolicy-cs-'));
  const userDataDir = options.userDataDir ?? path.join(home, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(home, 'extensions');
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  // Keep the workbench quiet and predictable: no welcome page, no trust prompt, no telemetry. Each value in the
  // words of the target's VS Code: one it migrates makes the workbench rewrite this file (see updateSettings).
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  const userSettings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': !trusted,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'always',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': target.autoUpdateOff,
    'update.mode': 'none',
    'workbench.enableExperiments': false,
    'chat.disableAIFeatures': true,
    // VS Code 1.10x+ opens the Chat view in the secondary side bar on first start.
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    ...options.settings,
  };
  writeSettingsFile(settingsFile, userSettings);
  const configFile = path.join(home, 'config.yaml');
  writeFileSync(configFile, 'auth: none\n');
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const args = [
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--config',
    configFile,
  ];
  if (trusted) args.push('--disable-workspace-trust');
  for (const id of options.disableExtensions ?? []) args.push('--disable-extension', id);
  // Since VS Code 1.10x the workbench ignores the URL's settings and payload (extensionTestsPath) without it.
  if (options.smokeTestDriver ?? target.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (options.folder) args.push(options.folder);
  const child = spawn(pathsOf(target).codeServerBin, args, {
    detached: true,
    stdio: ['ignore', options.quiet === false ? 'inherit' : 'pipe', options.quiet === false ? 'inherit' : 'pipe'],
    env: {
      ...envOf(target),
      ...options.env,
      XDG_CONFIG_HOME: path.join(home, 'xdg-config'),
      XDG_DATA_HOME: path.join(home, 'xdg-data'),
    },
  });
  running.add(stop);
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  try {
    await waitForHealthy(url, child, 60_000);
  } catch (err) {
    stop();
    throw new Error(`${err.message}\n${output.slice(-4000)}`);
  }
  function stop() {
    running.delete(stop);
    // Kill the whole process group: killing only the wrapper leaves a watcher behind.
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  /**
   * Rewrites the user settings with `changes` on top; the workbench watches the file and applies them.
   * The harness must be the file's only writer: the workbench rewrites it when it migrates a value it reads in
   * an older form (VS Code 1.139: "Default Light Modern" → "Light Modern", `extensions.autoUpdate: false` →
   * "off"), and such a write, made from the workbench's copy of the file just as this one lands, put the
   * previous colour theme back (the high-contrast-light theme test failed so, under load). So a file
   * someone else changed is an error that names the change, never overwritten.
   */
  function updateSettings(changes) {
    assertSettingsUnchanged(settingsFile, userSettings);
    Object.assign(userSettings, changes);
    writeSettingsFile(settingsFile, userSettings);
  }
  return {
    url,
    port,
    home,
    userDataDir,
    extensionsDir,
    child,
    stop,
    target,
    updateSettings,
    settingsOnDisk: () => readFileSync(settingsFile, 'utf8'),
    output: () => output,
  };
}

export async function installExtension(extensionsDir, vsixPath, userDataDir, target = currentTarget()) {
  await new Promise((resolve, reject) => {
    const args = [
      '--extensions-dir',
      extensionsDir,
      '--user-data-dir',
      userDataDir,
      '--install-extension',
      vsixPath,
      '--force',
    ];
    const child = spawn(pathsOf(target).codeServerBin, args, { stdio: ['ignore', 'pipe', 'pipe'], env: envOf(target) });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) =>
      code === 0 && /was successfully installed|is already installed/.test(out)
        ? resolve()
        : reject(new Error(`install-extension failed (${code}): ${out}`)),
    );
  });
}

export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export function workbenchUrl(serverUrl, folder, payload) {
  const params = new URLSearchParams();
  if (folder) params.set('folder', folder);
  if (payload) params.set('payload', JSON.stringify(payload));
  return `${serverUrl}/?${params.toString()}`;
}
