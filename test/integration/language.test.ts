import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CpcPolicyApi } from '../../src/extensionApi';
import { getExtension, openPolicyText, samplesDir, waitFor, codeOf, scaled } from './testSupport';

const openPolicy = openPolicyText;
/** 1 MB through the extension host protocol, the worker and back: seconds idle, minutes with both cores busy. */
const LARGE_FILE_TIMEOUT = 240_000;

function codesOf(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).map((d) => codeOf(d));
}

function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const offset = doc.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is in the document`);
  return doc.positionAt(offset + delta);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

describe('the cpcpolicy language in the editor', () => {
  let api: CpcPolicyApi;

  before(async () => {
    api = await getExtension().activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows no errors for the valid sample files, and the expected codes for an invalid one', async () => {
    const valid = fs.readdirSync(samplesDir()).filter((f) => f.endsWith('.cpcpolicy.json'));
    assert.ok(valid.length >= 3);
    for (const file of valid) {
      const doc = await vscode.workspace.openTextDocument(path.join(samplesDir(), file));
      assert.equal(doc.languageId, 'cpcpolicy');
      const findings = await api.validated(doc);
      assert.deepEqual(
        findings.filter((f) => f.severity === 'error').map((f) => `${file}: ${f.code} ${f.message}`),
        [],
      );
    }
    const invalid = await vscode.workspace.openTextDocument(
      path.join(samplesDir(), 'invalid', 'persistence-on-dedicated.cpcpolicy.json'),
    );
    await vscode.window.showTextDocument(invalid);
    await api.validated(invalid);
    await waitFor(() => codesOf(invalid.uri).includes('CPC302'), 'CPC302 in the Problems list');
  });

  it('reports what the service would reject, with stable codes, as you type', async () => {
    const doc = await openPolicy(
      '{\n  "displayName": "Sales <EMEA>",\n  "provisioningType": "dedicated",\n  "cloudPcNamingTemplate": "CPC-%RAND:3%"\n}\n',
    );
    const codes = await waitFor(() => {
      const c = codesOf(doc.uri);
      return c.includes('CPC307') && c.includes('CPC408') ? c : undefined;
    }, 'CPC307 and CPC408');
    assert.ok(codes.includes('CPC307'));
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((b) =>
      b.replace(new vscode.Range(positionOf(doc, 'Sales <EMEA>'), positionOf(doc, 'Sales <EMEA>', 12)), 'Sales EMEA'),
    );
    await waitFor(() => !codesOf(doc.uri).includes('CPC307'), 'CPC307 to clear after the edit');
    assert.ok(codesOf(doc.uri).includes('CPC408'), 'the naming finding stays');
  });

  it('offers a quick fix that migrates a deprecated property, and applying it clears the finding', async () => {
    const doc = await openPolicy(
      '{\n  "displayName": "Legacy",\n  "provisioningType": "dedicated",\n  "imageType": "gallery",\n  "imageId": "microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365",\n  "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic" }],\n  "windowsSettings": { "language": "en-GB" },\n  "cloudPcNamingTemplate": "LEG-%RAND:6%"\n}\n',
    );
    await waitFor(() => codesOf(doc.uri).includes('CPC313'), 'CPC313 (windowsSettings is deprecated)');
    const diagnostic = vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === 'CPC313')!;
    assert.ok(diagnostic.tags?.includes(vscode.DiagnosticTag.Deprecated), 'tagged deprecated');
    // The code links to the rule's row in docs/rules.md (the Problems view and the hover show the link).
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.toString(true), 'https://github.com/cpcpolicy/cpcpolicy/blob/main/docs/rules.md#cpc313');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diagnostic.range,
    );
    const fix = actions.find((a) => /windowsSetting/.test(a.title));
    assert.ok(fix?.edit, `a quick fix is offered (got: ${actions.map((a) => a.title).join(', ')})`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitFor(() => !codesOf(doc.uri).includes('CPC313'), 'CPC313 to clear');
    const fixed = doc.getText();
    assert.match(fixed, /"windowsSetting"\s*:\s*\{\s*"locale"\s*:\s*"en-GB"/);
    assert.doesNotMatch(fixed, /"windowsSettings"/);
  });

  it('previews Cloud PC names after the naming template, as an inlay hint and on hover', async () => {
    const doc = await openPolicy(
      '{\n  "displayName": "Preview",\n  "provisioningType": "dedicated",\n  "cloudPcNamingTemplate": "CPC-%USERNAME:4%-%RAND:5%"\n}\n',
    );
    const hints = await waitFor(async () => {
      const h = await vscode.commands.executeCommand<vscode.InlayHint[]>(
        'vscode.executeInlayHintProvider',
        doc.uri,
        new vscode.Range(0, 0, doc.lineCount, 0),
      );
      return h && h.length > 0 ? h : undefined;
    }, 'an inlay hint');
    const label = typeof hints[0].label === 'string' ? hints[0].label : hints[0].label.map((p) => p.value).join('');
    assert.match(label, /^→ CPC-[A-Za-z0-9]{1,4}-[A-Za-z0-9]{5} · 11–14 chars$/);
    assert.equal(hints[0].position.line, 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      positionOf(doc, 'CPC-%USER', 2),
    );
    assert.match(hoverText(hovers), /CPC-[A-Za-z0-9]+-[A-Za-z0-9]{5}/);
  });

  it('explains properties on hover, including that domainJoinConfigurations is a priority order', async () => {
    const doc = await openPolicy('{\n  "displayName": "Hover",\n  "domainJoinConfigurations": []\n}\n');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      positionOf(doc, 'domainJoinConfigurations', 3),
    );
    assert.match(hoverText(hovers), /priorit/i);
  });

  it('completes property names with documentation, and enum values', async () => {
    const doc = await openPolicy('{\n  "displayName": "Complete",\n  "provisioningType": "",\n  \n}\n');
    const props = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(3, 2),
    );
    const labels = props.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(
      labels.some((l) => l.includes('cloudPcNamingTemplate')),
      `property completion (got ${labels.slice(0, 15).join(', ')})`,
    );
    const values = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      positionOf(doc, '""', 1),
    );
    const valueLabels = values.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(
      valueLabels.some((l) => l.includes('sharedByEntraGroup')),
      `enum completion (got ${valueLabels.join(', ')})`,
    );
  });

  /** 700 policies, over 1 MB; policy 650 has a misspelt imageType, a closed enum (line 652). */
  function megabyteFleet(): string {
    const policy = (i: number) =>
      `    { "displayName": "Fleet ${i}", "provisioningType": "dedicated", "imageType": "gallery", "imageId": "microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365", "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic" }], "windowsSetting": { "locale": "en-US" }, "cloudPcNamingTemplate": "F${i % 10}-%RAND:8%", "description": "${'x'.repeat(1200)}" }`;
    const items = Array.from({ length: 700 }, (_, i) => policy(i));
    items[650] = items[650].replace('"gallery"', '"galery"');
    return `{\n  "policies": [\n${items.join(',\n')}\n  ]\n}\n`;
  }

  it('outlines a 1 MB file in the worker, and hover and name previews read only the policy at hand', async function () {
    this.timeout(scaled(LARGE_FILE_TIMEOUT));
    const doc = await openPolicy(megabyteFleet());
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      doc.uri,
    );
    assert.equal(symbols[0]?.name, 'policies');
    assert.equal(symbols[0]?.children.length, 700);
    assert.equal(symbols[0]?.children[650]?.name, 'Fleet 650');
    const key = positionOf(doc, '"Fleet 400", "provisioningType"', '"Fleet 400", "p'.length);
    assert.equal(key.line, 402);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, key);
    assert.match(hoverText(hovers), /provisioningType/);
    assert.equal(hovers.find((h) => /provisioningType/.test(hoverText([h])))?.range?.start.line, 402);
    const visible = new vscode.Range(400, 0, 403, 0);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
      'vscode.executeInlayHintProvider',
      doc.uri,
      visible,
    );
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.equal(labels.length, 3, `one hint per visible template (got ${labels.join(' | ')})`);
    assert.match(labels[0]!, /^→ F8-[A-Z0-9]{8} · 11 chars$/);
  });

  it('validates a 1 MB file off the main thread and still reports its findings', async function () {
    this.timeout(scaled(LARGE_FILE_TIMEOUT));
    const doc = await openPolicy(megabyteFleet());
    assert.ok(doc.getText().length > 1_000_000, `a 1 MB document (${doc.getText().length} chars)`);
    const findings = await api.validated(doc);
    const bad = findings.find((f) => f.code === 'CPC203');
    assert.ok(bad, `CPC203 for the misspelt imageType (got ${findings.map((f) => f.code).join(', ')})`);
    assert.equal(doc.positionAt(bad.range.offset).line, 652);
  });

  it('Format Document past the nesting limit makes no edits; a 1 MB naming template gets a short hint', async () => {
    const deep = await openPolicy(`{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>(
      'vscode.executeFormatDocumentProvider',
      deep.uri,
      { tabSize: 2, insertSpaces: true },
    );
    assert.deepEqual(edits ?? [], []);
    const long = await openPolicy(JSON.stringify({ cloudPcNamingTemplate: 'CPC-%RAND:5%'.repeat(90_000) }));
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
      'vscode.executeInlayHintProvider',
      long.uri,
      new vscode.Range(0, 0, 1, 0),
    );
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.equal(labels.length, 1);
    assert.match(labels[0]!, /too long to preview/);
    assert.ok(labels[0]!.length <= 120);
  });

  it('lists the policy in the outline', async () => {
    const doc = await vscode.workspace.openTextDocument(path.join(samplesDir(), 'finance-dedicated.cpcpolicy.json'));
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      doc.uri,
    );
    const names = JSON.stringify(symbols, (key, value) =>
      key === 'range' || key === 'selectionRange' ? undefined : value,
    );
    assert.match(names, /displayName|Finance dedicated/);
  });
});

