// An admin's everyday steps on the demo tenant, as a person sees them: a deployed policy opens without
// findings, a new policy file and a sample deploy whole, actions say what happened (the simulated clock is
// visible, grace ends read as relative times), a failed Cloud PC offers Retry alone and enum values read as
// words. Each test takes its screenshot once the workbench shows the step's outcome, then checks what it says,
// so a run against an older build leaves pictures of how it looked there.
import assert from 'node:assert/strict';
import {
  EXTENSION_TIMEOUT,
  UI_TIMEOUT,
  WORKBENCH_HOOK_TIMEOUT,
  animationsDone,
  clearNotifications,
  contextMenu,
  expandGroup,
  firstChildOf,
  namedRow,
  notification,
  openCloudPcSidebar,
  openContextMenu,
  openWorkbench,
  pane,
  quickOpen,
  runCommand,
  screenshot,
  screenshotOnFailure,
  waitForNotification,
  waitUntil,
  widenSidebar,
} from './workbench.mjs';

const STANDARD = 'Contoso Standard (East US 2)';
const SAMPLE_FILE = 'finance-dedicated.cpcpolicy.json';
const SAMPLE_POLICY = 'Finance dedicated';
const BROKEN_FILE = 'naming-template-broken.cpcpolicy.json';

/** The numbers the status bar's Problems item shows (errors, warnings, infos). */
async function problemCounts(page) {
  const text = await page.locator('.part.statusbar [id="status.problems"]').first().innerText();
  return (text.match(/\d+/g) ?? []).map(Number);
}

/** Expands the Cloud PCs view's group `label` and returns the name of the first Cloud PC in it. */
async function firstInGroup(cloudPcs, label) {
  await expandGroup(cloudPcs, label);
  let name;
  await waitUntil(async () => (name = await firstChildOf(cloudPcs, label)) !== undefined, `a Cloud PC under ${label}`);
  return name;
}

