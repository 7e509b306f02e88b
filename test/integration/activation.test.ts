import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CpcPolicyApi } from '../../src/extensionApi';
import { getExtension, resultsDir, samplesDir } from './testSupport';

describe('extension activation', () => {
  let api: CpcPolicyApi;

  before(async () => {
    api = await getExtension().activate();
  });

  it('runs in the VS Code the harness started, which the manifest accepts (min: exactly its engines.vscode)', () => {
    // F5's "Extension Tests" runs in whatever VS Code the desktop has: then only the manifest's range applies.
    const expected = process.env.CPCPOLICY_VSCODE_EXPECTED;
    if (expected) assert.equal(vscode.version, expected);
    const [major, minor] = vscode.version.split('.').map(Number);
    const [engineMajor, engineMinor] = /^\^(\d+)\.(\d+)\./
      .exec(getExtension().packageJSON.engines.vscode)!
      .slice(1)
      .map(Number);
    assert.ok(
      major! > engineMajor! || (major === engineMajor && minor! >= engineMinor!),
      `${vscode.version} satisfies ${getExtension().packageJSON.engines.vscode}`,
    );
    if (process.env.CPCPOLICY_VSCODE === 'min')
      assert.equal(minor, engineMinor, 'the min leg runs the oldest VS Code the manifest accepts');
  });

  it('activates and reports how long activate() took', () => {
    assert.ok(getExtension().isActive);
    // Measured, not bounded: its speed is the bench's row (npm run bench reads activation.json), since a time
    // limit here fails on a slower machine.
    assert.ok(
      Number.isFinite(api.activationTimeMs) && api.activationTimeMs >= 0,
      `activation took ${api.activationTimeMs} ms`,
    );
    fs.mkdirSync(resultsDir(), { recursive: true });
    fs.writeFileSync(
      path.join(resultsDir(), 'activation.json'),
      JSON.stringify({ activationTimeMs: api.activationTimeMs, vscodeVersion: vscode.version }),
    );
  });

  it('registers every command declared in package.json', async () => {
    const declared = (getExtension().packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((c) => !registered.has(c));
    assert.deepEqual(missing, []);
    assert.ok(declared.length >= 5);
  });

  it('contributes both views, which can be shown', async () => {
    const views = getExtension().packageJSON.contributes.views.cpcpolicy as { id: string; name: string }[];
    assert.deepEqual(
      views.map((v) => v.name),
      ['Provisioning Policies', 'Cloud PCs'],
    );
    // `<viewId>.focus` exists only for views the workbench registered.
    await vscode.commands.executeCommand('cpcpolicy.policies.focus');
    await vscode.commands.executeCommand('cpcpolicy.cloudPcs.focus');
  });

  it('opens a .cpcpolicy.json file with the cpcpolicy language', async () => {
    const file = fs.readdirSync(samplesDir()).find((f) => f.endsWith('.cpcpolicy.json'));
    assert.ok(file, 'a sample policy file exists');
    const doc = await vscode.workspace.openTextDocument(path.join(samplesDir(), file));
    assert.equal(doc.languageId, 'cpcpolicy');
  });
});
