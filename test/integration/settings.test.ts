import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readBackendKind } from '../../src/vscode/backend/backendManager';
import { readGraphSignInSettings } from '../../src/vscode/backend/graphSignIn';
import { readTimeScale } from '../../src/vscode/backend/openSimulatorSession';
import { userSetting } from '../../src/vscode/userSettings';
import { getExtension, samplesDir, waitFor } from './testSupport';

const MARKER = 'workspace-settings-read@contoso.com';

function sampleUsers(): string[] {
  return vscode.workspace.getConfiguration('cpcpolicy.preview').get<string[]>('sampleUsers', []);
}

describe('settings a folder must not change', () => {
  const dir = path.join(samplesDir(), '.vscode');
  const file = path.join(dir, 'settings.json');

  after(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await waitFor(() => !sampleUsers().includes(MARKER), 'the workspace settings to be gone');
  });

  it('ignores a workspace .vscode/settings.json that turns off the reprovision question or picks the backend, tenant or clock', async () => {
    const api = await getExtension().activate();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      file,
      JSON.stringify({
        'cpcpolicy.confirmReprovision': false,
        'cpcpolicy.backend': 'graph',
        'cpcpolicy.graph.tenant': 'attacker.example',
        'cpcpolicy.graph.clientId': '00000000-0000-0000-0000-00000000beef',
        'cpcpolicy.graph.cloud': 'usGovL4',
        'cpcpolicy.simulator.timeScale': 100000,
        // A setting a folder may set: once it shows, VS Code has read the file.
        'cpcpolicy.preview.sampleUsers': [MARKER],
      }),
    );
    await waitFor(() => sampleUsers().includes(MARKER), 'VS Code to read the workspace settings');
    assert.equal(userSetting('cpcpolicy', 'confirmReprovision', true), true, 'the reprovision question stays on');
    assert.equal(readBackendKind(), 'simulator');
    assert.equal(api.views?.sidebar.backend.kind, 'simulator', 'the views still use the simulator');
    assert.deepEqual(readGraphSignInSettings(), { cloud: 'global', clientId: '', tenant: '' });
    assert.equal(readTimeScale(), 360);
  });
});
