// The sidebar as a person sees it: both views over the demo tenant (Cloud PCs in mixed states), the assign
// quick pick with its what-if, and a policy file with diagnostics and the name preview. Each test waits for
// labels it expects (a missing label fails it) and leaves a PNG in test-results/.
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { scaled } from '../harness/timeoutScale.mjs';
import {
  EXTENSION_TIMEOUT,
  RETRY_TIMEOUT,
  UI_TIMEOUT,
  WORKBENCH_HOOK_TIMEOUT,
  hoverUntil,
  openCloudPcSidebar,
  openWorkbench,
  quickOpen,
  row,
  runCommand,
  screenshot,
  screenshotOnFailure,
  widenSidebar,
} from './workbench.mjs';

const BROKEN_NAMING_POLICY = `{
  // A naming template with an underscore and no %RAND% token: both are errors.
  "displayName": "Broken naming",
  "provisioningType": "dedicated",
  "imageType": "gallery",
  "imageId": "microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365",
  "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic", "regionGroup": "usEast" }],
  "cloudPcNamingTemplate": "CPC_%USERNAME:4%",
  "assignments": []
}
`;
const DEPLOY_FILE = 'e2e-deploy.cpcpolicy.json';
const DEPLOY_POLICY = `{
  "displayName": "E2E deployed policy",
  "description": "Deployed from the editor by the e2e suite",
  "provisioningType": "dedicated",
  "userExperienceType": "cloudPc",
  "imageType": "gallery",
  "imageId": "microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365",
  "imageDisplayName": "Windows 11 Enterprise + Microsoft 365 Apps 24H2",
  "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic", "regionGroup": "usEast" }],
  "enableSingleSignOn": true,
  "windowsSetting": { "locale": "en-US" },
  "cloudPcNamingTemplate": "E2E-%USERNAME:3%-%RAND:5%"
}
`;

