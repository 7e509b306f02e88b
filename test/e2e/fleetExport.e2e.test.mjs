// Export a Fleet Overview table as a person does: the Export… button beside a table's heading asks how (copy or
// file, CSV or JSON), the save dialog proposes a name carrying the tenant and the time in the workspace folder,
// and the file written holds the panel's numbers. The webview only asks; the extension writes the file.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { scaled } from '../harness/timeoutScale.mjs';
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
  waitForNotification,
  waitUntil,
} from './workbench.mjs';

/** The webview's page: VS Code nests it in two iframes. */
function fleetFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

const EXPORTED = /^cloud-pcs-by-status-simulator-\d{4}-\d\d-\d\dT\d{4}Z\.csv$/;

describe('Fleet Overview export', function () {
  let wb;

  before(async function () {
    this.timeout(WORKBENCH_HOOK_TIMEOUT);
    wb = await openWorkbench();
    await openCloudPcSidebar(wb.page);
    await pane(wb.page, 'Cloud PCs')
      .locator('.monaco-list-row', { hasText: 'Provisioned' })
      .first()
      .waitFor({ timeout: EXTENSION_TIMEOUT });
  });

  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, wb?.page);
  });

  after(async function () {
    await wb?.close();
  });

  it("exports the status table as CSV through its Export… button and the save dialog's proposed name", async function () {
    this.timeout(scaled(300_000));
    const { page } = wb;
    await runCommand(page, 'Cloud PC: Show Fleet Overview');
    const frame = fleetFrame(page);
    await frame
      .locator('.bar-row', { hasText: 'Contoso Standard (East US 2)' })
      .locator('.bar-total', { hasText: /^34$/ })
      .waitFor({ timeout: EXTENSION_TIMEOUT });
    await screenshot(page, 'fleet-export-buttons');
    await frame.locator('vscode-button[data-key="export:status"]').click();
    const input = page.locator('.quick-input-widget input');
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: 'Export as CSV…' })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    await input.fill('Export as CSV');
    await page.keyboard.press('Enter');
    // The save dialog (VS Code's own, a quick input in the browser) proposes the workspace folder and a name
    // carrying the tenant and the time.
    await waitUntil(
      async () => /cloud-pcs-by-status-simulator-.*\.csv$/.test(await input.inputValue().catch(() => '')),
      'the save dialog to propose the export name',
    );
    const proposed = await input.inputValue();
    await screenshot(page, 'fleet-export-save-dialog');
    assert.ok(path.basename(proposed).match(EXPORTED), proposed);
    await page.keyboard.press('Enter');
    let written;
    await waitUntil(() => {
      written = readdirSync(wb.folder).find((f) => EXPORTED.test(f));
      return written !== undefined;
    }, 'the export file in the workspace folder');
    // Its report (in VS Code 1.139 a bell's dot, not a toast: the helper opens the notification center).
    await waitForNotification(page, /^Exported \d+ rows of /);
    await screenshot(page, 'fleet-export-written');
    const lines = readFileSync(path.join(wb.folder, written), 'utf8').trimEnd().split('\r\n');
    assert.match(lines[0], /^Policy,Policy id,Provisioning,Provisioned,.*,Total,tenant,exportedAt$/);
    // Demo tenant: Standard holds 34 Cloud PCs, Finance 8, as the panel's bars say.
    const standard = lines.find((l) => l.startsWith('Contoso Standard (East US 2),'));
    assert.match(standard ?? '', /,34,Simulator,\d{4}-\d\d-\d\dT[\d:.]+Z$/, standard);
    assert.ok(
      lines.some((l) => /^Contoso Finance \(hybrid\),.*,8,Simulator,/.test(l)),
      lines.join('\n'),
    );
  });
});
