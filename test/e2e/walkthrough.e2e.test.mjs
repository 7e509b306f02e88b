// The first-run walkthrough as a person meets it: Welcome: Open Walkthrough… lists it, its steps run from the
// simulator to signing in, and a step completes on the event that proves it (a new policy file).
import {
  EXTENSION_TIMEOUT,
  UI_TIMEOUT,
  WORKBENCH_HOOK_TIMEOUT,
  openWorkbench,
  runCommand,
  screenshot,
  screenshotOnFailure,
} from './workbench.mjs';

const TITLE = 'Windows 365 Cloud PC Policies';

async function openWalkthrough(page) {
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: TITLE }).first().waitFor({ timeout: UI_TIMEOUT });
  await page.locator('.quick-input-widget input').fill(TITLE);
  await page.keyboard.press('Enter');
}

describe('the first-run walkthrough', function () {
  let wb;

  before(async function () {
    this.timeout(WORKBENCH_HOOK_TIMEOUT);
    wb = await openWorkbench();
  });

  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, wb?.page);
  });

  after(async function () {
    await wb?.close();
  });

  it('opens from Welcome: Open Walkthrough… and checks a step off when its event happens', async function () {
    const { page } = wb;
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: TITLE })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    await page.locator('.quick-input-widget input').fill(TITLE);
    await page.keyboard.press('Enter');
    const step = (title) => page.locator('.getting-started-step', { hasText: title }).first();
    await step('Try the simulator').waitFor({ timeout: UI_TIMEOUT });
    await step('Sign in to Microsoft Graph').waitFor({ timeout: UI_TIMEOUT });
    // The command activates the extension: the host starts after the workbench paints.
    await runCommand(page, 'Cloud PC: New Cloud PC Policy File');
    await page
      .locator('.editor-instance .view-lines', { hasText: '"displayName": "Finance dedicated"' })
      .first()
      .waitFor({ timeout: EXTENSION_TIMEOUT });
    await page.keyboard.press('Escape');
    // Back to the walkthrough the way it opened (its tab's title differs between VS Code versions).
    await openWalkthrough(page);
    // A completed step shows its check: VS Code's getting-started-step-checked icon, marked complete.
    await step('Write a policy and see its names')
      .locator('.codicon.complete, .codicon-getting-started-step-checked')
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, 'walkthrough');
  });
});
