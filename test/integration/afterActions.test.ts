// After an action on Cloud PCs: the acted-on row stays in sight even when its new status group was collapsed,
// and Apply's question counts the Cloud PCs that restart from the backend, not from what the views loaded.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CpcPolicyApi } from '../../src/extensionApi';
import type { Views } from '../../src/vscode/views/registerViews';
import type { TreeNode } from '../../src/vscode/views/treeNodes';
import { answerQuestions, getExtension, resetSimulatedTenant, waitFor, scaled } from './testSupport';

describe('after acting on Cloud PCs', function () {
  this.timeout(scaled(120_000));
  let views: Views;

  before(async () => {
    const api: CpcPolicyApi = await getExtension().activate();
    views = api.views!;
    await vscode.workspace
      .getConfiguration('cpcpolicy')
      .update('backend', 'simulator', vscode.ConfigurationTarget.Global);
    await resetSimulatedTenant('demo');
    await vscode.commands.executeCommand('cpcpolicy.clearCloudPcFilter');
    await vscode.commands.executeCommand('cpcpolicy.cloudPcs.focus');
    // The reveal happens only while the view shows, and its visibility reaches the extension host a moment later.
    await waitFor(() => views.sidebar.cloudPcView.visible, 'the Cloud PCs view to show');
    await views.sidebar.ensureCloudPcs();
  });

  // The next suites expect the demo tenant as seeded (its one failed Cloud PC, retried here, among them).
  after(() => resetSimulatedTenant('demo'));

  it('Retry reveals the Cloud PC in its new status group, which was collapsed, and selects it', async () => {
    const failed = (await views.sidebar.api.listCloudPcs()).find((pc) => pc.status === 'failed')!;
    await vscode.commands.executeCommand('workbench.actions.treeView.cpcpolicy.cloudPcs.collapseAll');
    const expanded: TreeNode[] = [];
    const sub = views.sidebar.cloudPcView.onDidExpandElement((e) => expanded.push(e.element));
    try {
      await vscode.commands.executeCommand('cpcpolicy.retry', { cloudPcId: failed.id });
      await waitFor(
        () => views.sidebar.cloudPcView.selection.some((n) => n.kind === 'cloudPc' && n.cloudPcId === failed.id),
        'the retried Cloud PC to be selected',
      );
    } finally {
      sub.dispose();
    }
    assert.notEqual(views.sidebar.store.get(failed.id)!.status, 'failed', 'it left the Failed group');
    const group = views.sidebar.cloudPcModel.rowOf(failed.id)!.group;
    assert.ok(
      expanded.some((n) => n.id === group.id),
      `its new group ${group.id} opened (opened: ${expanded.map((n) => n.id).join(', ')})`,
    );
  });

  it("Apply's question counts the policy's provisioned Cloud PCs from the backend while the views' store is empty", async () => {
    const pcs = await views.sidebar.api.listCloudPcs();
    const policyId = pcs.find((pc) => pc.status === 'provisioned')!.provisioningPolicyId!;
    const restarting = pcs.filter((pc) => pc.provisioningPolicyId === policyId && pc.status === 'provisioned').length;
    // The views know of no Cloud PC (loaded, empty), as after a tenant switch they have not caught up with.
    views.sidebar.store.replaceAll([]);
    const q = await answerQuestions(() => undefined);
    try {
      await vscode.commands.executeCommand('cpcpolicy.applySettings', policyId, 'singleSignOn');
    } finally {
      q.dispose();
      await views.sidebar.reloadCloudPcs();
    }
    assert.equal(q.asked.length, 1);
    assert.match(q.asked[0]!.detail ?? '', new RegExp(`^${restarting} Cloud PC\\(s\\) change`), q.asked[0]!.detail);
    assert.ok(restarting > 0);
  });
});
