// `npm run demo`: build and package the extension, install it into the local code-server with
// samples/ as the workspace, serve it on 127.0.0.1 and print the URL. Ctrl+C stops everything.
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installExtension, startCodeServer } from '../test/harness/codeServer.mjs';
import { ensureCodeServer } from '../test/harness/ensureCodeServer.mjs';
import { packageExtension } from './package.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8080);

ensureCodeServer();
const vsix = await packageExtension();
const home = mkdtempSync(path.join(os.tmpdir(), 'cpcpolicy-demo-'));
const folder = path.join(home, 'samples');
cpSync(path.join(root, 'samples'), folder, { recursive: true });
const extensionsDir = path.join(home, 'extensions');
const userDataDir = path.join(home, 'user-data');
mkdirSync(extensionsDir, { recursive: true });
await installExtension(extensionsDir, vsix, userDataDir);
const server = await startCodeServer({ folder, extensionsDir, userDataDir, port });

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
console.log(`\nWindows 365 Cloud PC Policies is running in VS Code ${'1.100.3'} (code-server).`);
console.log(
  `Open ${server.url}/?folder=${encodeURIComponent(folder)} in a browser; click the Windows 365 icon in the activity bar.`,
);
console.log('Press Ctrl+C to stop.');