describe('sidebar e2e: the Windows 365 views in the workbench', function () {
  let wb;

  before(async function () {
    // Installing the .vsix, starting code-server and the workbench's first paint: minutes on a loaded machine.
    this.timeout(WORKBENCH_HOOK_TIMEOUT);
    wb = await openWorkbench({
      files: { 'broken-naming.cpcpolicy.json': BROKEN_NAMING_POLICY, [DEPLOY_FILE]: DEPLOY_POLICY },
    });
    await openCloudPcSidebar(wb.page);
    await widenSidebar(wb.page);
  });

  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, wb?.page);
  });

  after(async function () {
    await wb?.close();
  });

  it('shows policies with counts and Cloud PCs grouped by status (mixed states)', async function () {
    const { page } = wb;
    for (const label of ['Contoso Standard (East US 2)', 'Contoso Finance (hybrid)', 'Frontline Retail (draft)']) {
      await row(page, label).waitFor({ timeout: EXTENSION_TIMEOUT });
    }
    await page
      .locator('.part.sidebar .monaco-list-row', { hasText: /PCs · 1 failed/ })
      .first()
      .waitFor({ timeout: EXTENSION_TIMEOUT });
    for (const label of ['Provisioned', 'Failed', 'In grace period'])
      await row(page, label).waitFor({ timeout: EXTENSION_TIMEOUT });
    // The Failed group opens expanded: its row shows the failure message from statusDetail.
    await page
      .locator('.part.sidebar .monaco-list-row', { hasText: /injected fault|could not be enrolled/i })
      .first()
      .waitFor({ timeout: EXTENSION_TIMEOUT });
    // Open the Standard policy to show its Assignments and status groups too.
    await row(page, 'Contoso Standard (East US 2)').click();
    await page.keyboard.press('ArrowRight');
    await row(page, 'Assignments').waitFor({ timeout: EXTENSION_TIMEOUT });
    const file = await screenshot(page, 'sidebar-views');
    assert.ok(existsSync(file) && statSync(file).size > 10_000);
  });

  it('assigns through the group picker and shows the what-if before applying', async function () {
    const { page } = wb;
    await runCommand(page, 'Cloud PC: Assign to Groups…');
    const input = page.locator('.quick-input-widget input');
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: 'Contoso Finance (hybrid)' })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    await input.fill('Contoso Finance');
    await page.keyboard.press('Enter');
    // The current assignment is pre-selected; search and tick a second group.
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: 'W365 Finance' })
      .first()
      .waitFor({ timeout: EXTENSION_TIMEOUT });
    await input.fill('All Cloud');
    const everyone = page.locator('.quick-input-list .monaco-list-row', { hasText: 'All Cloud PC Users' }).first();
    await everyone.waitFor({ timeout: EXTENSION_TIMEOUT });
    // Tick it and see it ticked: a click that lands while the filtered list re-renders ticks nothing (seen in 1.139).
    // The list row carries the tick as aria-checked (the quick pick's accessibility provider).
    // Each click waits for its tick (RETRY_TIMEOUT) before clicking again: a second click while the first one's
    // tick is still on its way would untick the row.
    const isTicked = async () => (await everyone.getAttribute('aria-checked')) === 'true';
    const ticked = page
      .locator('.quick-input-list .monaco-list-row[aria-checked="true"]', { hasText: 'All Cloud PC Users' })
      .first();
    const deadline = Date.now() + UI_TIMEOUT;
    while (!(await isTicked())) {
      assert.ok(Date.now() < deadline, 'All Cloud PC Users could not be ticked');
      await everyone.click();
      await ticked.waitFor({ timeout: RETRY_TIMEOUT }).catch(() => {});
    }
    await screenshot(page, 'sidebar-assign-groups');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'What if' }).first().waitFor({ timeout: EXTENSION_TIMEOUT });
    for (const label of ['Apply', 'Will get a Cloud PC', 'Skipped']) {
      await page.locator('.quick-input-widget', { hasText: label }).first().waitFor({ timeout: UI_TIMEOUT });
    }
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: /sample name/ })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    const file = await screenshot(page, 'sidebar-assign-what-if');
    assert.ok(statSync(file).size > 10_000);
    // The list is virtualized: filter to bring the skipped rows (and their reasons) into view.
    await page.locator('.quick-input-widget input').fill('nested');
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: /nested group/ })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'sidebar-assign-what-if-skipped');
    await page.keyboard.press('Escape');
  });

  it('shows a policy file with diagnostics and the Cloud PC name preview', async function () {
    const { page } = wb;
    await quickOpen(page, 'broken-naming.cpcpolicy.json');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: EXTENSION_TIMEOUT });
    // The name preview: an inlay hint after the template (→ sample name · length).
    await page.locator('.monaco-editor .view-lines', { hasText: '→' }).first().waitFor({ timeout: EXTENSION_TIMEOUT });
    const template = page.locator('.monaco-editor .view-line span', { hasText: 'USERNAME' }).first();
    await hoverUntil(
      page,
      template,
      page.locator('.monaco-hover', { hasText: /Cloud PC names from this template|RAND/ }).first(),
      EXTENSION_TIMEOUT,
    );
    const file = await screenshot(page, 'sidebar-policy-file');
    assert.ok(statSync(file).size > 10_000);
  });
  it('deploys an open policy file after showing the diff, and the new policy appears in the view', async function () {
    const { page } = wb;
    await quickOpen(page, DEPLOY_FILE);
    await runCommand(page, 'Cloud PC: Deploy Policy File');
    await page.locator('.monaco-diff-editor').first().waitFor({ timeout: EXTENSION_TIMEOUT });
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'Create the policy "E2E deployed policy"' }).first();
    await dialog.waitFor({ timeout: EXTENSION_TIMEOUT });
    await screenshot(page, 'sidebar-deploy-diff');
    await dialog.locator('.monaco-button', { hasText: 'Create' }).first().click();
    await row(page, 'E2E deployed policy').waitFor({ timeout: EXTENSION_TIMEOUT });
    await page
      .locator('.part.sidebar .monaco-list-row', { hasText: /E2E deployed policy.*not assigned/ })
      .first()
      .waitFor({ timeout: EXTENSION_TIMEOUT });
    const file = await screenshot(page, 'sidebar-deployed');
    assert.ok(statSync(file).size > 10_000);
  });
  it('keeps up live: a provisioning Cloud PC turns provisioned without a refresh', async function () {
    const { page } = wb;
    // The demo's joiner is mid-provisioning; at the default time scale it finishes within about 20 s (minutes when
    // both cores are busy): the suite's per-test deadline holds the wait below.
    const cloudPcs = page
      .locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Cloud PCs' }) })
      .first();
    await cloudPcs
      .locator('.monaco-list-row', { hasText: /^Provisioned\s*40$/ })
      .first()
      .waitFor({ timeout: scaled(240_000) });
    assert.equal(await cloudPcs.locator('.monaco-list-row', { hasText: /^Provisioning\s*\d+$/ }).count(), 0);
    await screenshot(page, 'sidebar-live');
  });
});
