// Installs what the real-VS-Code suites need, once, into a git-ignored cache (see docs/testing.md):
// Debian packages through apt-get, then code-server 4.100.3 (= VS Code 1.100.3) from npm.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cacheDir = path.join(root, '.vscode-test', 'code-server');
export const codeServerBin = path.join(cacheDir, 'node_modules', '.bin', 'code-server');
export const chromiumPath = '/usr/bin/chromium';

const DEBIAN_PACKAGES = [
  { pkg: 'libkrb5-dev', present: () => existsSync('/usr/include/krb5.h') || existsSync('/usr/include/gssapi/gssapi.h') },
  { pkg: 'ripgrep', present: () => existsSync('/usr/bin/rg') },
  { pkg: 'chromium', present: () => existsSync(chromiumPath) },
];

function log(message) {
  process.stderr.write(`[harness] ${message}\n`);
}

function ensureDebianPackages() {
  const missing = DEBIAN_PACKAGES.filter((p) => !p.present()).map((p) => p.pkg);
  if (missing.length === 0) return;
  log(`installing Debian packages: ${missing.join(' ')}`);
  const sudo = process.getuid && process.getuid() === 0 ? [] : ['sudo'];
  const run = (args) => {
    const [cmd, ...rest] = [...sudo, ...args];
    const r = spawnSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed with exit code ${r.status}`);
  };
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', ...missing]);
}

// @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already has the asset: seed it.
function seedRipgrepCache() {
  const dir = path.join(os.tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const file = path.join(dir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (existsSync(file)) return;
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['czf', file, '-C', '/usr/bin', 'rg']);
}

export function ensureCodeServer() {
  ensureDebianPackages();
  if (existsSync(codeServerBin)) return codeServerBin;
  seedRipgrepCache();
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(path.join(cacheDir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }));
  log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(root, cacheDir)} (about a minute, once)`);
  // node-gyp is very chatty: its output goes to a log file, shown only when the install fails.
  const logFile = path.join(cacheDir, 'install.log');
  const r = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`, '--foreground-scripts'], {
    cwd: cacheDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
  });
  writeFileSync(logFile, `${r.stdout ?? ''}${r.stderr ?? ''}`);
  if (r.status !== 0 || !existsSync(codeServerBin)) {
    process.stderr.write(String(r.stderr ?? '').slice(-6000));
    throw new Error(`installing code-server failed (exit code ${r.status}); full log: ${logFile}`);
  }
  return codeServerBin;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureCodeServer();
  log(`code-server ready: ${codeServerBin}`);
}
