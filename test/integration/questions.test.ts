// Destructive actions ask first on every backend, once, saying what happens to how many Cloud PCs; no
// command argument skips a question (only the user's own setting may, and only on the simulator).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Views } from '../../src/vscode/views/registerViews';
import { answerQuestions, getExtension, resetSimulatedTenant, scaled } from './testSupport';

const KEEP = (): undefined => undefined;

describe('questions before destructive actions (simulator, default settings)', function () {
  this.timeout(scaled(120_000));
  let views: Views;

  const settings = () => vscode.workspace.getConfiguration('cpcpolicy.simulator');

  before(async () => {
    views = (await getExtension().activate()).views!;
    await vscode.workspace
      .getConfiguration('cpcpolicy')
      .update('backend', 'simulator', vscode.ConfigurationTarget.Global);
    await settings().update('askBeforeChanges', undefined, vscode.ConfigurationTarget.Global);
    await resetSimulatedTenant('demo');
    await views.sidebar.ensureCloudPcs();
    await views.sidebar.ensurePolicies();
  });

  after(async () => {
    await settings().update('askBeforeChanges', undefined, vscode.ConfigurationTarget.Global);
  });

  it('Reprovision asks once and says how many Cloud PCs lose their data; { confirm: false } does not skip it', async () => {
    const pc = (await views.sidebar.api.listCloudPcs()).find((p) => p.status === 'provisioned')!;
    const q = await answerQuestions(KEEP);
    try {
      assert.deepEqual(await vscode.commands.executeCommand('cpcpolicy.reprovision', pc.id, { confirm: false }), []);
    } finally {
      q.dispose();
    }
    assert.equal(q.asked.length, 1);
    assert.equal(q.asked[0].kind, 'confirm');
    assert.match(q.asked[0].message, /^Reprovision this Cloud PC\?$/);
    assert.match(
      q.asked[0].detail,
      new RegExp(`^Reprovisioning deletes ${pc.managedDeviceName} and everything its user stored on it`),
    );
    assert.equal((await views.sidebar.api.getCloudPc(pc.id)).status, 'provisioned', 'kept: nothing happened');
  });

  it('Reprovision\'s modal puts "Keep the Cloud PC(s)" first, not as the close affordance, so VS Code focuses it: Enter keeps', async () => {
    const pcs = (await views.sidebar.api.listCloudPcs()).filter((p) => p.status === 'provisioned').slice(0, 2);
    assert.equal(pcs.length, 2, 'two provisioned Cloud PCs in the demo tenant');
    const q = await answerQuestions(KEEP);
    try {
      await vscode.commands.executeCommand('cpcpolicy.reprovision', pcs[0]!.id);
      await vscode.commands.executeCommand('cpcpolicy.reprovision', [pcs[0]!.id, pcs[1]!.id]);
    } finally {
      q.dispose();
    }
    const buttons = q.asked.map((asked) =>
      asked.buttons?.map((b) => ({ title: b.title, isCloseAffordance: b.isCloseAffordance === true })),
    );
    assert.deepEqual(buttons, [
      [
        { title: 'Keep the Cloud PC', isCloseAffordance: false },
        { title: 'Reprovision', isCloseAffordance: false },
      ],
      [
        { title: 'Keep the Cloud PCs', isCloseAffordance: false },
        { title: 'Reprovision', isCloseAffordance: false },
      ],
    ]);
    for (const pc of pcs) assert.equal((await views.sidebar.api.getCloudPc(pc.id)).status, 'provisioned', 'kept');
  });

  it('Delete Policy wants the policy name typed and says how many Cloud PCs enter the grace period', async () => {
    const standard = (await views.sidebar.api.listPolicies()).find((p) =>
      p.displayName.startsWith('Contoso Standard'),
    )!;
    const active = (await views.sidebar.api.listCloudPcs()).filter(
      (pc) =>
        pc.provisioningPolicyId === standard.id && pc.status !== 'inGracePeriod' && pc.status !== 'deprovisioning',
    ).length;
    const q = await answerQuestions(() => 'delete');
    try {
      assert.equal(
        await vscode.commands.executeCommand('cpcpolicy.deletePolicy', standard.id, { confirm: false }),
        false,
      );
    } finally {
      q.dispose();
    }
    assert.equal(q.asked.length, 1);
    assert.equal(q.asked[0].kind, 'typed');
    assert.equal(q.asked[0].proceed, standard.displayName);
    assert.match(
      q.asked[0].detail,
      new RegExp(
        `Its 2 assignment\\(s\\) are removed first: its ${active} Cloud PC\\(s\\) enter the 7-day grace period`,
      ),
    );
    assert.equal(
      (await views.sidebar.api.getPolicy(standard.id)).assignments?.length,
      2,
      'a wrong answer changes nothing',
    );
  });

  it('Deploy of a file that drops an assignment says how many Cloud PCs enter the grace period, not that they keep their settings', async () => {
    const standard = (await views.sidebar.api.listPolicies()).find((p) =>
      p.displayName.startsWith('Contoso Standard'),
    )!;
    const full = await views.sidebar.api.getPolicy(standard.id);
    assert.ok((full.assignments?.length ?? 0) >= 2, 'the demo assigns Standard to two groups');
    const [dropped, ...kept] = full.assignments!.map((a) => a.target.groupId);
    const upns = async (groupId: string) =>
      (await views.sidebar.api.listGroupMembers(groupId)).map((m) =>
        (m as { userPrincipalName?: string }).userPrincipalName?.toLowerCase(),
      );
    const leaving = new Set(await upns(dropped));
    for (const g of kept) for (const u of await upns(g)) leaving.delete(u);
    const losing = (await views.sidebar.api.listCloudPcs()).filter(
      (pc) =>
        pc.provisioningPolicyId === standard.id &&
        pc.status !== 'inGracePeriod' &&
        pc.status !== 'deprovisioning' &&
        leaving.has(pc.userPrincipalName?.toLowerCase()),
    ).length;
    assert.ok(losing > 0, 'the dropped group has Cloud PCs of the policy');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpcpolicy-questions-'));
    const file = path.join(dir, 'standard.cpcpolicy.json');
    fs.writeFileSync(file, JSON.stringify({ displayName: standard.displayName }));
    const q = await answerQuestions(KEEP);
    try {
      assert.equal(await vscode.commands.executeCommand('cpcpolicy.pullPolicy', vscode.Uri.file(file)), true);
      const text = fs.readFileSync(file, 'utf8');
      const header = text.slice(0, text.indexOf('{'));
      const body = JSON.parse(text.slice(header.length)) as { assignments: { target: { groupId: string } }[] };
      body.assignments = body.assignments.filter((a) => a.target.groupId !== dropped);
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      const edit = new vscode.WorkspaceEdit();
      edit.replace(
        doc.uri,
        new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)),
        `${header}${JSON.stringify(body, null, 2)}\n`,
      );
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.equal(await vscode.commands.executeCommand('cpcpolicy.deployPolicy', doc.uri), undefined);
    } finally {
      q.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(dir, { recursive: true, force: true });
    }
    assert.equal(q.asked.length, 1);
    assert.match(q.asked[0].message, /^Change 1 setting\(s\) of "Contoso Standard/);
    assert.match(
      q.asked[0].detail,
      new RegExp(
        `^Changes: assignments\\.\\nThe file no longer assigns 1 group\\(s\\): ${losing} Cloud PC\\(s\\) from the policy enter the 7-day grace period`,
      ),
    );
    assert.doesNotMatch(
      q.asked[0].detail,
      /^Existing Cloud PCs keep their settings/m,
      'the Cloud PCs that go are not said to keep anything',
    );
    assert.equal(
      (await views.sidebar.api.getPolicy(standard.id)).assignments?.length,
      full.assignments!.length,
      'kept: nothing deployed',
    );
  });

  it('Remove Assignment says how many Cloud PCs enter the grace period; the safe answer keeps it', async () => {
    const finance = (await views.sidebar.api.listPolicies()).find((p) => p.displayName.startsWith('Contoso Finance'))!;
    const full = await views.sidebar.api.getPolicy(finance.id);
    const groupId = full.assignments![0].target.groupId;
    const members = new Set(
      (await views.sidebar.api.listGroupMembers(groupId)).map((m) =>
        (m as { userPrincipalName?: string }).userPrincipalName?.toLowerCase(),
      ),
    );
    const losing = (await views.sidebar.api.listCloudPcs()).filter(
      (pc) =>
        pc.provisioningPolicyId === finance.id &&
        pc.status !== 'inGracePeriod' &&
        pc.status !== 'deprovisioning' &&
        members.has(pc.userPrincipalName?.toLowerCase()),
    ).length;
    assert.ok(losing > 0, 'the demo has Finance Cloud PCs');
    const q = await answerQuestions(KEEP);
    try {
      await vscode.commands.executeCommand('cpcpolicy.removeAssignment', finance.id, groupId);
    } finally {
      q.dispose();
    }
    assert.equal(q.asked.length, 1);
    assert.equal(q.asked[0].proceed, 'Remove Assignment');
    assert.match(
      q.asked[0].detail,
      new RegExp(`^${losing} Cloud PC\\(s\\) from this policy enter the 7-day grace period`),
    );
    assert.equal((await views.sidebar.api.getPolicy(finance.id)).assignments?.length, 1);
  });

  it("End Grace Period wants the Cloud PC's name typed; only the exact name ends it", async () => {
    const pc = (await views.sidebar.api.listCloudPcs()).find((p) => p.status === 'inGracePeriod')!;
    const q = await answerQuestions(() => '');
    await vscode.commands.executeCommand('cpcpolicy.endGracePeriod', pc.id);
    q.dispose();
    assert.equal(q.asked[0].kind, 'typed');
    assert.equal(q.asked[0].proceed, pc.managedDeviceName);
    assert.match(q.asked[0].detail, /1 Cloud PC\(s\) are deprovisioned now/);
    assert.equal(
      (await views.sidebar.api.getCloudPc(pc.id)).status,
      'inGracePeriod',
      'an empty answer (Enter) ends nothing',
    );
    const yes = await answerQuestions();
    await vscode.commands.executeCommand('cpcpolicy.endGracePeriod', pc.id);
    yes.dispose();
    assert.notEqual(
      (await views.sidebar.api.getCloudPc(pc.id).catch(() => ({ status: 'gone' }))).status,
      'inGracePeriod',
    );
  });

  it('Deploy and Assign ask even when their arguments would bypass the pickers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpcpolicy-questions-'));
    const file = path.join(dir, 'q.cpcpolicy.json');
    fs.writeFileSync(
      file,
      JSON.stringify(
        {
          displayName: 'Questions test',
          provisioningType: 'dedicated',
          imageType: 'gallery',
          imageId: 'microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365',
          domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'automatic', regionGroup: 'usEast' }],
          cloudPcNamingTemplate: 'QST-%RAND:5%',
        },
        null,
        2,
      ),
    );
    const retail = (await views.sidebar.api.listPolicies()).find((p) => p.displayName.startsWith('Frontline Retail'))!;
    const q = await answerQuestions(KEEP);
    try {
      assert.equal(
        await vscode.commands.executeCommand('cpcpolicy.deployPolicy', vscode.Uri.file(file), { confirm: false }),
        undefined,
      );
      const group = (await views.sidebar.api.searchGroups('')).find((g) => g.displayName === 'Frontline Retail')!;
      await vscode.commands.executeCommand('cpcpolicy.assign', retail.id, [group.id]);
    } finally {
      q.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    assert.deepEqual(
      q.asked.map((a) => a.proceed),
      ['Create', 'Apply'],
    );
    assert.equal((await views.sidebar.api.findPoliciesByName('Questions test')).length, 0);
    assert.deepEqual((await views.sidebar.api.getPolicy(retail.id)).assignments ?? [], []);
  });

  it('Apply asks, says how many Cloud PCs change and that they restart; a setting argument does not skip it', async () => {
    const standard = (await views.sidebar.api.listPolicies()).find((p) =>
      p.displayName.startsWith('Contoso Standard'),
    )!;
    const mine = (await views.sidebar.api.listCloudPcs()).filter((pc) => pc.provisioningPolicyId === standard.id);
    const delivered = mine.filter((pc) => pc.status === 'provisioned' || pc.status === 'provisionedWithWarnings');
    assert.ok(delivered.length > 0);
    const q = await answerQuestions(KEEP);
    try {
      await vscode.commands.executeCommand('cpcpolicy.applySettings', standard.id, 'region');
    } finally {
      q.dispose();
    }
    assert.equal(q.asked.length, 1);
    assert.equal(q.asked[0].kind, 'confirm');
    assert.equal(q.asked[0].proceed, 'Apply');
    assert.match(q.asked[0].message, /region.*Contoso Standard/);
    assert.match(q.asked[0].detail, new RegExp(`^${delivered.length} Cloud PC\\(s\\) change: each restarts`));
    const after = (await views.sidebar.api.listCloudPcs()).filter((pc) => pc.provisioningPolicyId === standard.id);
    assert.deepEqual(
      after.map((pc) => pc.status),
      mine.map((pc) => pc.status),
      'kept: nothing was applied',
    );
  });

  it('Reset Tenant asks even when a seed is given as an argument; keeping leaves the tenant as it was', async () => {
    const before = (await views.sidebar.api.listPolicies()).length;
    assert.ok(before > 0);
    const q = await answerQuestions(KEEP);
    try {
      await vscode.commands.executeCommand('cpcpolicy.simulator.resetTenant', 'empty');
    } finally {
      q.dispose();
    }
    assert.equal(q.asked.length, 1);
    assert.match(q.asked[0].message, /^Reset the simulated tenant to an empty tenant\?$/);
    assert.equal((await views.sidebar.api.listPolicies()).length, before, 'kept: nothing was reset');
  });

  it("the user setting turns the simulator's questions off; asking is the default", async () => {
    const pc = (await views.sidebar.api.listCloudPcs()).find((p) => p.status === 'provisioned')!;
    await settings().update('askBeforeChanges', false, vscode.ConfigurationTarget.Global);
    const q = await answerQuestions(KEEP);
    try {
      const results = await vscode.commands.executeCommand<{ ok: boolean }[]>('cpcpolicy.reprovision', pc.id);
      assert.deepEqual(
        results.map((r) => r.ok),
        [true],
      );
    } finally {
      q.dispose();
      await settings().update('askBeforeChanges', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal(q.asked.length, 0);
    assert.equal(settings().inspect('askBeforeChanges')?.defaultValue, true, 'asking is the default');
  });
});
