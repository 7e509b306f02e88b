// Documents the extension writes carry no findings unless the deployed policy really breaks a rule: Open
// Deployed, Pull, a deleted policy's open tab, both sides of Deploy's diff; and the diff compares by
// meaning (null and absent are the same) in the file's order.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CpcPolicyApi } from '../../src/extensionApi';
import type { Views } from '../../src/vscode/views/registerViews';
import { answerQuestions, getExtension, waitFor, resetSimulatedTenant, scaled } from './testSupport';

// CPC318 is about the deployed value itself (the demo's Frontline policy uses region 'automatic'): whether it
// applies to that provisioning type is the rule's call, not an artefact of how the extension wrote the document.
const findingsOf = async (api: CpcPolicyApi, doc: vscode.TextDocument): Promise<string[]> =>
  (await api.validated(doc)).filter((f) => f.code !== 'CPC318').map((f) => `${f.code} ${f.message}`);

/** The two documents of the diff editor that is open now. */
async function openDiff(): Promise<{ before: vscode.TextDocument; after: vscode.TextDocument }> {
  const input = await waitFor(() => {
    const i = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    return i instanceof vscode.TabInputTextDiff ? i : undefined;
  }, 'the Deploy diff');
  return {
    before: await vscode.workspace.openTextDocument(input.original),
    after: await vscode.workspace.openTextDocument(input.modified),
  };
}

describe('documents the extension makes have no false findings', function () {
  this.timeout(scaled(120_000));
  let api: CpcPolicyApi;
  let views: Views;
  let dir: string;

  before(async () => {
    api = await getExtension().activate();
    views = api.views!;
    await vscode.workspace
      .getConfiguration('cpcpolicy')
      .update('backend', 'simulator', vscode.ConfigurationTarget.Global);
    await resetSimulatedTenant('demo');
    await views.sidebar.ensurePolicies();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpcpolicy-generated-'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Open Deployed and Pull write every demo policy without a finding (no null geographicLocationType)', async () => {
    for (const policy of await views.sidebar.api.listPolicies()) {
      const doc = await vscode.commands.executeCommand<vscode.TextDocument>('cpcpolicy.openPolicy', policy.id);
      assert.deepEqual(await findingsOf(api, doc), [], `${policy.displayName} (opened)`);
      assert.doesNotMatch(doc.getText(), /null/);
      const file = path.join(dir, `${policy.id}.cpcpolicy.json`);
      fs.writeFileSync(file, JSON.stringify({ displayName: policy.displayName }));
      assert.equal(await vscode.commands.executeCommand('cpcpolicy.pullPolicy', vscode.Uri.file(file)), true);
      assert.deepEqual(
        await findingsOf(api, await vscode.workspace.openTextDocument(vscode.Uri.file(file))),
        [],
        `${policy.displayName} (pulled)`,
      );
    }
  });

  it("a deleted policy's open tab says so in words, with no finding", async () => {
    const created = await views.sidebar.api.createPolicy({
      displayName: 'Generated: to delete',
      provisioningType: 'dedicated',
      imageType: 'gallery',
      imageId: 'microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365',
      domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'automatic', regionGroup: 'usEast' }],
      cloudPcNamingTemplate: 'GEN-%RAND:5%',
    });
    await views.sidebar.reloadPolicies();
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('cpcpolicy.openPolicy', created.id);
    await views.sidebar.api.deletePolicy(created.id);
    await views.sidebar.reloadPolicies();
    await waitFor(
      () => doc.getText().includes('no longer exists'),
      `the tab to say the policy is gone (text: ${doc.getText()})`,
    );
    assert.equal(doc.getText(), '// This policy no longer exists on Simulator: it was deleted.\n');
    assert.deepEqual(await findingsOf(api, doc), []);
  });

  it("the create diff's empty side has no CPC102; the update diff shows only real changes, in the file's order", async () => {
    const newFile = path.join(dir, 'brand-new.cpcpolicy.json');
    fs.writeFileSync(
      newFile,
      JSON.stringify(
        {
          displayName: 'Brand new',
          provisioningType: 'dedicated',
          imageType: 'gallery',
          imageId: 'microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365',
          domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'automatic' }],
          cloudPcNamingTemplate: 'NEW-%RAND:5%',
        },
        null,
        2,
      ),
    );
    let seen: { before: vscode.TextDocument; after: vscode.TextDocument } | undefined;
    // The answerer runs while the diff is open: it reads both sides, then keeps things as they are.
    const readDiff = async (): Promise<undefined> => {
      seen = await openDiff();
      return undefined;
    };
    let q = await answerQuestions(readDiff);
    try {
      await vscode.commands.executeCommand('cpcpolicy.deployPolicy', vscode.Uri.file(newFile));
    } finally {
      q.dispose();
    }
    const created = seen!;
    assert.equal(created.before.getText(), '');
    assert.deepEqual(await findingsOf(api, created.before), [], 'no CPC102 on the empty side');

    const standard = (await views.sidebar.api.listPolicies()).find((p) =>
      p.displayName.startsWith('Contoso Standard'),
    )!;
    const pulled = path.join(dir, 'standard-edit.cpcpolicy.json');
    fs.writeFileSync(pulled, JSON.stringify({ displayName: standard.displayName }));
    assert.equal(await vscode.commands.executeCommand('cpcpolicy.pullPolicy', vscode.Uri.file(pulled)), true);
    // Move the naming template to the top and change one value: the diff follows the file and shows one line.
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(pulled));
    const [header, ...rest] = doc.getText().split('\n');
    const { cloudPcNamingTemplate, ...others } = JSON.parse(rest.join('\n')) as Record<string, unknown>;
    const edited = `${header}\n${JSON.stringify({ cloudPcNamingTemplate, ...others, description: 'edited in the file' }, null, 2)}\n`;
    const we = new vscode.WorkspaceEdit();
    we.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), edited);
    assert.ok(await vscode.workspace.applyEdit(we));
    await doc.save();
    seen = undefined;
    q = await answerQuestions(readDiff);
    try {
      await vscode.commands.executeCommand('cpcpolicy.deployPolicy', vscode.Uri.file(pulled));
    } finally {
      q.dispose();
    }
    assert.deepEqual(
      q.asked.map((a) => a.message),
      [`Change 1 setting(s) of "${standard.displayName}"?`],
    );
    const diff = seen!;
    const beforeLines = diff.before.getText().split('\n');
    const afterLines = diff.after.getText().split('\n');
    assert.equal(beforeLines.length, afterLines.length);
    const changed = afterLines.filter((line, i) => line !== beforeLines[i]);
    assert.deepEqual(
      changed,
      ['  "description": "edited in the file",'],
      'only the edited line differs (no null-vs-absent noise)',
    );
    const fileKeys = Object.keys(JSON.parse(edited.slice(edited.indexOf('\n'))) as object).filter(
      (k) => k !== 'assignments',
    );
    const diffKeys = Object.keys(JSON.parse(diff.after.getText()) as object).filter((k) => k !== 'assignments');
    assert.deepEqual(diffKeys.slice(0, fileKeys.length), fileKeys, "the diff keeps the file's order, not alphabetical");
    assert.deepEqual(await findingsOf(api, diff.before), []);
    // The proposal is the tenant's own policy: no overlap with itself (CPC325) and no other finding.
    assert.deepEqual(await findingsOf(api, diff.after), []);
  });
});
