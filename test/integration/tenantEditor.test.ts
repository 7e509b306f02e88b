// The editor knows the tenant (the embedded simulator's demo tenant): completion lists its connections with
// their health, the failing connection and the expired image are warned about under "cpcpolicy (tenant)",
// a made-up id gets "not found" with a quick fix that offers the tenant's choices.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { answerQuestions, getExtension, openPolicyText, waitFor, codeOf, scaled } from './testSupport';

const ANC_HEALTHY = '16ee6c71-fc10-438b-88ac-daa1ccafffff';
const ANC_FAILING = '26e16c71-fc10-438b-88ac-daa1ccaeeeee';
const EXPIRED_IMAGE = 'microsoftwindowsdesktop_windows-ent-cpc_win11-22h2-ent-cpc-m365';
const MADE_UP = '0d9a1c3e-1111-4222-8333-944455556666';
const SOURCE = 'cpcpolicy (tenant)';

function tenantDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function policy(imageId: string, connectionId: string): string {
  return [
    '{',
    '  "displayName": "Tenant aware",',
    '  "imageType": "gallery",',
    `  "imageId": "${imageId}",`,
    `  "domainJoinConfigurations": [{ "domainJoinType": "hybridAzureADJoin", "onPremisesConnectionId": "${connectionId}" }],`,
    '  "cloudPcNamingTemplate": "CPC-%RAND:5%"',
    '}',
    '',
  ].join('\n');
}

