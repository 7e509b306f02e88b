// A person's view of the extension: the packaged .vsix in code-server, the workbench in Chromium.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installExtension, launchBrowser, startCodeServer, workbenchUrl } from '../harness/codeServer.mjs';
import { scaled } from '../harness/timeoutScale.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const resultsDir = path.join(root, 'test-results');
// Every deadline below is measured on our 2-core machine with both cores busy and stretched by one factor
// (scaled: CPCPOLICY_TIMEOUT_SCALE, 2 on CI), so a slower machine gets longer deadlines, never other waits.
/** The workbench's first paint: a few seconds here, over a minute with both cores busy. */
const WORKBENCH_TIMEOUT = scaled(150_000);
/** One step of the UI (a palette entry, a tab, a quick pick row): 15 s was too short with both cores busy. */
export const UI_TIMEOUT = scaled(60_000);
/**
 * An answer that needs the extension host: the extension's first activation after a start or a reload (the
 * host starts after the workbench paints), the views' first rows, the first diagnostics or CodeLens.
 */
export const EXTENSION_TIMEOUT = scaled(120_000);
/** A `before` hook that opens a workbench: the install, the server start and both waits above fit in it. */
export const WORKBENCH_HOOK_TIMEOUT = scaled(600_000);
/**
 * How long one try of a retried step (a hover, a click on a twistie, F1) waits for its effect before trying
 * again: longer than the effect takes on a busy machine, or the retry undoes a click that was about to land.
 */
export const RETRY_TIMEOUT = scaled(5_000);

/**
 * Starts code-server with the packaged extension installed and a copy of samples/ as the workspace.
 * `files` are written into the workspace before the workbench starts, so Quick Open finds them at once;
 * `settings` join the user settings; `extensions` are more .vsix files to install, `disableExtensions`
 * ids the server starts without.
 */
export async function openWorkbench({
  files = {},
  trusted = true,
  settings = {},
  extensions = [],
  disableExtensions = [],
} = {}) {
  const vsix = process.env.CPCPOLICY_VSIX;
  if (!vsix) throw new Error('CPCPOLICY_VSIX is not set: run the e2e suite through test/harness/runE2e.mjs');
  const home = mkdtempSync(path.join(os.tmpdir(), 'cpcpolicy-e2e-'));
  const folder = path.join(home, 'workspace');
  cpSync(path.join(root, 'samples'), folder, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content);
  const extensionsDir = path.join(home, 'extensions');
  const userDataDir = path.join(home, 'user-data');
  mkdirSync(extensionsDir, { recursive: true });
  for (const file of [vsix, ...extensions]) await installExtension(extensionsDir, file, userDataDir);
  const server = await startCodeServer({ folder, extensionsDir, userDataDir, trusted, settings, disableExtensions });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // An action with no deadline of its own (a click, a hover, innerText) waits as long as one UI step, not
  // Playwright's 30 s, which does not scale with the machine.
  page.setDefaultTimeout(UI_TIMEOUT);
  // Not the load event (Playwright's 30 s default is too short on a loaded machine): wait for the workbench.
  await page.goto(workbenchUrl(server.url, folder), { waitUntil: 'commit', timeout: WORKBENCH_TIMEOUT });
  await page.waitForSelector('.monaco-workbench', { timeout: WORKBENCH_TIMEOUT });
  await closeSecondarySideBar(page);
  return {
    page,
    folder,
    /** Changes user settings as a person's settings.json edit would; the workbench applies them live. */
    updateSettings: (changes) => server.updateSettings(changes),
    /** The user settings.json as it is on disk now (a failure message shows it). */
    settingsOnDisk: () => server.settingsOnDisk(),
    async close() {
      await browser.close().catch(() => {});
      server.stop();
    },
  };
}

/** Opens the extension's view container from the activity bar, as a person would. */
export async function openCloudPcSidebar(page) {
  const item = page
    .locator(
      '.activitybar .action-item a[aria-label^="Windows 365"], .activitybar .action-item .action-label[aria-label^="Windows 365"]',
    )
    .first();
  await item.waitFor({ timeout: UI_TIMEOUT });
  await item.click();
}

/** The VS Code the suite runs in (set by runE2e from `code-server --version`): screenshots carry it. */
export const vscodeVersion = process.env.CPCPOLICY_VSCODE_VERSION ?? 'unknown';

