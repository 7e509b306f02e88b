// Copy or Export Cloud PCs: the view's rows as CSV or JSON on the clipboard, naming the tenant and the time,
// and the filter the view shows is the filter the export follows.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CpcPolicyApi } from '../../src/extensionApi';
import { getExtension, waitFor, scaled } from './testSupport';

describe('Copy or Export Cloud PCs', function () {
  this.timeout(scaled(60_000));
  let api: CpcPolicyApi;

  before(async () => {
    api = await getExtension().activate();
    await waitFor(async () => {
      await api.views!.sidebar.ensureCloudPcs();
      return api.views!.sidebar.store.loaded;
    }, 'the Cloud PCs loaded');
  });

  after(async () => {
    await vscode.commands.executeCommand('cpcpolicy.clearCloudPcFilter');
  });

  it('copies every Cloud PC of the view as CSV with the tenant and the time on each row', async () => {
    const total = api.views!.sidebar.store.all().length;
    const text = await vscode.commands.executeCommand<string>('cpcpolicy.exportCloudPcs', {
      format: 'csv',
      to: 'clipboard',
    });
    assert.equal(await vscode.env.clipboard.readText(), text);
    const lines = text.trimEnd().split('\r\n');
    assert.match(lines[0]!, /^Cloud PC,Display name,User,Policy,Status,.*,tenant,exportedAt$/);
    assert.equal(lines.length - 1, total, 'one row per Cloud PC');
    assert.ok(
      lines.slice(1).every((l) => /,Simulator,\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(l)),
      lines[1],
    );
  });

  it('copies JSON of the filtered view only: the failed Cloud PCs', async () => {
    await vscode.commands.executeCommand('cpcpolicy.filterCloudPcs', { bucket: 'failed' });
    const json = JSON.parse(
      await vscode.commands.executeCommand<string>('cpcpolicy.exportCloudPcs', { format: 'json', to: 'clipboard' }),
    ) as { tenant: string; exportedAt: string; rows: { Status: string }[] };
    assert.equal(json.tenant, 'Simulator');
    assert.ok(!Number.isNaN(Date.parse(json.exportedAt)));
    assert.ok(json.rows.length > 0);
    assert.ok(
      json.rows.every((r) => r.Status === 'failed'),
      JSON.stringify(json.rows.map((r) => r.Status)),
    );
  });
});
