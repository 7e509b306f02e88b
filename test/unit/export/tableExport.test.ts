// Tables as CSV and JSON: RFC 4180 quoting, no cell a spreadsheet would run as a formula, tenant and time named.
import * as assert from 'node:assert/strict';
import { exportFileName, toCsv, toJson } from '../../../src/core/export/tableExport';

const ctx = { tenant: 'Contoso (simulator)', exportedAt: '2026-06-01T10:15:00.000Z' };
const table = {
  columns: ['Cloud PC', 'User', 'Failure'],
  rows: [
    ['CPC-alla-C7827', 'allan@contoso.com', null],
    ['CPC "quoted", too', '=HYPERLINK("x")', 'line one\nline two'],
  ],
};

describe('table export', () => {
  it('writes RFC 4180 CSV with the tenant and the time on every row', () => {
    const lines = toCsv(table, ctx).split('\r\n');
    assert.equal(lines[0], 'Cloud PC,User,Failure,tenant,exportedAt');
    assert.equal(lines[1], 'CPC-alla-C7827,allan@contoso.com,,Contoso (simulator),2026-06-01T10:15:00.000Z');
    assert.ok(lines[2]!.startsWith('"CPC ""quoted"", too",'), lines[2]);
  });

  it('never leaves a cell a spreadsheet would run as a formula', () => {
    assert.match(toCsv(table, ctx), /,'=HYPERLINK\(""x""\)|,"'=HYPERLINK\(""x""\)"/);
    assert.doesNotMatch(toCsv(table, ctx), /(^|,)=HYPERLINK/m);
  });

  it('writes JSON naming the tenant and the time, one object per row', () => {
    const json = JSON.parse(toJson(table, ctx));
    assert.equal(json.tenant, 'Contoso (simulator)');
    assert.equal(json.exportedAt, '2026-06-01T10:15:00.000Z');
    assert.deepEqual(json.rows[0], { 'Cloud PC': 'CPC-alla-C7827', User: 'allan@contoso.com', Failure: null });
    assert.equal(json.rows[1].User, '=HYPERLINK("x")');
  });

  it('names the file by title, tenant and time', () => {
    assert.equal(exportFileName('Cloud PCs', ctx, 'csv'), 'cloud-pcs-contoso-simulator-2026-06-01T1015Z.csv');
  });
});
