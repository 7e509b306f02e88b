// One story end to end on the simulator, through the extension's commands, checking after each step that
// the sidebar shows what the backend holds: file → deploy → assign → provisioned with template names →
// injected failure → automatic retries → failed → retry → provisioned → reprovision → unassign → grace → end grace.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CloudPc } from '../../src/core/model/cloudPc';
import type { DirectoryGroup, DirectoryUser, SubscribedSku } from '../../src/core/model/directory';
import type { CpcPolicyApi } from '../../src/extensionApi';
import type { Views } from '../../src/vscode/views/registerViews';
import { cloudPcLabel } from '../../src/vscode/views/cloudPcPresentation';
import { BUCKET_LABELS, bucketOf } from '../../src/vscode/views/cloudPcStatusBuckets';
import { answerQuestions, getExtension, waitFor, resetSimulatedTenant, scaled } from './testSupport';
import { rows } from './treeRows';

const TEMPLATE = 'SCN-%USERNAME:3%-%RAND:5%';
const NAME = /^SCN-[A-Z0-9]{3}-[A-Z0-9]{5}$/i;

describe('scenario: a policy from file to grace period, as the sidebar shows it', function () {
  this.timeout(scaled(180_000));
  let views: Views;
  let policyId = '';
  let group: DirectoryGroup;
  const users: DirectoryUser[] = [];
  let file: string;
  let questions: Awaited<ReturnType<typeof answerQuestions>>;

  const policyPcs = async (): Promise<CloudPc[]> =>
    (await views.sidebar.api.listCloudPcs()).filter((pc) => pc.provisioningPolicyId === policyId);

  /** The policy's node and its status groups in the Provisioning Policies view equal the backend's Cloud PCs. */
  const policyViewMatches = async (what: string): Promise<void> => {
    let last = '';
    await waitFor(
      async () => {
        await views.live.settled();
        const pcs = await policyPcs();
        const policies = await rows(views.sidebar.policyProvider);
        const policyRow = policies.find((p) => p.node.kind === 'policy' && p.node.policyId === policyId);
        if (!policyRow) return !(last = 'policy row missing');
        const children = await rows(views.sidebar.policyProvider, policyRow.node);
        const shown: Record<string, string[]> = {};
        for (const g of children.filter((c) => c.node.kind === 'statusGroup')) {
          shown[g.label] = (await rows(views.sidebar.policyProvider, g.node)).map((r) => r.label).sort();
        }
        const expected: Record<string, string[]> = {};
        for (const pc of pcs) (expected[BUCKET_LABELS[bucketOf(pc.status)]] ??= []).push(cloudPcLabel(pc));
        for (const k of Object.keys(expected)) expected[k].sort();
        last = `view ${JSON.stringify(shown)} backend ${JSON.stringify(expected)} (${policyRow.description})`;
        return (
          JSON.stringify(shown) ===
            JSON.stringify(
              Object.fromEntries(
                Object.keys(expected)
                  .sort((a, b) => Object.keys(shown).indexOf(a) - Object.keys(shown).indexOf(b))
                  .map((k) => [k, expected[k]]),
              ),
            ) && policyRow.description.includes(`${pcs.length} PC`)
        );
      },
      `${what}: ${last}`,
      20_000,
    ).catch((err: Error) => {
      throw new Error(`${err.message} — ${last}`);
    });
  };

  const statuses = async (): Promise<string[]> => (await policyPcs()).map((pc) => pc.status).sort();
  const advance = (hours: number) => vscode.commands.executeCommand('cpcpolicy.simulator.advanceTime', { hours });

  before(async () => {
    // Every question is answered "go ahead" (and logged): this story is about what happens after.
    questions = await answerQuestions();
    const api: CpcPolicyApi = await getExtension().activate();
    views = api.views!;
    // Real time barely moves the simulated clock here: the test advances it itself.
    // A new time scale reopens the simulator from its saved state.
    await vscode.workspace
      .getConfiguration('cpcpolicy.simulator')
      .update('timeScale', 1, vscode.ConfigurationTarget.Global);
    await resetSimulatedTenant('empty');
    await vscode.commands.executeCommand('cpcpolicy.policies.focus');
    await views.sidebar.ensurePolicies();
    await views.sidebar.ensureCloudPcs();
  });

  after(() => {
    questions.dispose();
    if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('sets up a directory: three users in a group, two licensed', async () => {
    group = (await vscode.commands.executeCommand<DirectoryGroup>('cpcpolicy.simulator.addGroup', {
      displayName: 'Scenario Team',
    }))!;
    assert.ok(group?.id, 'group created');
    const skus = await views.sidebar.api.listSubscribedSkus();
    const enterprise = skus.find((s: SubscribedSku) => s.skuPartNumber.startsWith('CPC_E_2C'))!;
    for (const [i, name] of ['Ada Lovelace', 'Bob Marley', 'Cy Young'].entries()) {
      const upn = `${name.split(' ')[0].toLowerCase()}@contoso.onmicrosoft.com`;
      const user = (await vscode.commands.executeCommand<DirectoryUser>('cpcpolicy.simulator.addUser', {
        displayName: name,
        userPrincipalName: upn,
      }))!;
      assert.ok(user?.id, `user ${name} created`);
      users.push(user);
      assert.equal(await vscode.commands.executeCommand('cpcpolicy.simulator.addUserToGroup', user.id, group.id), true);
      if (i < 2) await vscode.commands.executeCommand('cpcpolicy.simulator.assignLicense', user.id, enterprise.skuId);
    }
  });

  it('creates the policy from a .cpcpolicy.json file (Deploy)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpcpolicy-scenario-'));
    file = path.join(dir, 'scenario.cpcpolicy.json');
    fs.writeFileSync(
      file,
      JSON.stringify(
        {
          displayName: 'Scenario dedicated',
          description: 'Created by the scenario test',
          provisioningType: 'dedicated',
          userExperienceType: 'cloudPc',
          imageType: 'gallery',
          imageId: 'microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365',
          imageDisplayName: 'Windows 11 Enterprise + Microsoft 365 Apps 24H2',
          domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'automatic', regionGroup: 'usEast' }],
          enableSingleSignOn: true,
          windowsSetting: { locale: 'en-US' },
          cloudPcNamingTemplate: TEMPLATE,
        },
        null,
        2,
      ),
    );
    const id = await vscode.commands.executeCommand<string | undefined>(
      'cpcpolicy.deployPolicy',
      vscode.Uri.file(file),
    );
    assert.ok(id, 'deploy returned the new policy id');
    policyId = id;
    const policies = await rows(views.sidebar.policyProvider);
    const row = policies.find((p) => p.label === 'Scenario dedicated');
    assert.ok(row, 'the policy is in the view');
    assert.match(row.description, /^Enterprise · 0 PCs · not assigned$/);
    // Deploying again updates rather than duplicates.
    assert.equal(await vscode.commands.executeCommand('cpcpolicy.deployPolicy', vscode.Uri.file(file)), id);
    assert.equal((await views.sidebar.api.findPoliciesByName('Scenario dedicated')).length, 1);
  });

  it('assigns it to the group: the licensed users get Cloud PCs', async () => {
    const whatIf = await vscode.commands.executeCommand<{
      gets: { sampleName: string }[];
      skipped: { name: string; reason: string }[];
    }>('cpcpolicy.assign', policyId, [group.id], { whatIfOnly: true });
    assert.equal(whatIf.gets.length, 2);
    assert.deepEqual(
      whatIf.skipped.map((s) => `${s.name}: ${s.reason}`),
      ['Cy Young: no Windows 365 license'],
    );
    for (const g of whatIf.gets) assert.match(g.sampleName, NAME);
    await vscode.commands.executeCommand('cpcpolicy.assign', policyId, [group.id]);
    assert.equal((await policyPcs()).length, 2);
    assert.ok(
      (await statuses()).every((s) => bucketOf(s) === 'provisioning'),
      `provisioning: ${await statuses()}`,
    );
    await policyViewMatches('two Cloud PCs provisioning');
    const policies = await rows(views.sidebar.policyProvider);
    const row = policies.find((p) => p.label === 'Scenario dedicated')!;
    const assignments = await rows(
      views.sidebar.policyProvider,
      (await rows(views.sidebar.policyProvider, row.node))[0].node,
    );
    assert.deepEqual(
      assignments.map((a) => `${a.label} ${a.description}`),
      ['Scenario Team 3 members'],
    );
  });

  it('advances the clock: both are provisioned with names from the template', async () => {
    await advance(3);
    assert.deepEqual(await statuses(), ['provisioned', 'provisioned']);
    for (const pc of await policyPcs()) assert.match(pc.managedDeviceName ?? '', NAME);
    await policyViewMatches('two Cloud PCs provisioned');
  });

  it('injects a failure: the automatic retries fail too and the Cloud PC ends failed', async () => {
    const ada = (await policyPcs()).find((pc) => pc.userPrincipalName === users[0].userPrincipalName)!;
    await vscode.commands.executeCommand('cpcpolicy.simulator.injectFailure', {
      userPrincipalName: users[0].userPrincipalName,
      count: 3,
    });
    await vscode.commands.executeCommand('cpcpolicy.reprovision', ada.id);
    await advance(1);
    const during = await views.sidebar.api.getCloudPc(ada.id);
    assert.notEqual(during.status, 'failed', 'still retrying after the first failed attempt');
    await advance(12);
    const failed = await views.sidebar.api.getCloudPc(ada.id);
    assert.equal(failed.status, 'failed');
    assert.ok(failed.statusDetail?.message, 'a status detail explains the failure');
    const faults = await views.sidebar.api.listCloudPcs(); // keep the view and backend in step before reading rows
    assert.ok(faults.length >= 2);
    await policyViewMatches('one failed');
    const policies = await rows(views.sidebar.policyProvider);
    const row = policies.find((p) => p.label === 'Scenario dedicated')!;
    assert.match(row.description, /2 PCs · 1 failed/);
    assert.match(row.item.contextValue ?? '', /\bhasFailed\b/);
  });

  it('retries the policy: the failed Cloud PC provisions again', async () => {
    await vscode.commands.executeCommand('cpcpolicy.retry', policyId);
    await advance(3);
    assert.deepEqual(await statuses(), ['provisioned', 'provisioned']);
    await policyViewMatches('provisioned again after retry');
  });

  it('reprovisions a Cloud PC from its row', async () => {
    const policies = await rows(views.sidebar.policyProvider);
    const row = policies.find((p) => p.label === 'Scenario dedicated')!;
    const provisioned = (await rows(views.sidebar.policyProvider, row.node)).find((c) => c.label === 'Provisioned')!;
    const pcRow = (await rows(views.sidebar.policyProvider, provisioned.node))[0];
    assert.match(pcRow.item.contextValue ?? '', /\breprovisionable\b/);
    await vscode.commands.executeCommand('cpcpolicy.reprovision', pcRow.node);
    assert.ok((await statuses()).some((s) => bucketOf(s) === 'provisioning'));
    await policyViewMatches('one reprovisioning');
    await advance(3);
    assert.deepEqual(await statuses(), ['provisioned', 'provisioned']);
    await policyViewMatches('provisioned after reprovision');
  });

  it('unassigns: both Cloud PCs enter the grace period', async () => {
    await vscode.commands.executeCommand('cpcpolicy.assign', policyId, []);
    assert.deepEqual(await statuses(), ['inGracePeriod', 'inGracePeriod']);
    await policyViewMatches('two in grace period');
    const groups = await rows(views.sidebar.cloudPcProvider);
    const grace = groups.find((g) => g.label === 'In grace period')!;
    const graceRows = await rows(views.sidebar.cloudPcProvider, grace.node);
    assert.equal(graceRows.length, 2);
    for (const r of graceRows) assert.match(r.description, /grace period ends/);
  });

  it('ends the grace period of one: it is deprovisioned and disappears', async () => {
    const groups = await rows(views.sidebar.cloudPcProvider);
    const grace = groups.find((g) => g.label === 'In grace period')!;
    const [first] = await rows(views.sidebar.cloudPcProvider, grace.node);
    await vscode.commands.executeCommand('cpcpolicy.endGracePeriod', first.node);
    await advance(2);
    assert.deepEqual(await statuses(), ['inGracePeriod']);
    await policyViewMatches('one left in grace');
  });

  it('deletes the policy once its Cloud PCs are gone', async () => {
    await advance(24 * 8);
    assert.deepEqual(await statuses(), []);
    assert.equal(await vscode.commands.executeCommand('cpcpolicy.deletePolicy', policyId), true);
    const policies = await rows(views.sidebar.policyProvider);
    assert.ok(!policies.some((p) => p.label === 'Scenario dedicated'));
  });
});
