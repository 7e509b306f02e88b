// A person's view of the extension: the packaged .vsix in code-server, the workbench in Chromium.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installExtension, launchBrowser, startCodeServer, workbenchUrl } from '../harness/codeServer.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const resultsDir = path.join(root, 'test-results');

/**
 * Starts code-server with the packaged extension installed and a copy of samples/ as the workspace.
 * `files` are written into the workspace before the workbench starts, so Quick Open finds them at once.
 */
export async function openWorkbench({ files = {} } = {}) {
  const vsix = process.env.CPCPOLICY_VSIX;
  if (!vsix) throw new Error('CPCPOLICY_VSIX is not set: run the e2e suite through test/harness/runE2e.mjs');
  const home = mkdtempSync(path.join(os.tmpdir(), 'cpcpolicy-e2e-'));
  const folder = path.join(home, 'workspace');
  cpSync(path.join(root, 'samples'), folder, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content);
  const extensionsDir = path.join(home, 'extensions');
  const userDataDir = path.join(home, 'user-data');
  mkdirSync(extensionsDir, { recursive: true });
  await installExtension(extensionsDir, vsix, userDataDir);
  const server = await startCodeServer({ folder, extensionsDir, userDataDir });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // A loaded machine can take well over the default 30 s to serve the workbench.
  await page.goto(workbenchUrl(server.url, folder), { timeout: 120_000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  return {
    page,
    folder,
    async close() {
      await browser.close().catch(() => {});
      server.stop();
    },
  };
}

/** Opens the extension's view container from the activity bar, as a person would. */
export async function openCloudPcSidebar(page) {
  const item = page.locator('.activitybar .action-item a[aria-label^="Windows 365"], .activitybar .action-item .action-label[aria-label^="Windows 365"]').first();
  await item.waitFor({ timeout: 60_000 });
  await item.click();
}

export async function screenshot(page, name) {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Opens a workspace file through Quick Open (Ctrl+P), as a person would, and waits for its tab. */
export async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).first().waitFor({ timeout: 30_000 });
  // Commands whose `when` reads the editor (editorLangId) appear once the editor has focus.
  await page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ timeout: 30_000 });
}
