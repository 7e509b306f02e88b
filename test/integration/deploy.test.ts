// Deploy by identity and without half-deploys, in the real extension host on the simulator: a file bound
// to its deployed policy (Pull's header, or the comment Deploy writes) stays bound through a rename; a
// bound policy that is gone is said to be gone; the whole change is checked before anything is written.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Views } from '../../src/vscode/views/registerViews';
import { answerQuestions, getExtension, resetSimulatedTenant, scaled } from './testSupport';

const BASE = {
  provisioningType: 'dedicated',
  imageType: 'gallery',
  imageId: 'microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365',
  domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'automatic', regionGroup: 'usEast' }],
  cloudPcNamingTemplate: 'BND-%RAND:5%',
};

describe('deploy by identity, and nothing half-deployed', function () {
  this.timeout(scaled(120_000));
  let views: Views;
  let dir: string;
  let questions: Awaited<ReturnType<typeof answerQuestions>>;

  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const deploy = (file: string) =>
    vscode.commands.executeCommand<string | string[] | undefined>('cpcpolicy.deployPolicy', vscode.Uri.file(file));
  /** Edits the open document the way a person would, then saves it. */
  const edit = async (file: string, change: (text: string) => string): Promise<void> => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const we = new vscode.WorkspaceEdit();
    we.replace(
      doc.uri,
      new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)),
      change(doc.getText()),
    );
    assert.ok(await vscode.workspace.applyEdit(we));
    await doc.save();
  };
  const textOf = async (file: string): Promise<string> =>
    (await vscode.workspace.openTextDocument(vscode.Uri.file(file))).getText();

  before(async () => {
    views = (await getExtension().activate()).views!;
    await vscode.workspace
      .getConfiguration('cpcpolicy')
      .update('backend', 'simulator', vscode.ConfigurationTarget.Global);
    await resetSimulatedTenant('demo');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpcpolicy-deploy-'));
  });

  beforeEach(async () => {
    questions = await answerQuestions();
  });

  afterEach(() => questions.dispose());

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a pulled file stays bound: a new displayName is an update, and the question says "Rename … and change 2 settings"', async () => {
    const created = await views.sidebar.api.createPolicy({
      displayName: 'Bound A',
      description: 'first',
      enableSingleSignOn: false,
      ...BASE,
    } as never);
    const file = write(
      'bound.cpcpolicy.json',
      JSON.stringify({ displayName: 'Bound A', provisioningType: 'dedicated' }),
    );
    assert.equal(await vscode.commands.executeCommand('cpcpolicy.pullPolicy', vscode.Uri.file(file)), true);
    assert.match(await textOf(file), new RegExp(`policy id ${created.id}`));
    await edit(file, (text) =>
      text
        .replace('"displayName": "Bound A"', '"displayName": "Bound A v2"')
        .replace('"description": "first"', '"description": "second"')
        .replace('"enableSingleSignOn": false', '"enableSingleSignOn": true'),
    );
    assert.equal(await deploy(file), created.id, 'the same policy, not a new one');
    assert.deepEqual(
      questions.asked.map((q) => q.message),
      ['Rename "Bound A" to "Bound A v2" and change 2 setting(s)?'],
    );
    assert.match(questions.asked[0].detail, /^Changes: description, enableSingleSignOn\./);
    assert.equal((await views.sidebar.api.findPoliciesByName('Bound A')).length, 0, 'no policy keeps the old name');
    const renamed = await views.sidebar.api.getPolicy(created.id);
    assert.equal(renamed.displayName, 'Bound A v2');
    assert.equal(renamed.description, 'second');
  });

  it('says when the bound policy no longer exists, offers to create it, and binds the file to the new one', async () => {
    const created = await views.sidebar.api.createPolicy({ displayName: 'Bound gone', ...BASE } as never);
    const file = write(
      'gone.cpcpolicy.json',
      JSON.stringify({ displayName: 'Bound gone', provisioningType: 'dedicated' }),
    );
    assert.equal(await vscode.commands.executeCommand('cpcpolicy.pullPolicy', vscode.Uri.file(file)), true);
    await views.sidebar.api.deletePolicy(created.id);
    const id = await deploy(file);
    assert.equal(questions.asked.length, 1);
    assert.match(
      questions.asked[0].message,
      /^The policy this file was deployed as no longer exists on Simulator\. Create "Bound gone" as a new policy\?$/,
    );
    assert.equal(questions.asked[0].proceed, 'Create');
    assert.ok(typeof id === 'string' && id !== created.id);
    const text = await textOf(file);
    assert.match(text, new RegExp(`policy id ${id}`), 'the header names the new policy');
    assert.doesNotMatch(text, new RegExp(created.id));
  });

  it('binds a new file on create, so its next rename is an update too', async () => {
    const file = write('fresh.cpcpolicy.json', JSON.stringify({ displayName: 'Fresh one', ...BASE }, null, 2));
    const id = await deploy(file);
    assert.ok(typeof id === 'string');
    assert.match(await textOf(file), new RegExp(`^// Fresh one: deployed to Simulator \\(policy id ${id}\\)\\.\\n\\{`));
    await edit(file, (text) => text.replace('"Fresh one"', '"Fresh two"'));
    assert.equal(await deploy(file), id);
    assert.equal((await views.sidebar.api.getPolicy(id)).displayName, 'Fresh two');
  });

  it('binds each policy of a { "policies": [...] } file the same way', async () => {
    const file = write(
      'fleet-bound.cpcpolicy.json',
      JSON.stringify(
        {
          policies: [
            { displayName: 'Fleet bound 1', ...BASE },
            { displayName: 'Fleet bound 2', ...BASE },
          ],
        },
        null,
        2,
      ),
    );
    const ids = (await deploy(file)) as string[];
    assert.equal(ids.length, 2);
    const text = await textOf(file);
    for (const id of ids) assert.ok(text.includes(`// policy id ${id}`), `comment for ${id} in\n${text}`);
    await edit(file, (t) => t.replace('"Fleet bound 2"', '"Fleet bound 2 renamed"'));
    questions.asked.length = 0;
    assert.deepEqual(await deploy(file), ids);
    assert.match(questions.asked[0].detail, /Update 1: "Fleet bound 2 renamed" \(renamed from "Fleet bound 2"\)/);
    assert.equal((await views.sidebar.api.getPolicy(ids[1])).displayName, 'Fleet bound 2 renamed');
  });

  it('refuses before writing anything when an assignment names a group that does not exist', async () => {
    const before = (await views.sidebar.api.listPolicies()).length;
    const file = write(
      'nogroup.cpcpolicy.json',
      JSON.stringify(
        {
          displayName: 'No such group',
          ...BASE,
          assignments: [{ target: { groupId: '00000000-0000-0000-0000-000000000000' } }],
        },
        null,
        2,
      ),
    );
    assert.equal(await deploy(file), undefined);
    assert.deepEqual(questions.asked, [], 'refused before the question');
    assert.equal((await views.sidebar.api.listPolicies()).length, before, 'nothing was created');
  });

  it("refuses a many-policy file whose Frontline allotments exceed the tenant's licenses, creating none of it", async () => {
    const text = fs
      .readFileSync(path.join(getExtension().extensionPath, 'samples', 'fleet.cpcpolicy.json'), 'utf8')
      .replace(/"displayName": "/g, '"displayName": "Over ')
      .replace(/"allotmentLicensesCount": \d+/g, '"allotmentLicensesCount": 40');
    const names = [...text.matchAll(/"displayName": "([^"]+)"/g)].map((m) => m[1]!);
    assert.equal(await deploy(write('over.cpcpolicy.json', text)), undefined);
    for (const name of names)
      assert.equal((await views.sidebar.api.findPoliciesByName(name)).length, 0, `${name} was not created`);
  });

  it('deploys the new-policy snippet whole: no made-up group, nothing half-deployed', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('cpcpolicy.newPolicyFile');
    assert.doesNotMatch(doc.getText(), /00000000-0000/);
    const id = await vscode.commands.executeCommand<string | undefined>('cpcpolicy.deployPolicy', doc.uri);
    assert.ok(typeof id === 'string', 'created');
    assert.deepEqual((await views.sidebar.api.getPolicy(id)).assignments ?? [], []);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
