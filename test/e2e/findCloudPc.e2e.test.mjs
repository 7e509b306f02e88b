// Find a Cloud PC as a person meets it: the command (or the search button on the Cloud PCs view) lists every
// Cloud PC loaded, a user's name finds theirs, and choosing it selects its row, inside a group that was
// collapsed (the view's own type-to-filter only sees the rows of expanded groups).
import assert from 'node:assert/strict';
import {
  EXTENSION_TIMEOUT,
  UI_TIMEOUT,
  WORKBENCH_HOOK_TIMEOUT,
  openCloudPcSidebar,
  openWorkbench,
  pane,
  runCommand,
  screenshot,
  screenshotOnFailure,
  widenSidebar,
} from './workbench.mjs';

/** The demo tenant's Cloud PC in its grace period: its group starts collapsed. */
const IN_GRACE = 'CPC-alla-C7827';

describe('Find a Cloud PC', function () {
  let wb;

  before(async function () {
    this.timeout(WORKBENCH_HOOK_TIMEOUT);
    wb = await openWorkbench();
    await openCloudPcSidebar(wb.page);
    await widenSidebar(wb.page);
    await pane(wb.page, 'Cloud PCs')
      .locator('.monaco-list-row', { hasText: /^In grace period\s*\d+$/ })
      .first()
      .waitFor({ timeout: EXTENSION_TIMEOUT });
  });

  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, wb?.page);
  });

  after(async function () {
    await wb?.close();
  });

  it("finds a Cloud PC by its user's name and selects its row in a collapsed group", async function () {
    const { page } = wb;
    const cloudPcs = pane(page, 'Cloud PCs');
    assert.equal(await cloudPcs.locator('.monaco-list-row', { hasText: IN_GRACE }).count(), 0, 'not shown at first');
    await runCommand(page, 'Cloud PC: Find a Cloud PC…');
    const input = page.locator('.quick-input-widget input');
    await input.fill('allan');
    const entry = page.locator('.quick-input-list .monaco-list-row', { hasText: IN_GRACE }).first();
    await entry.waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'find-cloud-pc-pick');
    await page.keyboard.press('Enter');
    const selected = cloudPcs.locator('.monaco-list-row.selected', { hasText: IN_GRACE }).first();
    await selected.waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'find-cloud-pc-revealed');
    assert.equal(
      await cloudPcs
        .locator('.monaco-list-row[aria-level="1"]', { hasText: /^In grace period\s*\d+$/ })
        .first()
        .getAttribute('aria-expanded'),
      'true',
      'its group is expanded',
    );
  });
});