describe('New Cloud PC Policy File', () => {
  it('opens an untitled policy that validates without errors', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('cpcpolicy.newPolicyFile');
    assert.equal(doc.languageId, 'cpcpolicy');
    assert.match(doc.getText(), /"cloudPcNamingTemplate": "CPC-%USERNAME:4%-%RAND:5%"/);
    const findings = await (await getExtension().activate()).validated(doc);
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error').map((f) => f.message),
      [],
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('names each new file afresh, so it never opens with the text of a file just closed without saving', async () => {
    // VS Code hands a freed "Untitled-N" to the next unnamed document and may restore the closed one's
    // backup into it (a race: whether the backup was written yet). A name used once cannot be restored into.
    const names = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const doc = await vscode.commands.executeCommand<vscode.TextDocument>('cpcpolicy.newPolicyFile');
      const editor = await vscode.window.showTextDocument(doc);
      assert.match(doc.uri.path, /\.cpcpolicy\.json$/, 'Save As offers a policy file name');
      assert.ok(!names.has(doc.uri.toString()), `new file ${i + 1} reuses the name ${doc.uri.toString()}`);
      names.add(doc.uri.toString());
      assert.equal(doc.getText().match(/"cloudPcNamingTemplate"/g)?.length, 1, 'exactly one snippet');
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), `// ${i}: closed without saving\n`)));
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});