describe('everyday flows e2e: no false findings, deploy whole, say what happened', function () {
  let wb;

  before(async function () {
    this.timeout(WORKBENCH_HOOK_TIMEOUT);
    wb = await openWorkbench();
    await openCloudPcSidebar(wb.page);
    await widenSidebar(wb.page);
    await namedRow(pane(wb.page, 'Provisioning Policies'), STANDARD).waitFor({ timeout: EXTENSION_TIMEOUT });
  });

  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, wb?.page);
    // A failed test may leave a menu or a question open: close it so the next test starts clean.
    if (this.currentTest?.state === 'failed') await wb?.page.keyboard.press('Escape');
  });

  after(async function () {
    await wb?.close();
  });

  // First, while no other policy document is open: the Problems count is this document's alone.
  it('Open Deployed shows a demo policy with no problems and no null geographicLocationType', async function () {
    const { page } = wb;
    await contextMenu(page, namedRow(pane(page, 'Provisioning Policies'), STANDARD), 'Open Deployed Policy');
    const lines = page.locator('.editor-instance .view-lines').first();
    await page
      .locator('.editor-instance .view-lines', { hasText: `"displayName": "${STANDARD}"` })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    // The name preview (an inlay hint after the template) says the extension has read the document.
    await page
      .locator('.editor-instance .view-lines', { hasText: '→' })
      .first()
      .waitFor({ timeout: EXTENSION_TIMEOUT });
    await page.locator('.part.statusbar [id="status.problems"]').first().click();
    const problems = page.locator('.markers-panel').first();
    await problems.waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'everyday-open-deployed-no-problems');
    assert.equal(
      await lines.locator('.view-line', { hasText: 'geographicLocationType' }).count(),
      0,
      'no server-set null in the document',
    );
    await page
      .locator('.markers-panel', { hasText: 'No problems have been detected' })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    assert.deepEqual(
      (await problemCounts(page)).filter((n) => n !== 0),
      [],
      'the status bar counts no problems',
    );
    await page.locator('.part.statusbar [id="status.problems"]').first().click();
    await problems.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  });

  it('New Cloud PC Policy File leaves the groups to choose instead of a made-up group id', async function () {
    const { page } = wb;
    // The deployed policy's tab goes, so the Problems count is the new file's alone.
    await runCommand(page, 'View: Close All Editors');
    await page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await runCommand(page, 'Cloud PC: New Cloud PC Policy File');
    // The snippet's placeholder name: no other open document holds it.
    const lines = page
      .locator('.editor-instance .view-lines', { hasText: '"displayName": "Finance dedicated"' })
      .first();
    // Checked once the text is in: the name preview is drawn and the empty document's finding is gone.
    await lines
      .locator('.view-line', { hasText: 'cloudPcNamingTemplate' })
      .filter({ hasText: '→' })
      .first()
      .waitFor({ timeout: EXTENSION_TIMEOUT });
    await waitUntil(async () => (await problemCounts(page)).every((n) => n === 0), 'the snippet checked');
    await screenshot(page, 'everyday-new-policy-snippet');
    assert.equal(
      await lines.locator('.view-line', { hasText: '00000000-0000' }).count(),
      0,
      'no group id that exists nowhere',
    );
    await lines.locator('.view-line', { hasText: 'Assign to Groups' }).first().waitFor({ timeout: UI_TIMEOUT });
    await page.keyboard.press('Escape');
  });

  it('a sample deploys whole on the demo tenant: created with its assignment', async function () {
    const { page } = wb;
    await clearNotifications(page);
    await quickOpen(page, SAMPLE_FILE);
    await runCommand(page, 'Cloud PC: Deploy Policy File');
    const question = page.locator('.monaco-dialog-box', { hasText: `Create the policy "${SAMPLE_POLICY}"` }).first();
    await question.waitFor({ timeout: EXTENSION_TIMEOUT });
    await question.locator('.monaco-button', { hasText: 'Create' }).first().click();
    await question.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    const policies = pane(page, 'Provisioning Policies');
    await namedRow(policies, SAMPLE_POLICY).waitFor({ timeout: EXTENSION_TIMEOUT });
    // Its outcome, whatever it is (not the progress notification "Deploying …").
    await waitForNotification(page, new RegExp(`Created "${SAMPLE_POLICY}"|"${SAMPLE_POLICY}" was deployed`));
    await screenshot(page, 'everyday-sample-deployed-whole');
    assert.equal(await notification(page, 'assignments were not').count(), 0, 'no half-deployed policy');
    await waitForNotification(page, `Created "${SAMPLE_POLICY}".`);
    assert.doesNotMatch(
      await namedRow(policies, SAMPLE_POLICY).innerText(),
      /not assigned/,
      'the policy has its group',
    );
  });

  it('the status bar shows the simulated clock and a grace period ends in days', async function () {
    const { page } = wb;
    const cloudPcs = pane(page, 'Cloud PCs');
    const name = await firstInGroup(cloudPcs, 'In grace period');
    const graceRow = namedRow(cloudPcs, name);
    // Wide enough for the whole description (user · policy · when the grace period ends).
    await widenSidebar(page, 1150);
    await graceRow.locator('.label-description', { hasText: 'grace period ends' }).waitFor({ timeout: UI_TIMEOUT });
    // The item says "Simulator" first and gains the clock once the session reports its time: wait for the clock.
    const clockText = /Simulator\s*·\s*\d{1,2} [A-Z][a-z]{2} \d\d:\d\d\s*·\s*×\d+/;
    const backendItem = page.locator('.part.statusbar .statusbar-item', { hasText: clockText }).first();
    await backendItem.waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'everyday-clock-and-grace');
    assert.match(await backendItem.innerText(), clockText);
    assert.match(await graceRow.innerText(), /grace period ends in \d+ days?/);
  });

  it('Advance Time says what happened: the new simulated time', async function () {
    const { page } = wb;
    await clearNotifications(page);
    await runCommand(page, 'Cloud PC: Simulator: Advance Time…');
    const box = page.locator('.quick-input-widget', { hasText: 'Advance simulated time' }).first();
    await box.waitFor({ timeout: UI_TIMEOUT });
    await box.locator('input:focus').waitFor({ timeout: UI_TIMEOUT });
    await box.locator('input').fill('2h');
    await page.keyboard.press('Enter');
    await box.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    // Nothing else on screen says the step is done: the report is the outcome.
    await waitForNotification(page, /Simulated time moved on 2 h: it is now .* UTC\./);
    await screenshot(page, 'everyday-advance-time-reported');
  });

  it('a failed Cloud PC offers Retry, not Reprovision too', async function () {
    const { page } = wb;
    const cloudPcs = pane(page, 'Cloud PCs');
    const name = await firstInGroup(cloudPcs, 'Failed');
    await animationsDone(await openContextMenu(page, namedRow(cloudPcs, name), 'Retry'));
    await screenshot(page, 'everyday-failed-menu');
    const entries = (await page.locator('.monaco-menu .action-item .action-label').allInnerTexts())
      .map((s) => s.trim())
      .filter(Boolean);
    assert.ok(!entries.includes('Reprovision'), `menu entries: ${entries.join(', ')}`);
    await page.keyboard.press('Escape');
    await page.locator('.monaco-menu').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  });

  it('Retry on a failed Cloud PC reports "Retrying provisioning"', async function () {
    const { page } = wb;
    await clearNotifications(page);
    const cloudPcs = pane(page, 'Cloud PCs');
    const name = await firstInGroup(cloudPcs, 'Failed');
    await contextMenu(page, namedRow(cloudPcs, name), 'Retry');
    await waitForNotification(page, /started for 1 Cloud PC/);
    await screenshot(page, 'everyday-retry-reported');
    await waitForNotification(page, 'Retrying provisioning started for 1 Cloud PC');
  });

  it('Apply Single Sign-On says what it does in words, not enum names', async function () {
    const { page } = wb;
    await clearNotifications(page);
    const policies = pane(page, 'Provisioning Policies');
    await contextMenu(page, namedRow(policies, STANDARD), 'Apply Region or Single Sign-On');
    // The pointer rests where the menu was, over a policy row: away from the rows, so no tooltip covers the view.
    const empty = await policies.boundingBox();
    await page.mouse.move(empty.x + empty.width / 2, empty.y + empty.height - 4);
    const pick = page.locator('.quick-input-widget', { hasText: 'Apply which setting' }).first();
    await pick
      .locator('.quick-input-list .monaco-list-row', { hasText: 'Single sign-on' })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    await pick.locator('input').fill('Single sign-on');
    await pick
      .locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Single sign-on' })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    await page.keyboard.press('Enter');
    // Apply restarts the policy's Cloud PCs, so it asks first (Enter would keep things as they are).
    const question = page
      .locator('.monaco-dialog-box', { hasText: /Apply single sign-on of .* existing Cloud PCs\?/ })
      .first();
    await question.waitFor({ timeout: EXTENSION_TIMEOUT });
    await question.locator('.monaco-button', { hasText: 'Apply' }).first().click();
    await question.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await waitForNotification(page, /^Applying .*(in the background|until done)/);
    await page.locator('.workbench-hover').first().waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    await screenshot(page, 'everyday-apply-in-words');
    assert.equal(await notification(page, 'singleSignOn').count(), 0, 'no enum name in the report');
    await waitForNotification(page, `Applying single sign-on of "${STANDARD}"`);
  });

  it('Deploy on a file with errors says so in a modal naming the first errors, and Show Problems opens the Problems view', async function () {
    const { page } = wb;
    // Quick Open makes the broken file the active editor. (Closing every editor first would stop at VS Code's
    // "save changes?" for the untitled policy an earlier test left dirty.)
    await quickOpen(page, BROKEN_FILE);
    await runCommand(page, 'Cloud PC: Deploy Policy File');
    // A modal, not only a toast: seen where the person looks, in every VS Code (1.139's test driver shows no toasts).
    const refusal = page
      .locator('.monaco-dialog-box', { hasText: /Not deployed: the file has \d+ error\(s\)\./ })
      .first();
    await refusal.waitFor({ timeout: EXTENSION_TIMEOUT });
    await refusal.locator('.monaco-button:focus').waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'everyday-deploy-refused-errors');
    const text = await refusal.innerText();
    assert.match(text, /Line \d+: .*\(CPC401\)/, 'names the first error, its line and its code');
    assert.match(text, /Nothing was changed/);
    await refusal.locator('.monaco-button', { hasText: 'Show Problems' }).first().click();
    await refusal.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await page
      .locator('.part.panel .markers-panel .monaco-list-row', { hasText: 'CPC401' })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await namedRow(pane(page, 'Provisioning Policies'), 'Unclosed token').count(), 0, 'nothing deployed');
  });
});