/**
 * VS Code 1.139 opens the Chat view in the secondary side bar on first start; a person closes it, and so do
 * we, so screenshots show the extension. Waits for the part to settle first (it is laid out after load).
 */
async function closeSecondarySideBar(page) {
  await page.waitForSelector('.part.statusbar', { timeout: WORKBENCH_TIMEOUT });
  const aux = page.locator('.part.auxiliarybar');
  if ((await aux.count()) === 0 || !(await aux.first().isVisible())) return;
  await runPaletteCommand(page, 'View: Hide Secondary Side Bar', 'View: Close Secondary Side Bar');
  await aux.first().waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/**
 * Developer: Reload Window, as a person reloads VS Code. Unlike a browser reload (Playwright's page.reload),
 * the workbench first saves its state (which editors are open) and only then reloads; a browser reload left
 * that save racing the page's unload, and on a busy machine the reloaded window came back without its tabs.
 */
export async function reloadWindow(page) {
  const navigated = page.waitForEvent('framenavigated', {
    predicate: (frame) => frame === page.mainFrame(),
    timeout: WORKBENCH_TIMEOUT,
  });
  await runCommand(page, 'Developer: Reload Window');
  await navigated;
  await page.waitForSelector('.monaco-workbench', { timeout: WORKBENCH_TIMEOUT });
  await page.waitForSelector('.part.statusbar', { timeout: WORKBENCH_TIMEOUT });
}

/** The extension's backend item in the status bar (id: publisher.name.item): shown as activate() runs. */
const BACKEND_STATUS_ITEM = '.part.statusbar [id$="cpcpolicy.backend"]';

/**
 * Reloads the window (reloadWindow) and waits until its new extension host has activated the extension: its
 * status bar item shows (a visible Windows 365 view activates it). VS Code gives the remote extension host a fixed
 * 60 s from launch to its handshake and does not retry: under load a host took 57 s, the window gave up on it
 * without a word (its log stops at the workspace lock, nothing activates, not even the built-in extensions) and
 * every command of the extension answered "command '…' not found". No deadline of ours can stretch that one, so
 * this reloads once more, and says so; a second window without the extension fails, naming the cause.
 */
export async function reloadWindowWithExtension(page) {
  for (let attempt = 1; ; attempt++) {
    await reloadWindow(page);
    const item = page.locator(BACKEND_STATUS_ITEM).first();
    if (
      await item.waitFor({ state: 'attached', timeout: EXTENSION_TIMEOUT }).then(
        () => true,
        () => false,
      )
    )
      return;
    const why = `the extension was not active ${EXTENSION_TIMEOUT / 1000} s after a window reload (no backend item in the status bar): the window's extension host did not start (VS Code's 60 s start deadline) or activate() failed`;
    if (attempt === 2) throw new Error(`${why}, twice`);
    console.log(`      [e2e] ${why}; reloading once more`);
  }
}

/** Runs a command from the palette by the first of its titles the palette lists. */
async function runPaletteCommand(page, ...titles) {
  const input = await openPalette(page);
  for (const title of titles) {
    await input.fill(`>${title}`);
    const entry = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    if (
      await entry.waitFor({ timeout: scaled(20_000) }).then(
        () => true,
        () => false,
      )
    ) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  await page.keyboard.press('Escape');
  throw new Error(`none of these commands is in the palette: ${titles.join(', ')}`);
}

/** For an `afterEach` hook: a failed test leaves the workbench as it was then (`failed-<title>`). */
export async function screenshotOnFailure(test, page) {
  if (test?.state !== 'failed' || !page) return;
  await screenshot(page, `failed-${test.title.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}`).catch(() => {});
}

export async function screenshot(page, name) {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.vscode-${vscodeVersion}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Opens a workspace file through Quick Open (Ctrl+P), as a person would, and waits for its tab. */
export async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: UI_TIMEOUT });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).first().waitFor({ timeout: UI_TIMEOUT });
  // Commands whose `when` reads the editor (editorLangId) appear once the editor has focus.
  await page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ timeout: UI_TIMEOUT });
}

/**
 * Opens the command palette (F1) and returns its input. Just after a reload a restored webview can hold the
 * focus before it forwards keys to the workbench, and that F1 is lost: press it again, until the deadline.
 */
