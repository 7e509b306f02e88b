// Restricted Mode as a person meets it: a folder nobody trusted yet. The policy language still works
// (diagnostics, the name preview); the actions that reach a tenant or change the simulator are disabled,
// and the views say why and how to turn them on.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import {
  WORKBENCH_HOOK_TIMEOUT,
  openCloudPcSidebar,
  openWorkbench,
  quickOpen,
  screenshot,
  screenshotOnFailure,
} from './workbench.mjs';

const TIMEOUT = 60_000;
const BROKEN = `{
  "displayName": "Untrusted folder",
  "provisioningType": "dedicated",
  "cloudPcNamingTemplate": "CPC_%USERNAME:4%"
}
`;

describe('Restricted Mode: an untrusted folder', function () {
  let wb;

  before(async function () {
    // Installing the .vsix, starting code-server and the workbench's first paint: minutes on a loaded machine.
    this.timeout(WORKBENCH_HOOK_TIMEOUT);
    wb = await openWorkbench({ files: { 'untrusted.cpcpolicy.json': BROKEN }, trusted: false });
  });

  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, wb?.page);
  });

  after(async function () {
    await wb?.close();
  });

  it('still shows diagnostics and the name preview, disables tenant actions and says how to trust the folder', async function () {
    const { page } = wb;
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: TIMEOUT });
    await quickOpen(page, 'untrusted.cpcpolicy.json');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: TIMEOUT });
    await page.locator('.monaco-editor .view-lines', { hasText: '→' }).first().waitFor({ timeout: TIMEOUT });
    // Deploy reaches a tenant: its button on the editor's title is there, and disabled until the folder is trusted.
    const deploy = page
      .locator('.editor-group-container.active .editor-actions .action-label[aria-label^="Deploy Policy File"]')
      .first();
    await deploy.waitFor({ timeout: TIMEOUT });
    assert.match((await deploy.getAttribute('class')) ?? '', /\bdisabled\b/, 'Deploy is disabled in Restricted Mode');
    await openCloudPcSidebar(page);
    const sidebar = page.locator('.part.sidebar');
    await sidebar
      .getByText(/Restricted Mode: actions that reach a tenant or change the simulator are off\. Trust this folder/)
      .first()
      .waitFor({ timeout: TIMEOUT });
    // Reading the simulated tenant is harmless: the policies show; their Assign action is there but disabled.
    const policy = sidebar.locator('.monaco-list-row', { hasText: 'Contoso Standard (East US 2)' }).first();
    await policy.waitFor({ timeout: TIMEOUT });
    await policy.click();
    const assign = policy.locator('.action-label[aria-label^="Assign to Groups"]').first();
    await assign.waitFor({ timeout: TIMEOUT });
    assert.match((await assign.getAttribute('class')) ?? '', /\bdisabled\b/, 'Assign is disabled in Restricted Mode');
    const file = await screenshot(page, 'restricted-mode');
    assert.ok(statSync(file).size > 10_000);
  });
});
