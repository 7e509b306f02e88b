// An admin's everyday flows in the workbench, where habits form: destructive actions ask first and Enter
// keeps things as they are. Each test waits for what a person would see and leaves a PNG in test-results/.
import assert from 'node:assert/strict';
import { contextMenu, openCloudPcSidebar, openWorkbench, row, screenshot, widenSidebar } from './workbench.mjs';

const LABEL_TIMEOUT = 45_000;

function pane(page, title) {
  return page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: title }) }).first();
}

describe('admin flows e2e: questions, deploy by identity, signed out', function () {
  let wb;

  before(async function () {
    wb = await openWorkbench();
    await openCloudPcSidebar(wb.page);
    await widenSidebar(wb.page);
    await row(wb.page, 'Contoso Finance (hybrid)').waitFor({ timeout: LABEL_TIMEOUT });
  });

  after(async function () {
    await wb?.close();
  });

  // Skipped until made steady: it timed out on a loaded machine in a fresh-clone run (the modal's wait); the questions are covered in test/integration/questions.test.ts.
  it('Reprovision asks first with "Keep the Cloud PC" focused: Enter keeps it', async function () {
    const { page } = wb;
    const cloudPcs = pane(page, 'Cloud PCs');
    const group = cloudPcs.locator('.monaco-list-row', { hasText: /^Provisioned\s*\d+$/ }).first();
    await group.waitFor({ timeout: LABEL_TIMEOUT });
    const before = (await group.innerText()).match(/\d+/)[0];
    await group.click();
    await page.keyboard.press('ArrowRight');
    const pcRow = cloudPcs.locator('.monaco-list-row[aria-level="2"]').first();
    await pcRow.waitFor({ timeout: LABEL_TIMEOUT });
    // No destructive button sits on the row: a row that leaves its group can't slide one under the pointer.
    await pcRow.hover();
    assert.equal(await pcRow.locator('.actions .action-label[aria-label="Reprovision"]').count(), 0);
    const name = (await pcRow.locator('.label-name').first().innerText()).trim();
    await contextMenu(page, name, 'Reprovision');
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'Reprovision this Cloud PC?' }).first();
    await dialog.waitFor({ timeout: LABEL_TIMEOUT });
    await dialog.locator('.monaco-button', { hasText: 'Keep the Cloud PC' }).first().waitFor();
    assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ''), /Keep the Cloud PC/, 'the safe button has the focus');
    await screenshot(page, 'questions-reprovision');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    assert.equal((await group.innerText()).match(/\d+/)[0], before, 'nothing was reprovisioned');
  });

  // Skipped until made steady: it timed out on a loaded machine in a fresh-clone run (the modal's wait); the questions are covered in test/integration/questions.test.ts.
  it('Delete Policy wants the name typed: Enter on the empty box deletes nothing', async function () {
    const { page } = wb;
    await contextMenu(page, 'Contoso Finance (hybrid)', 'Delete Policy');
    const box = page.locator('.quick-input-widget', { hasText: 'Delete the provisioning policy "Contoso Finance (hybrid)"?' }).first();
    await box.waitFor({ timeout: LABEL_TIMEOUT });
    await page.locator('.quick-input-widget', { hasText: /enter the 7-day grace period/ }).first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'questions-delete-typed');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await box.waitFor({ state: 'hidden', timeout: 15_000 });
    await row(page, 'Contoso Finance (hybrid)').waitFor({ timeout: 15_000 });
  });
});

