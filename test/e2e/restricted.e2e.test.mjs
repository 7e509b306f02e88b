// Restricted Mode as a person meets it: a folder nobody trusted yet. The policy language still works
// (diagnostics, the name preview); the actions that reach a tenant or change the simulator are disabled,
// and the views say why and how to turn them on.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import {
  EXTENSION_TIMEOUT,
  UI_TIMEOUT,
  WORKBENCH_HOOK_TIMEOUT,
  expandGroup,
  firstChildOf,
  namedRow,
  openCloudPcSidebar,
  openContextMenu,
  openWorkbench,
  pane,
  quickOpen,
  runCommand,
  screenshot,
  screenshotOnFailure,
  waitUntil,
} from './workbench.mjs';

const REASON = /Restricted Mode/;

/** The webview's page: VS Code nests it in two iframes. */
function fleetFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}
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
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: UI_TIMEOUT });
    await quickOpen(page, 'untrusted.cpcpolicy.json');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: EXTENSION_TIMEOUT });
    await page.locator('.monaco-editor .view-lines', { hasText: '→' }).first().waitFor({ timeout: EXTENSION_TIMEOUT });
    // Deploy reaches a tenant: its button on the editor's title is there, and disabled until the folder is trusted.
    const deploy = page
      .locator('.editor-group-container.active .editor-actions .action-label[aria-label^="Deploy Policy File"]')
      .first();
    await deploy.waitFor({ timeout: UI_TIMEOUT });
    assert.match((await deploy.getAttribute('class')) ?? '', /\bdisabled\b/, 'Deploy is disabled in Restricted Mode');
    await openCloudPcSidebar(page);
    const sidebar = page.locator('.part.sidebar');
    await sidebar
      .getByText(/Restricted Mode: actions that reach a tenant or change the simulator are off\. Trust this folder/)
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    // Reading the simulated tenant is harmless: the policies show; their Assign action is there but disabled.
    const policy = sidebar.locator('.monaco-list-row', { hasText: 'Contoso Standard (East US 2)' }).first();
    await policy.waitFor({ timeout: UI_TIMEOUT });
    await policy.click();
    const assign = policy.locator('.action-label[aria-label^="Assign to Groups"]').first();
    await assign.waitFor({ timeout: UI_TIMEOUT });
    assert.match((await assign.getAttribute('class')) ?? '', /\bdisabled\b/, 'Assign is disabled in Restricted Mode');
    const file = await screenshot(page, 'restricted-mode');
    assert.ok(statSync(file).size > 10_000);
  });

  it('the CodeLens offers no Deploy: it says why and leads to Manage Workspace Trust', async function () {
    const { page } = wb;
    await quickOpen(page, 'finance-dedicated.cpcpolicy.json');
    const lenses = page.locator('.editor-group-container.active .codelens-decoration');
    const reason = lenses.filter({ hasText: REASON }).first();
    await reason.waitFor({ timeout: EXTENSION_TIMEOUT });
    await screenshot(page, 'restricted-codelens');
    const texts = await lenses.allInnerTexts();
    assert.ok(
      texts.every((t) => !/(^|\|)\s*Deploy\s*(\||$)/.test(t)),
      `no Deploy link in Restricted Mode: ${JSON.stringify(texts)}`,
    );
  });

  it("the Fleet Overview's Retry, Reprovision and End Grace Period are visibly disabled, with the reason", async function () {
    const { page } = wb;
    await runCommand(page, 'Cloud PC: Show Fleet Overview');
    const frame = fleetFrame(page);
    await frame.locator('button.seg').first().waitFor({ timeout: EXTENSION_TIMEOUT });
    await frame.locator('.restricted-note', { hasText: REASON }).first().waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'restricted-fleet-overview');
    const actions = frame.locator(
      'vscode-button[data-key^="retry:"], vscode-button[data-key^="repro:"], vscode-button[data-key^="grace:"]',
    );
    await waitUntil(async () => (await actions.count()) >= 3, 'Retry, Reprovision and End Grace Period buttons');
    for (const button of await actions.all()) {
      assert.equal(await button.getAttribute('disabled'), '', `${await button.innerText()} is disabled`);
      assert.match((await button.getAttribute('title')) ?? '', REASON, 'its tooltip says why');
    }
    await runCommand(page, 'View: Close All Editors');
  });

  it("a Cloud PC's context menu offers no changing action, only the way to trust the folder", async function () {
    const { page } = wb;
    const cloudPcs = pane(page, 'Cloud PCs');
    // The activity bar's item toggles: click it only when the view is not showing already.
    if (!(await cloudPcs.isVisible())) await openCloudPcSidebar(page);
    await expandGroup(cloudPcs, 'Failed');
    let name;
    await waitUntil(async () => (name = await firstChildOf(cloudPcs, 'Failed')) !== undefined, 'a failed Cloud PC');
    const item = await openContextMenu(page, namedRow(cloudPcs, name), 'Trust This Folder');
    await screenshot(page, 'restricted-context-menu');
    const entries = await page.locator('.monaco-menu .action-item .action-label').allInnerTexts();
    await page.keyboard.press('Escape');
    await item.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    for (const changing of ['Retry', 'Reprovision', 'End Grace Period', 'Rename Cloud PC…'])
      assert.ok(!entries.includes(changing), `${changing} is not offered: ${JSON.stringify(entries)}`);
  });
});
