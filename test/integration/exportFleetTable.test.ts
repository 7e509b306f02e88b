// Copy or Export a Fleet Overview table: the panel's numbers as CSV or JSON, to the clipboard or a file,
// naming the tenant and the time; the save dialog's default name carries both.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CpcPolicyApi } from '../../src/extensionApi';
import type { Views } from '../../src/vscode/views/registerViews';
import { bucketOf } from '../../src/vscode/views/cloudPcStatusBuckets';
import { getExtension, resetSimulatedTenant, scaled } from './testSupport';

describe('Copy or Export a Fleet Overview table', function () {
  this.timeout(scaled(120_000));
  let views: Views;

  before(async () => {
    const api: CpcPolicyApi = await getExtension().activate();
    views = api.views!;
    await vscode.workspace
      .getConfiguration('cpcpolicy')
      .update('backend', 'simulator', vscode.ConfigurationTarget.Global);
    await resetSimulatedTenant('demo');
  });

  it("copies the status table as CSV: one row per policy, the backend's counts, the tenant and the time on each row", async () => {
    const pcs = await views.sidebar.api.listCloudPcs();
    const text = (await vscode.commands.executeCommand<string>('cpcpolicy.exportFleetTable', {
      table: 'status',
      format: 'csv',
      to: 'clipboard',
    }))!;
    assert.equal(await vscode.env.clipboard.readText(), text);
    const [head, ...lines] = text.trimEnd().split('\r\n');
    assert.match(head!, /^Policy,Policy id,Provisioning,Provisioned,.*,Failed,.*,Total,tenant,exportedAt$/);
    const columns = head!.split(',');
    const policyIds = new Set(pcs.map((pc) => pc.provisioningPolicyId ?? ''));
    assert.equal(lines.length, policyIds.size, 'one row per policy with Cloud PCs');
    const failedAt = columns.indexOf('Failed');
    const failedInBackend = pcs.filter((pc) => bucketOf(pc.status) === 'failed').length;
    const failedExported = lines.reduce((n, l) => n + Number(l.split(',')[failedAt]), 0);
    assert.equal(failedExported, failedInBackend);
    assert.ok(
      lines.every((l) => /,Simulator,\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(l)),
      lines[0],
    );
  });

  it('exports the grace table as JSON to the file chosen, naming the tenant and the time', async () => {
    const uri = vscode.Uri.file(path.join(os.tmpdir(), `cpcpolicy-grace-${process.pid}.json`));
    const text = await vscode.commands.executeCommand<string>('cpcpolicy.exportFleetTable', {
      table: 'grace',
      format: 'json',
      to: 'file',
      uri,
    });
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.equal(written, text);
    const json = JSON.parse(written) as { tenant: string; exportedAt: string; rows: Record<string, string>[] };
    assert.equal(json.tenant, 'Simulator');
    assert.ok(!Number.isNaN(Date.parse(json.exportedAt)));
    const inGrace = (await views.sidebar.api.listCloudPcs()).filter((pc) => pc.status === 'inGracePeriod');
    assert.deepEqual(json.rows.map((r) => r['Cloud PC id']).sort(), inGrace.map((pc) => pc.id).sort());
    await vscode.workspace.fs.delete(uri);
  });
});