describe('the editor knows the tenant (simulator)', function () {
  this.timeout(scaled(60_000));

  before(async () => {
    await getExtension().activate();
    await vscode.workspace
      .getConfiguration('cpcpolicy')
      .update('backend', 'simulator', vscode.ConfigurationTarget.Global);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('where the tenant answers, completion lists its entries alone: automatic once, no raw image ids', async () => {
    const doc = await openPolicyText(
      '{\n  "displayName": "One list",\n  "imageType": "gallery",\n  "imageId": "",\n  "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "" }]\n}\n',
    );
    await vscode.window.showTextDocument(doc);
    const labelsAt = async (needle: string): Promise<string[]> => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        doc.positionAt(doc.getText().indexOf(needle) + needle.length),
      );
      return list.items.map((i) => (typeof i.label === 'object' ? i.label.label : i.label));
    };
    // The tenant's regions are read once the cache is ready: its named entries show.
    const regions = await waitFor(async () => {
      const labels = await labelsAt('"regionName": "');
      return labels.length > 2 ? labels : undefined;
    }, "the tenant's regions in completion");
    assert.equal(regions.filter((l) => l.replace(/"/g, '') === 'automatic').length, 1, regions.join(', '));
    const images = await labelsAt('"imageId": "');
    assert.ok(images.length > 0, 'the tenant names its images');
    assert.deepEqual(
      images.filter((l) => /^"microsoftwindowsdesktop_/.test(l)),
      [],
      'no raw example ids beside the named images',
    );
  });

  it("completion on onPremisesConnectionId lists the tenant's connections by name with their health, and inserts the id", async () => {
    const doc = await openPolicyText(policy('microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365', ''));
    await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(
      doc.getText().indexOf('"onPremisesConnectionId": ""') + '"onPremisesConnectionId": "'.length,
    );
    const items = await waitFor(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        at,
      );
      const found = list.items.filter((i) => typeof i.label === 'object' && /Contoso/.test(i.label.label));
      return found.length >= 2 ? found : undefined;
    }, "the tenant's connections in completion");
    const failing = items.find((i) => (i.insertText as vscode.SnippetString).value.includes(ANC_FAILING))!;
    assert.equal((failing.label as vscode.CompletionItemLabel).label, 'Contoso West Europe (hybrid)');
    assert.match(failing.detail ?? '', /health failed/);
    const healthy = items.find((i) => (i.insertText as vscode.SnippetString).value.includes(ANC_HEALTHY))!;
    assert.match(healthy.detail ?? '', /health passed/);
  });

  it('warns about the failing connection and the expired image, in their own diagnostic source', async () => {
    const doc = await openPolicyText(policy(EXPIRED_IMAGE, ANC_FAILING));
    const found = await waitFor(() => {
      const d = tenantDiagnostics(doc.uri);
      return d.length >= 2 ? d : undefined;
    }, 'two tenant findings');
    const byCode = new Map(found.map((d) => [codeOf(d), d]));
    assert.match(byCode.get('CPC502')!.message, /^Provisioning will fail: .*failed its health checks/);
    assert.equal(byCode.get('CPC502')!.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(byCode.get('CPC504')!.message, /expired on 2025-04-08/);
    // The offline rules know nothing of the tenant: none of their findings is about it.
    assert.ok(
      vscode.languages
        .getDiagnostics(doc.uri)
        .filter((d) => d.source === 'cpcpolicy')
        .every((d) => !/CPC5\d\d/.test(codeOf(d))),
    );
  });

  it('a made-up connection id is "not found", and the quick fix puts in a healthy connection of the tenant', async () => {
    const doc = await openPolicyText(
      policy('microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365', MADE_UP),
    );
    const editor = await vscode.window.showTextDocument(doc);
    const [notFound] = await waitFor(() => {
      const d = tenantDiagnostics(doc.uri).filter((x) => codeOf(x) === 'CPC501');
      return d.length ? d : undefined;
    }, 'CPC501');
    assert.equal(notFound!.severity, vscode.DiagnosticSeverity.Error);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      notFound!.range,
    );
    const fix = actions.find((a) => a.title.includes('Contoso East US 2 (hybrid)'));
    assert.ok(fix?.edit, `a fix naming the healthy connection among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(editor.document.getText().includes(ANC_HEALTHY));
    await waitFor(() => tenantDiagnostics(doc.uri).length === 0 || undefined, 'no tenant findings after the fix');
  });

  it('hover on a connection id says which connection it is and its health', async () => {
    const doc = await openPolicyText(
      policy('microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365', ANC_FAILING),
    );
    const at = doc.positionAt(doc.getText().indexOf(ANC_FAILING) + 4);
    const text = await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
      const all = hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
        .join('\n');
      return all.includes('Contoso West Europe') ? all : undefined;
    }, 'the connection in the hover');
    assert.match(text, /Health: failed \(Active Directory domain join failed/);
  });

  it('groupId completes groups found by name as you type, and hover shows members and licensed members', async () => {
    // Whatever tenant the suites before left (the demo, or the empty seed with the scenario's team): one of its groups.
    const [group] = await (await getExtension().activate()).views!.sidebar.api.searchGroups('');
    assert.ok(group, 'the tenant has a group');
    const typed = group.displayName.slice(0, Math.min(6, group.displayName.length));
    const doc = await openPolicyText(
      `{\n  "displayName": "Groups by name",\n  "assignments": [{ "target": { "groupId": ${JSON.stringify(typed)} } }]\n}\n`,
    );
    await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(doc.getText().indexOf(typed) + typed.length);
    const item = await waitFor(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        at,
      );
      return list.items.find((i) => typeof i.label === 'object' && i.label.label === group.displayName);
    }, `${group.displayName} in completion`);
    const id = JSON.parse((item.insertText as vscode.SnippetString).value) as string;
    assert.equal(id, group.id);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, item.range as vscode.Range, JSON.stringify(id));
    assert.ok(await vscode.workspace.applyEdit(edit));
    const idAt = doc.positionAt(doc.getText().indexOf(id) + 3);
    let shown = '';
    const text = await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, idAt);
      shown = hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
        .join('\n');
      return /direct member/.test(shown) ? shown : undefined;
    }, 'the group in the hover').catch((err: Error) => {
      throw new Error(`${err.message}; ${group.displayName} (${group.id}), the hover showed ${JSON.stringify(shown)}`);
    });
    assert.ok(text.includes(`**${group.displayName}** — Microsoft Entra group`));
    assert.match(text, /\d+ direct members?, \d+ with a Windows 365 license/);
  });

  it('the CodeLens says Not deployed, then matches after Deploy, then differs after an edit, without a reload', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpcpolicy-lens-'));
    const file = path.join(dir, 'lens.cpcpolicy.json');
    const name = `Lens ${Date.now()}`;
    fs.writeFileSync(
      file,
      policy('microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365', ANC_HEALTHY).replace(
        '"Tenant aware"',
        JSON.stringify(name),
      ),
    );
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const lensTitles = (): Thenable<string[]> =>
      vscode.commands
        .executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)
        .then((lenses) => lenses.map((l) => l.command?.title ?? ''));
    const until = (want: RegExp, what: string): Promise<string[]> =>
      waitFor(
        async () => {
          const titles = await lensTitles();
          return titles.some((t) => want.test(t)) ? titles : undefined;
        },
        what,
        30_000,
      );
    assert.deepEqual(await until(/^Not deployed$/, 'Not deployed'), ['Not deployed', 'Deploy']);
    const questions = await answerQuestions();
    try {
      assert.ok(await vscode.commands.executeCommand('cpcpolicy.deployPolicy', doc.uri));
    } finally {
      questions.dispose();
    }
    const matches = await until(/^Deployed · matches/, 'matches after Deploy');
    assert.deepEqual(matches.slice(1), ['Show']);
    const edit = new vscode.WorkspaceEdit();
    const at = doc.getText().indexOf('"cloudPcNamingTemplate"');
    edit.insert(doc.uri, doc.positionAt(at), '"description": "edited in the file",\n  ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.deepEqual(await until(/^Deployed · differs in 1 property$/, 'differs after an edit'), [
      'Deployed · differs in 1 property',
      'Diff',
      'Deploy',
    ]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
