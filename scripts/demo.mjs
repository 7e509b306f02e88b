// `npm run demo`: build and package the extension, install it into the local code-server with
// samples/ as the workspace, serve it on 127.0.0.1 and print the URL. Ctrl+C stops everything.
// The demo is for people: no smoke-test driver (with it VS Code 1.139 shows no notification toasts).
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installExtension, startCodeServer, vscodeVersionOf } from '../test/harness/codeServer.mjs';
import { ensureCodeServer } from '../test/harness/ensureCodeServer.mjs';
import { currentTarget, pathsOf } from '../test/harness/vscodeVersions.mjs';
import { packageExtension } from './package.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8080);

const target = currentTarget();
// docs/testing.md: code-server installs in 1–3 minutes idle; with apt, the build and packaging a first run takes about 4.
if (!existsSync(pathsOf(target).codeServerBin))
  console.log(
    `First run: installing code-server ${target.codeServer} (VS Code ${target.vscode}) into .vscode-test/, once: about 4 minutes (longer on a busy machine). Later runs start in seconds.`,
  );
ensureCodeServer();
const vsix = await packageExtension();
const home = mkdtempSync(path.join(os.tmpdir(), 'cpcpolicy-demo-'));
const folder = path.join(home, 'samples');
cpSync(path.join(root, 'samples'), folder, { recursive: true });
const extensionsDir = path.join(home, 'extensions');
const userDataDir = path.join(home, 'user-data');
mkdirSync(extensionsDir, { recursive: true });
await installExtension(extensionsDir, vsix, userDataDir);
const server = await startCodeServer({ folder, extensionsDir, userDataDir, port, smokeTestDriver: false });

const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', (code) => {
  console.error(`code-server exited (${code})`);
  process.exit(code ?? 1);
});
// The version code-server itself reports, so the banner names the VS Code really served (CPCPOLICY_VSCODE).
console.log(`\nWindows 365 Cloud PC Policies is running in VS Code ${vscodeVersionOf()} (code-server).`);
console.log(
  `Open ${server.url}/?folder=${encodeURIComponent(folder)} in a browser; click the Windows 365 icon in the activity bar.`,
);
console.log('Press Ctrl+C to stop.');
