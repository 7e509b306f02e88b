// New Cloud PC Policy File as a person meets it across a window reload: a draft typed in one new file survives
// the reload in its own tab, and the next new file is a new, empty document with a name no tab has, holding the
// template once and nothing of the draft.
import assert from 'node:assert/strict';
import { scaled } from '../harness/timeoutScale.mjs';
import {
  EXTENSION_TIMEOUT,
  UI_TIMEOUT,
  WORKBENCH_HOOK_TIMEOUT,
  openWorkbench,
  reloadWindow,
  runCommand,
  screenshot,
  screenshotOnFailure,
  waitUntil,
} from './workbench.mjs';

const DRAFT = 'Draft typed before the reload';

/** The names of the editor tabs, in order. */
async function tabNames(page) {
  return (await page.locator('.editor-group-container .tab .label-name').allInnerTexts()).map((t) => t.trim());
}

describe('New Cloud PC Policy File after a window reload', function () {
  let wb;

  before(async function () {
    this.timeout(WORKBENCH_HOOK_TIMEOUT);
    wb = await openWorkbench();
  });

  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, wb?.page);
  });

  after(async function () {
    await wb?.close();
  });

  it('opens a new, empty document with a name no tab has, never the restored draft with the template spliced in', async function () {
    // Two first activations of the extension (at the start and after the reload), minutes each under load.
    this.timeout(scaled(600_000));
    const { page } = wb;
    // The command activates the extension: the host starts after the workbench paints.
    await runCommand(page, 'Cloud PC: New Cloud PC Policy File');
    const editor = page.locator('.editor-instance .view-lines').first();
    await editor
      .locator('.view-line', { hasText: '"displayName": "Finance dedicated"' })
      .waitFor({ timeout: EXTENSION_TIMEOUT });
    // The snippet selects the name: typing replaces it, as a person names the policy.
    await page.keyboard.type(DRAFT);
    await editor.locator('.view-line', { hasText: DRAFT }).waitFor({ timeout: UI_TIMEOUT });
    const before = await tabNames(page);
    await reloadWindow(page);
    await waitUntil(async () => (await tabNames(page)).includes(before.at(-1)), 'the draft tab restored');
    await runCommand(page, 'Cloud PC: New Cloud PC Policy File');
    // The reloaded window's extension host starts again and activates the extension on this command.
    await waitUntil(async () => (await tabNames(page)).length === before.length + 1, 'a second tab', EXTENSION_TIMEOUT);
    const active = page.locator('.editor-group-container.active .tab.active .label-name').first();
    const activeName = (await active.innerText()).trim();
    const lines = page.locator('.editor-group-container.active .editor-instance .view-lines').first();
    await lines
      .locator('.view-line', { hasText: '"displayName": "Finance dedicated"' })
      .waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'new-policy-file-after-reload');
    const names = await tabNames(page);
    assert.equal(names.filter((n) => n === activeName).length, 1, `one tab named ${activeName}: ${names.join(', ')}`);
    assert.equal(await lines.locator('.view-line', { hasText: DRAFT }).count(), 0, 'nothing of the draft');
    assert.equal(await lines.locator('.view-line', { hasText: '"displayName"' }).count(), 1, 'the template once');
    await page.keyboard.press('Escape');
  });
});
