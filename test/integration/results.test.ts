// Every action says what happened (notification + log line, read here through the test API's event), the
// simulated clock shows in the status bar, and grace periods end "in 6 days", not at a timestamp.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CpcPolicyApi } from '../../src/extensionApi';
import type { Views } from '../../src/vscode/views/registerViews';
import { answerQuestions, getExtension, resetSimulatedTenant, scaled } from './testSupport';
import { rows } from './treeRows';

describe('say what happened', function () {
  this.timeout(scaled(120_000));
  let api: CpcPolicyApi;
  let views: Views;
  const messages: string[] = [];
  let subs: vscode.Disposable[] = [];

  /** Runs a command and returns what it reported. */
  const said = async (command: string, ...args: unknown[]): Promise<string> => {
    const from = messages.length;
    await vscode.commands.executeCommand(command, ...args);
    assert.equal(messages.length, from + 1, `${command} reported once (got ${JSON.stringify(messages.slice(from))})`);
    return messages[from];
  };

  before(async () => {
    api = await getExtension().activate();
    views = api.views!;
    await vscode.workspace
      .getConfiguration('cpcpolicy')
      .update('backend', 'simulator', vscode.ConfigurationTarget.Global);
    await resetSimulatedTenant('demo');
    await views.sidebar.ensurePolicies();
    await views.sidebar.ensureCloudPcs();
    const questions = await answerQuestions();
    subs = [api.testHooks!.onDidReportResult((m) => messages.push(m)), { dispose: () => questions.dispose() }];
  });

  after(() => {
    for (const s of subs) s.dispose();
  });

  it('shows the simulated clock and speed in the status bar, and grace ends as a relative time', async () => {
    assert.match(api.testHooks!.statusBarText(), /^\$\(beaker\) Simulator · \d{1,2} [A-Z][a-z]{2} \d\d:\d\d · ×\d+$/);
    await views.sidebar.reloadCloudPcs();
    const group = (await rows(views.sidebar.cloudPcProvider)).find((g) => g.label === 'In grace period')!;
    const [row] = await rows(views.sidebar.cloudPcProvider, group.node);
    assert.match(row.description, /grace period ends in \d+ (days?|hours?)/);
  });

  it('the simulator controls say what they did, and Inject Failure says whose next attempt fails', async () => {
    assert.match(
      await said('cpcpolicy.simulator.advanceTime', { hours: 2 }),
      /^Simulated time moved on 2 h: it is now \d{1,2} [A-Z][a-z]{2} \d\d:\d\d UTC\.$/,
    );
    const from = messages.length;
    const user = (await vscode.commands.executeCommand<{ id: string }>('cpcpolicy.simulator.addUser', {
      displayName: 'Sam Said',
      userPrincipalName: 'sam.said@contoso.onmicrosoft.com',
    }))!;
    assert.match(messages[from], /^Added the user Sam Said \(sam\.said@contoso\.onmicrosoft\.com\)/);
    const group = (await views.sidebar.api.searchGroups('')).find((g) => g.displayName === 'W365 Sales')!;
    assert.equal(
      await said('cpcpolicy.simulator.addUserToGroup', user.id, group.id),
      'Added Sam Said to the group "W365 Sales".',
    );
    const sku = (await views.sidebar.api.listSubscribedSkus()).find((s) => s.skuPartNumber.startsWith('CPC_E_2C'))!;
    assert.equal(
      await said('cpcpolicy.simulator.assignLicense', user.id, sku.skuId),
      `Assigned the license ${sku.skuPartNumber} to Sam Said.`,
    );
    assert.match(
      await said('cpcpolicy.simulator.injectFailure', {
        userPrincipalName: 'sam.said@contoso.onmicrosoft.com',
        count: 1,
      }),
      /^The next provisioning attempt of a Cloud PC of sam\.said@contoso\.onmicrosoft\.com will fail once/,
    );
  });

  it('Retry on a failed Cloud PC says "Retrying provisioning", not "Reprovisioning"', async () => {
    const failed = (await views.sidebar.api.listCloudPcs()).find((p) => p.status === 'failed')!;
    assert.equal(
      await said('cpcpolicy.retry', { cloudPcId: failed.id }),
      'Retrying provisioning started for 1 Cloud PC(s).',
    );
  });

  it('Retry provisions only failed Cloud PCs again: a provisioned one passed to it is left alone', async () => {
    // Retry asks nothing (a failed provisioning holds no user data), so it must never reach a provisioned Cloud PC.
    const pc = (await views.sidebar.api.listCloudPcs()).find((p) => p.status === 'provisioned')!;
    const from = messages.length;
    await vscode.commands.executeCommand('cpcpolicy.retry', { cloudPcId: pc.id });
    assert.equal(messages.length, from, 'nothing was started');
    assert.equal((await views.sidebar.api.listCloudPcs()).find((p) => p.id === pc.id)!.status, 'provisioned');
  });

  it('policy and Cloud PC actions say what they did, enum values in words', async () => {
    const standard = (await views.sidebar.api.listPolicies()).find((p) =>
      p.displayName.startsWith('Contoso Standard'),
    )!;
    await views.sidebar.api.updatePolicy(standard.id, { enableSingleSignOn: !standard.enableSingleSignOn });
    // Apply asks now: the answerer set up in before() says yes.
    assert.match(
      await said('cpcpolicy.applySettings', standard.id, 'singleSignOn'),
      /^Applying single sign-on of "Contoso Standard \(East US 2\)" to its \d+ Cloud PC\(s\)/,
    );
    await views.sidebar.reloadCloudPcs();
    const updating = (await rows(views.sidebar.cloudPcProvider)).find((g) => g.label === 'Updating')!;
    const [row] = await rows(views.sidebar.cloudPcProvider, updating.node);
    assert.match(row.description, /single sign-on/);
    assert.doesNotMatch(row.description, /SignOn/);
    assert.match(
      await said('cpcpolicy.retry', standard.id),
      /^Retrying provisioning of \d+ failed Cloud PC\(s\) of "Contoso Standard \(East US 2\)"\.$/,
    );
    const pc = (await views.sidebar.api.listCloudPcs()).find((p) => p.status === 'provisioned')!;
    assert.equal(
      await said('cpcpolicy.rename', pc.id, 'Renamed for the test'),
      `Renamed "${pc.displayName}" to "Renamed for the test".`,
    );
    const grace = (await views.sidebar.api.listCloudPcs()).find((p) => p.status === 'inGracePeriod')!;
    assert.equal(
      await said('cpcpolicy.endGracePeriod', grace.id),
      'Ended the grace period of 1 Cloud PC(s): they are being deprovisioned.',
    );
    const created = await views.sidebar.api.createPolicy({
      displayName: 'Results: to delete',
      provisioningType: 'dedicated',
      imageType: 'gallery',
      imageId: 'microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365',
      domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'automatic', regionGroup: 'usEast' }],
      cloudPcNamingTemplate: 'RES-%RAND:5%',
    });
    assert.equal(await said('cpcpolicy.deletePolicy', created.id), 'Deleted the policy "Results: to delete".');
  });

  it('Pull into an untitled document opens the policy in one named after it', async () => {
    const untitled = await vscode.workspace.openTextDocument({
      language: 'cpcpolicy',
      content: '{ "displayName": "Contoso Finance (hybrid)" }',
    });
    assert.equal(await vscode.commands.executeCommand('cpcpolicy.pullPolicy', untitled.uri), true);
    const active = vscode.window.activeTextEditor!.document;
    assert.equal(active.isUntitled, true);
    assert.equal(active.uri.path.split('/').pop(), 'Contoso Finance (hybrid).cpcpolicy.json');
    assert.match(active.getText(), /"displayName": "Contoso Finance \(hybrid\)"/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
