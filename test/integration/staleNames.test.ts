// Policy names after a rename or a delete: the Cloud PCs view's filter label, its rows, their tooltips and the
// Fleet Overview's tables name a policy as the tenant does now; a deleted policy's Cloud PCs show the name they
// carry, marked deleted, never the raw id.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CpcPolicyApi } from '../../src/extensionApi';
import type { Views } from '../../src/vscode/views/registerViews';
import { getExtension, resetSimulatedTenant, waitFor, scaled } from './testSupport';
import { rows } from './treeRows';

/** Every Cloud PC row the (filtered) view shows, with its tooltip. */
async function cloudPcRows(views: Views): Promise<{ description: string; tooltip: string }[]> {
  const out: { description: string; tooltip: string }[] = [];
  for (const group of await rows(views.sidebar.cloudPcProvider))
    for (const row of await rows(views.sidebar.cloudPcProvider, group.node))
      if (row.node.kind === 'cloudPc')
        out.push({ description: row.description, tooltip: views.sidebar.cloudPcModel.tooltip(row.node) ?? '' });
  return out;
}

describe('stale policy names: a rename or a delete reaches the views and the Fleet Overview', function () {
  this.timeout(scaled(120_000));
  let views: Views;
  let policyId: string;

  before(async () => {
    const api: CpcPolicyApi = await getExtension().activate();
    views = api.views!;
    await vscode.workspace
      .getConfiguration('cpcpolicy')
      .update('backend', 'simulator', vscode.ConfigurationTarget.Global);
    await resetSimulatedTenant('demo');
    await vscode.commands.executeCommand('cpcpolicy.cloudPcs.focus');
    await views.sidebar.ensurePolicies();
    await views.sidebar.ensureCloudPcs();
    const pcs = await views.sidebar.api.listCloudPcs();
    const policies = await views.sidebar.api.listPolicies();
    // A policy with Cloud PCs: after its unassignment they stay, in grace, under its id.
    policyId = policies.find((p) =>
      pcs.some((pc) => pc.provisioningPolicyId === p.id && pc.status === 'provisioned'),
    )!.id;
  });

  after(async () => {
    await vscode.commands.executeCommand('cpcpolicy.clearCloudPcFilter');
    await resetSimulatedTenant('demo');
  });

  it('after a rename, the filter label, the rows and their tooltips say the new name', async () => {
    await vscode.commands.executeCommand('cpcpolicy.filterCloudPcs', { policyId });
    const old = views.sidebar.cloudPcView.description;
    await views.sidebar.api.updatePolicy(policyId, { displayName: 'Contoso Renamed Desks' });
    await views.intents.policiesChanged();
    await waitFor(
      () => views.sidebar.cloudPcView.description === 'policy: Contoso Renamed Desks',
      `the filter label to follow the rename (was "${old}", is "${views.sidebar.cloudPcView.description}")`,
    );
    const shown = await cloudPcRows(views);
    assert.ok(shown.length > 0, 'the policy has Cloud PCs');
    for (const row of shown) {
      assert.match(row.description, /Contoso Renamed Desks/);
      assert.match(row.tooltip, /Policy: Contoso Renamed Desks/);
    }
  });

  it('after a delete, the filter, the rows, the Cloud PCs export and the Fleet Overview say the name, marked deleted', async () => {
    await views.sidebar.api.assignPolicy(policyId, []);
    await views.sidebar.api.deletePolicy(policyId);
    await views.intents.assignmentsChanged(policyId);
    await waitFor(
      () => views.sidebar.cloudPcView.description === 'policy: Contoso Renamed Desks (deleted)',
      `the filter label to say deleted (is "${views.sidebar.cloudPcView.description}")`,
    );
    const shown = await cloudPcRows(views);
    assert.ok(shown.length > 0, "the deleted policy's Cloud PCs are still listed (in grace)");
    for (const row of shown) {
      assert.match(row.description, /Contoso Renamed Desks \(deleted\)/);
      assert.doesNotMatch(row.description, new RegExp(policyId));
    }
    const exported = JSON.parse(
      (await vscode.commands.executeCommand<string>('cpcpolicy.exportCloudPcs', { format: 'json', to: 'clipboard' }))!,
    ) as { rows: { Policy: string }[] };
    assert.ok(exported.rows.every((r) => r.Policy === 'Contoso Renamed Desks (deleted)'));
    const fleet = JSON.parse(
      (await vscode.commands.executeCommand<string>('cpcpolicy.exportFleetTable', {
        table: 'status',
        format: 'json',
        to: 'clipboard',
      }))!,
    ) as { rows: Record<string, string | number>[] };
    const row = fleet.rows.find((r) => r['Policy id'] === policyId);
    assert.equal(row?.Policy, 'Contoso Renamed Desks (deleted)', JSON.stringify(fleet.rows));
  });
});
