import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readBackendKind } from '../../src/vscode/backend/backendManager';
import { readGraphSignInSettings } from '../../src/vscode/backend/graphSignIn';
import { readTimeScale } from '../../src/vscode/backend/openSimulatorSession';
import { userSetting } from '../../src/vscode/trust/userSettings';
import { getExtension, samplesDir, waitFor, scaled } from './testSupport';

const MARKER = 'workspace-settings-read@contoso.com';
/** VS Code notices the new file through its file watcher: over 10 s with both cores busy. */
const SETTINGS_READ_TIMEOUT = 90_000;

function sampleUsers(): string[] {
  return vscode.workspace.getConfiguration('cpcpolicy.preview').get<string[]>('sampleUsers', []);
}

/** The user's own value of a setting, or its default: what the extension must read. */
function own(section: string, key: string): unknown {
  const info = vscode.workspace.getConfiguration(section).inspect(key);
  return info?.globalValue ?? info?.defaultValue;
}

describe('settings a folder must not change', () => {
  const dir = path.join(samplesDir(), '.vscode');
  const file = path.join(dir, 'settings.json');

  after(async function () {
    this.timeout(scaled(2 * SETTINGS_READ_TIMEOUT));
    fs.rmSync(dir, { recursive: true, force: true });
    await waitFor(() => !sampleUsers().includes(MARKER), 'the workspace settings to be gone', SETTINGS_READ_TIMEOUT);
  });

  it('ignores a workspace .vscode/settings.json that turns off the questions or picks the backend, tenant or clock', async function () {
    this.timeout(scaled(2 * SETTINGS_READ_TIMEOUT));
    const api = await getExtension().activate();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      file,
      JSON.stringify({
        'cpcpolicy.simulator.askBeforeChanges': false,
        'cpcpolicy.backend': 'graph',
        'cpcpolicy.graph.tenant': 'attacker.example',
        'cpcpolicy.graph.clientId': '00000000-0000-0000-0000-00000000beef',
        'cpcpolicy.graph.cloud': 'usGovL4',
        'cpcpolicy.simulator.timeScale': 100000,
        // A setting a folder may set: once it shows, VS Code has read the file.
        'cpcpolicy.preview.sampleUsers': [MARKER],
      }),
    );
    await waitFor(
      () => sampleUsers().includes(MARKER),
      'VS Code to read the workspace settings',
      SETTINGS_READ_TIMEOUT,
    );
    // Other tests may have set user values (the time scale, the backend): the user's value or the default counts.
    assert.equal(
      userSetting('cpcpolicy.simulator', 'askBeforeChanges', true),
      own('cpcpolicy.simulator', 'askBeforeChanges'),
      'the questions stay as the user set them',
    );
    assert.equal(readBackendKind(), own('cpcpolicy', 'backend'));
    assert.equal(api.views?.sidebar.backend.kind, own('cpcpolicy', 'backend'), 'the views keep their backend');
    assert.deepEqual(readGraphSignInSettings(), {
      cloud: own('cpcpolicy.graph', 'cloud'),
      clientId: own('cpcpolicy.graph', 'clientId'),
      tenant: own('cpcpolicy.graph', 'tenant'),
    });
    assert.notEqual(readGraphSignInSettings().tenant, 'attacker.example');
    assert.equal(readTimeScale(), own('cpcpolicy.simulator', 'timeScale'));
    assert.notEqual(readTimeScale(), 100000);
  });
});
