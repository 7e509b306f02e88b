// The editor knows the tenant, as a person sees it in the workbench (embedded simulator, demo tenant):
// completion on onPremisesConnectionId lists the tenant's connections with their health, and the CodeLens
// above the policy says it is not deployed yet.
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import {
  UI_TIMEOUT,
  WORKBENCH_HOOK_TIMEOUT,
  openWorkbench,
  quickOpen,
  screenshot,
  screenshotOnFailure,
} from './workbench.mjs';

const FILE = 'tenant-aware.cpcpolicy.json';
const CONNECTION_LINE = '    { "domainJoinType": "hybridAzureADJoin", "onPremisesConnectionId": "" }';
const POLICY = [
  '{',
  '  "displayName": "Engineering (tenant-aware)",',
  '  "imageType": "gallery",',
  '  "imageId": "microsoftwindowsdesktop_windows-ent-cpc_win11-22h2-ent-cpc-m365",',
  '  "domainJoinConfigurations": [',
  CONNECTION_LINE,
  '  ],',
  '  "cloudPcNamingTemplate": "ENG-%RAND:6%"',
  '}',
  '',
].join('\n');

describe('the editor knows the tenant (workbench)', function () {
  let wb;

  before(async function () {
    this.timeout(WORKBENCH_HOOK_TIMEOUT);
    wb = await openWorkbench({ files: { [FILE]: POLICY } });
  });

  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, wb?.page);
  });

  after(async function () {
    await wb?.close();
  });

  it("completion on onPremisesConnectionId shows the tenant's connections with their health", async function () {
    this.timeout(UI_TIMEOUT * 4);
    const { page } = wb;
    await quickOpen(page, FILE);
    // The cursor between the quotes of the empty connection id (line 6), as a person would put it there.
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor({ timeout: UI_TIMEOUT });
    await page.keyboard.type(`6:${CONNECTION_LINE.indexOf('""') + 2}`);
    await page.keyboard.press('Enter');
    const suggestion = page
      .locator('.suggest-widget .monaco-list-row', { hasText: 'Contoso West Europe (hybrid)' })
      .first();
    // The tenant is read in the background on first use: ask again until its connections are listed.
    const deadline = Date.now() + UI_TIMEOUT * 2;
    for (;;) {
      await page.keyboard.press('Control+Space');
      if (
        await suggestion.waitFor({ timeout: 10_000 }).then(
          () => true,
          () => false,
        )
      )
        break;
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error("the tenant's connections never appeared in completion");
    }
    await page
      .locator('.suggest-widget .monaco-list-row', { hasText: 'Contoso East US 2 (hybrid)' })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    const widget = await page.locator('.suggest-widget').first().innerText();
    assert.match(widget, /health failed/);
    // The details beside the list: the failing check and what to do (Ctrl+Space again opens them).
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Control+Space');
    await page
      .locator('.suggest-details', { hasText: 'Active Directory domain join failed' })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    const file = await screenshot(page, 'e2e-tenant-completion');
    assert.ok(existsSync(file) && statSync(file).size > 10_000);
    await page.keyboard.press('Escape');
  });

  it('the CodeLens above the policy says it is not deployed, with Deploy at hand', async function () {
    this.timeout(UI_TIMEOUT * 3);
    const { page } = wb;
    const lens = page
      .locator('.contentWidgets .codelens-decoration, .codelens-decoration')
      .filter({ hasText: 'Not deployed' })
      .first();
    await lens.waitFor({ timeout: UI_TIMEOUT * 2 });
    assert.match(await lens.innerText(), /Not deployed\s*\|\s*Deploy/);
    const file = await screenshot(page, 'e2e-tenant-codelens');
    assert.ok(existsSync(file) && statSync(file).size > 10_000);
  });
});