describe('the language features on the files under samples/', () => {
  let api: CpcPolicyApi;

  before(async () => {
    api = await getExtension().activate();
  });

  afterEach(async () => {
    // Edits stay in memory: revert so samples/ is never changed on disk.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function openSample(relative: string): Promise<vscode.TextDocument> {
    const doc = await vscode.workspace.openTextDocument(path.join(samplesDir(), relative));
    await vscode.window.showTextDocument(doc);
    return doc;
  }

  it('invalid/deprecated-properties: every deprecation is reported, tagged, and its quick fix migrates it', async () => {
    const doc = await openSample('invalid/deprecated-properties.cpcpolicy.json');
    const expected = /expect: (.*)/.exec(doc.getText())![1].split(' ');
    const findings = await api.validated(doc);
    assert.deepEqual([...new Set(findings.map((f) => f.code))].sort(), [...expected].sort());
    await waitFor(() => codesOf(doc.uri).includes('CPC314'), 'the diagnostics in the Problems list');
    const shared = vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === 'CPC314')!;
    assert.ok(shared.tags?.includes(vscode.DiagnosticTag.Deprecated));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      shared.range,
    );
    // executeCodeActionProvider does not carry `diagnostics` back to the caller: match on the title.
    const fix = actions.find((a) => /sharedByUser/.test(a.title));
    assert.ok(fix?.edit, `a quick fix for CPC314 (got ${actions.map((a) => a.title).join(', ')})`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /"provisioningType": "sharedByUser"/);
    const after = await api.validated(doc);
    assert.ok(!after.some((f) => f.code === 'CPC314'), 'CPC314 is gone after the fix');
  });

  it('enterprise-dedicated-hosted-network: the inlay hint previews names from the template', async () => {
    const doc = await openSample('enterprise-dedicated-hosted-network.cpcpolicy.json');
    const hints = await waitFor(async () => {
      const h = await vscode.commands.executeCommand<vscode.InlayHint[]>(
        'vscode.executeInlayHintProvider',
        doc.uri,
        new vscode.Range(0, 0, doc.lineCount, 0),
      );
      return h && h.length > 0 ? h : undefined;
    }, 'an inlay hint');
    const label = typeof hints[0].label === 'string' ? hints[0].label : hints[0].label.map((p) => p.value).join('');
    assert.match(label, /^→ SLS-[A-Za-z0-9-]{1,4}-[A-Z0-9]{5} · \d+–\d+ chars$/);
    assert.equal(hints[0].position.line, positionOf(doc, '"SLS-').line);
  });

  it('hybrid-join-two-connections: hover explains the priority order and completion offers enum members', async () => {
    const doc = await openSample('hybrid-join-two-connections.cpcpolicy.json');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      positionOf(doc, 'domainJoinConfigurations', 4),
    );
    assert.match(hoverText(hovers), /priorit/i);
    const typeValue = positionOf(doc, '"hybridAzureADJoin"', 1);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      typeValue,
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(
      labels.some((l) => l.includes('azureADJoin')),
      `domainJoinType members (got ${labels.join(', ')})`,
    );
  });
});
