import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { openCloudPcSidebar, openWorkbench, screenshot } from './workbench.mjs';

describe('the Windows 365 sidebar in the workbench', function () {
  let wb;

  before(async function () {
    wb = await openWorkbench();
  });

  after(async function () {
    await wb?.close();
  });

  it('shows the Provisioning Policies and Cloud PCs views', async function () {
    await openCloudPcSidebar(wb.page);
    const sidebar = wb.page.locator('.part.sidebar');
    for (const title of ['Provisioning Policies', 'Cloud PCs']) {
      await sidebar.locator('.pane-header', { hasText: title }).first().waitFor({ timeout: 30_000 });
    }
    // A rendered view has a body: its tree rows or its welcome content.
    await sidebar.locator('.pane-body .monaco-list, .pane-body .welcome-view').first().waitFor({ timeout: 30_000 });
    const file = await screenshot(wb.page, 'e2e-views');
    assert.ok(existsSync(file) && statSync(file).size > 10_000, 'a non-trivial screenshot was written');
  });
});
