// The Fleet Overview in the real extension host: the webview draws the simulator's numbers (read back from the
// drawn bars), and a status change in the simulator reaches the open panel without a reload.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CloudPc } from '../../src/core/model/cloudPc';
import type { CpcPolicyApi } from '../../src/extensionApi';
import type { FleetOverview } from '../../src/vscode/fleet/registerFleet';
import { bucketOf } from '../../src/vscode/views/cloudPcStatusBuckets';
import type { Views } from '../../src/vscode/views/registerViews';
import { getExtension, waitFor, resetSimulatedTenant, scaled } from './testSupport';

function cellsOf(pcs: readonly CloudPc[]): Record<string, number> {
  const cells: Record<string, number> = {};
  for (const pc of pcs) {
    const key = `${pc.provisioningPolicyId ?? ''}|${bucketOf(pc.status)}`;
    cells[key] = (cells[key] ?? 0) + 1;
  }
  return cells;
}

/** The drawn bars equal the backend's Cloud PCs, policy by policy and status by status. */
async function drawnMatchesBackend(views: Views, fleet: FleetOverview): Promise<string | true> {
  const backend = JSON.stringify(Object.entries(cellsOf(await views.sidebar.api.listCloudPcs())).sort());
  const drawn = JSON.stringify(Object.entries(fleet.lastRendered?.cells ?? {}).sort());
  return backend === drawn || `drawn ${drawn}, backend ${backend}`;
}

describe('fleet overview: the panel follows the simulator', function () {
  this.timeout(scaled(120_000));
  let views: Views;
  let fleet: FleetOverview;

  before(async () => {
    const api: CpcPolicyApi = await getExtension().activate();
    assert.ok(api.views && api.fleet, 'the extension API exposes the views and the fleet overview');
    views = api.views;
    fleet = api.fleet;
    await vscode.workspace
      .getConfiguration('cpcpolicy')
      .update('backend', 'simulator', vscode.ConfigurationTarget.Global);
    await resetSimulatedTenant('demo');
    await vscode.commands.executeCommand('cpcpolicy.showFleetOverview');
  });

  after(() => fleet.panel?.dispose());

  it("draws the demo tenant's Cloud PCs by policy and status", async () => {
    let last: string | true = '';
    await waitFor(
      async () => (last = await drawnMatchesBackend(views, fleet)) === true,
      `the drawn bars to match the backend (${String(last)})`,
      30_000,
    );
    const policies = await views.sidebar.api.listPolicies();
    const standard = policies.find((p) => p.displayName.startsWith('Contoso Standard'))!;
    assert.equal(fleet.lastRendered!.cells[`${standard.id}|failed`], 1, "the demo's one failed Cloud PC");
    assert.equal(fleet.lastRendered!.cells[`${standard.id}|inGracePeriod`], 1, "the demo's leaver in grace");
  });

  it('shows a status change made in the simulator without a reload', async () => {
    const panel = fleet.panel;
    assert.ok(panel, 'the panel is open');
    const pcs = await views.sidebar.api.listCloudPcs();
    const target = pcs.find((pc) => pc.status === 'provisioned')!;
    const key = `${target.provisioningPolicyId}|provisioning`;
    const before = fleet.lastRendered!;
    const provisioningBefore = before.cells[key] ?? 0;
    // Through Graph's REST contract, as any client would: the Cloud PC starts provisioning again.
    await views.sidebar.api.reprovisionCloudPc(target.id);
    const report = await waitFor(
      () => {
        const r = fleet.lastRendered;
        return r && r.revision > before.revision && (r.cells[key] ?? 0) === provisioningBefore + 1 ? r : undefined;
      },
      `the panel to draw ${key} = ${provisioningBefore + 1}`,
      15_000,
    );
    assert.equal(fleet.panel, panel, 'the same panel, not a new one');
    assert.equal(report.firstPaintMs, undefined, 'an update, not a first paint: the webview was not reloaded');
  });
});