async function openPalette(page) {
  const input = page.locator('.quick-input-widget input');
  await page.keyboard.press('F1');
  await waitUntil(async () => {
    if (
      await input.waitFor({ timeout: RETRY_TIMEOUT }).then(
        () => true,
        () => false,
      )
    )
      return true;
    await page.keyboard.press('F1');
    return false;
  }, 'the command palette to open');
  return input;
}

/** Runs a command from the palette (F1), as a person would. */
export async function runCommand(page, title) {
  let input = await openPalette(page);
  // The palette closes when something else takes the focus as it lays out (a walkthrough focusing its first
  // step late on a busy machine): open it again once rather than wait on a hidden input.
  if (
    !(await input.fill(`>${title}`, { timeout: RETRY_TIMEOUT }).then(
      () => true,
      () => false,
    ))
  ) {
    input = await openPalette(page);
    await input.fill(`>${title}`);
  }
  const entry = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  // The palette lists the commands known when the query was typed and does not list again when more arrive: an
  // extension's commands come with its extension host, which VS Code 1.139 starts after the workbench (it showed
  // only "similar commands" for 2 minutes). Type the query again every few seconds, as a person would.
  let typed = Date.now();
  await waitUntil(async () => {
    if (await entry.isVisible()) return true;
    if (Date.now() - typed > RETYPE_AFTER) {
      await input.fill('>');
      await input.fill(`>${title}`);
      typed = Date.now();
    }
    return false;
  }, `the command palette to list "${title}"`);
  await page.keyboard.press('Enter');
}

/** How long the palette may show a query without the command before it is typed again. */
const RETYPE_AFTER = scaled(5_000);

/** One view (pane) of the sidebar by its title, e.g. "Cloud PCs". */
export function pane(page, title) {
  return page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: title }) }).first();
}

