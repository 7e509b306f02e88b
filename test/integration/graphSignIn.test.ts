// Microsoft Graph after a sign-in that did not complete: the views drop the simulator's data and end their
// loading as signed out (the welcome content with Sign In), Refresh too, and the error names the next step.
// VS Code's Microsoft provider is stood in for through the test API: the sign-in is cancelled, and the silent
// look-up that follows never answers, as seen after a cancelled sign-in.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CpcPolicyApi } from '../../src/extensionApi';
import type { Views } from '../../src/vscode/views/registerViews';
import { getExtension, waitFor, scaled } from './testSupport';
import { rows } from './treeRows';

async function bothViewsSignedOut(views: Views): Promise<boolean> {
  const loaded = views.sidebar.store.loaded && views.sidebar.policyModel.loaded;
  if (!loaded) return false;
  const shown = [...(await rows(views.sidebar.cloudPcProvider)), ...(await rows(views.sidebar.policyProvider))];
  return shown.length === 0;
}

describe('Graph sign-in that did not complete', function () {
  this.timeout(scaled(120_000));
  let api: CpcPolicyApi;
  let stand: vscode.Disposable | undefined;

  before(async () => {
    api = await getExtension().activate();
  });

  after(async () => {
    stand?.dispose();
    await vscode.workspace
      .getConfiguration('cpcpolicy')
      .update('backend', 'simulator', vscode.ConfigurationTarget.Global);
  });

  it('a cancelled sign-in leaves no simulator data and no endless loading, and points to cpcpolicy.graph.clientId', async () => {
    const views = api.views!;
    await waitFor(async () => (await rows(views.sidebar.policyProvider)).length > 0, 'the simulator policies shown');
    stand = api.testHooks!.authenticateWith((_provider, _scopes, options) =>
      options.createIfNone ? Promise.reject(new Error('User did not consent to login.')) : new Promise(() => {}),
    );
    await vscode.workspace.getConfiguration('cpcpolicy').update('backend', 'graph', vscode.ConfigurationTarget.Global);
    const message = await vscode.commands.executeCommand<string | undefined>('cpcpolicy.signIn');
    assert.match(message ?? '', /did not complete: User did not consent to login/);
    assert.match(message ?? '', /cpcpolicy\.graph\.clientId/, 'the error names the setting to fix');
    assert.match(message ?? '', /register an app/, 'and the app registration steps');
    await waitFor(
      async () => {
        void views.sidebar.ensureCloudPcs();
        void views.sidebar.ensurePolicies();
        return bothViewsSignedOut(views);
      },
      'both views to end loading as signed out',
      40_000,
    );
    assert.match(api.testHooks!.statusBarText(), /Graph: signed out/);
    await vscode.commands.executeCommand('cpcpolicy.refresh');
    await waitFor(() => bothViewsSignedOut(views), 'Refresh to end as signed out too', 40_000);
  });
});
