import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import {
  UI_TIMEOUT,
  WORKBENCH_HOOK_TIMEOUT,
  openCloudPcSidebar,
  openWorkbench,
  screenshot,
  screenshotOnFailure,
} from './workbench.mjs';

describe('the Windows 365 sidebar in the workbench', function () {
  let wb;

  before(async function () {
    // Installing the .vsix, starting code-server and the workbench's first paint: minutes on a loaded machine.
    this.timeout(WORKBENCH_HOOK_TIMEOUT);
    wb = await openWorkbench();
  });

  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, wb?.page);
  });

  after(async function () {
    await wb?.close();
  });

  it('shows the Provisioning Policies and Cloud PCs views', async function () {
    await openCloudPcSidebar(wb.page);
    const sidebar = wb.page.locator('.part.sidebar');
    for (const title of ['Provisioning Policies', 'Cloud PCs']) {
      await sidebar.locator('.pane-header', { hasText: title }).first().waitFor({ timeout: UI_TIMEOUT });
    }
    // A rendered view has a body: its tree rows or its welcome content.
    await sidebar.locator('.pane-body .monaco-list, .pane-body .welcome-view').first().waitFor({ timeout: UI_TIMEOUT });
    const file = await screenshot(wb.page, 'e2e-views');
    assert.ok(existsSync(file) && statSync(file).size > 10_000, 'a non-trivial screenshot was written');
  });
});