/** A tree row of one pane whose label is exactly `name` (descriptions and counts aside). */
export function namedRow(paneLocator, name) {
  return paneLocator
    .locator('.monaco-list-row', {
      has: paneLocator.page().locator('.label-name', { hasText: new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`) }),
    })
    .first();
}

/** Polls `check` until it holds (the tree renders rows in frames of its own). */
export async function waitUntil(check, what, timeout = UI_TIMEOUT) {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The label of the first row under the level-1 row `groupLabel` (by the list's own order). */
/**
 * Hovers `target` until `expected` (a hover widget) shows. The editor's layout can move between the
 * pointer's aim and its arrival (a CodeLens line appears above the policy once the tenant is read), so one
 * hover may land on the line above: move away and aim again, until the deadline.
 */
export async function hoverUntil(page, target, expected, timeout = UI_TIMEOUT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    await target.hover();
    if (
      await expected.waitFor({ timeout: RETRY_TIMEOUT }).then(
        () => true,
        () => false,
      )
    )
      return;
    if (Date.now() > deadline) throw new Error('the expected hover never showed');
    await page.mouse.move(0, 0);
  }
}

export async function firstChildOf(paneLocator, groupLabel) {
  return paneLocator.evaluate((el, wanted) => {
    const rows = [...el.querySelectorAll('.monaco-list-row')].sort(
      (a, b) => Number(a.dataset.index) - Number(b.dataset.index),
    );
    const at = rows.findIndex(
      (r) => r.getAttribute('aria-level') === '1' && r.querySelector('.label-name')?.textContent?.trim() === wanted,
    );
    const next = at >= 0 ? rows[at + 1] : undefined;
    return next?.getAttribute('aria-level') === '2'
      ? next.querySelector('.label-name')?.textContent?.trim()
      : undefined;
  }, groupLabel);
}

/**
 * Expands the status group `label` of the Cloud PCs view (its row reads "<label> <count>"). A click can land on
 * the row that moved under the pointer (seen in 1.139 when the demo's joiner left its group): the twistie is
 * clicked until the group's own row says it is expanded.
 */
export async function expandGroup(paneLocator, label) {
  const heading = new RegExp(`^${label}\\s*\\d+$`);
  const group = paneLocator.locator('.monaco-list-row[aria-level="1"]', { hasText: heading }).first();
  await group.waitFor({ timeout: UI_TIMEOUT });
  const expanded = paneLocator
    .locator('.monaco-list-row[aria-level="1"][aria-expanded="true"]', { hasText: heading })
    .first();
  const deadline = Date.now() + UI_TIMEOUT;
  while ((await group.getAttribute('aria-expanded')) !== 'true') {
    if (Date.now() > deadline) throw new Error(`the ${label} group could not be expanded`);
    await group.locator('.monaco-tl-twistie').click();
    await expanded.waitFor({ timeout: RETRY_TIMEOUT }).catch(() => {});
  }
}

/**
 * A notification whose message matches `text` (a string or a RegExp): a toast once faded in, or a row of the
 * notification center (VS Code 1.139 in code-server shows no toasts here: the bell gets its dot instead).
 */
export function notification(page, text) {
  const message = page.locator('.notification-list-item-message', { hasText: text });
  return page
    .locator(
      '.notifications-toasts .notification-toast.notification-fade-in-done .notification-list-item, .notifications-center .notification-list-item',
      { has: message },
    )
    .first();
}

/**
 * Waits for a notification matching `text`. When one arrives without a toast, the notification center is opened,
 * as a person would on seeing the bell's dot. A timeout names the notifications that were shown instead.
 */
export async function waitForNotification(page, text, timeout = UI_TIMEOUT) {
  const unread = page.locator('.part.statusbar [id="status.notifications"] .codicon-bell-dot').first();
  const anyToast = page.locator('.notifications-toasts .notification-toast').first();
  const center = page.locator('.notifications-center.visible').first();
  try {
    await waitUntil(
      async () => {
        if (await notification(page, text).isVisible()) return true;
        if ((await unread.isVisible()) && !(await anyToast.isVisible()) && !(await center.isVisible()))
          await runCommand(page, 'Notifications: Show Notifications');
        return false;
      },
      `a notification ${text}`,
      timeout,
    );
  } catch (err) {
    const shown = await page
      .locator('.notification-list-item-message')
      .allInnerTexts()
      .catch(() => []);
    throw new Error(`${err.message}; shown: ${JSON.stringify(shown)}`);
  }
}

/** Notifications: Clear All Notifications, so a screenshot shows the step's own report. */
export async function clearNotifications(page) {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page
    .locator('.notifications-toasts .notification-toast')
    .first()
    .waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  if (await page.locator('.notifications-center.visible').first().isVisible())
    await runCommand(page, 'Notifications: Hide Notifications');
  await page.locator('.notifications-center.visible').first().waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** The first sidebar row showing `text`. */
export function row(page, text) {
  return page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first();
}

/** A wider sidebar (`width` px) so the screenshots show descriptions (counts, users, failure messages) in full. */
export async function widenSidebar(page, width = 720) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + width, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** Waits for the finite animations in and around `locator` to finish (a menu fading in), so a screenshot shows it whole. */
export async function animationsDone(locator) {
  await locator.evaluate((el) => {
    // A context menu lives in a shadow root under the workbench's context view, which fades in.
    const inner = el.closest('.monaco-menu-container, .notification-toast') ?? el;
    const outer = (el.getRootNode().host ?? el).closest('.context-view') ?? inner;
    const animations = [
      ...new Set([...outer.getAnimations({ subtree: true }), ...inner.getAnimations({ subtree: true })]),
    ];
    return Promise.all(
      animations.filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => {})),
    );
  });
}

/** Right-clicks a row (a locator) and waits for its context menu to offer `entry`; returns that entry. */
export async function openContextMenu(page, rowLocator, entry) {
  await rowLocator.click({ button: 'right' });
  const item = page.locator('.monaco-menu .action-item', { hasText: entry }).first();
  await item.waitFor({ timeout: UI_TIMEOUT });
  return item;
}

/**
 * Right-clicks a row (a locator) and runs its context-menu entry `entry`: the pointer shows the entry, Enter
 * runs it. A mouse click on the entry did nothing in two runs on a busy machine (the menu stayed open, its
 * entry highlighted, while the tree under it redrew); Enter runs the menu's focused entry.
 */
export async function contextMenu(page, rowLocator, entry) {
  const item = await openContextMenu(page, rowLocator, entry);
  await item.hover();
  await page.locator('.monaco-menu .action-item.focused', { hasText: entry }).first().waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Enter');
  await item.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
}
