// The Fleet Overview's tables as CSV and JSON: the panel's rows, a column order that does not depend on the data,
// and tenant names that a spreadsheet would otherwise run as formulas made inert.
import * as assert from 'node:assert/strict';
import { FLEET_TABLE_IDS, fleetTable, isFleetTableId } from '../../../src/core/export/fleetExportTables';
import { toCsv, toJson } from '../../../src/core/export/tableExport';
import type { FleetSnapshot } from '../../../src/core/fleet/fleetSnapshot';

const when = { tenant: 'Contoso', exportedAt: '2026-06-01T10:15:00.000Z' };

function snapshot(policies: FleetSnapshot['policies']): FleetSnapshot {
  return {
    revision: 1,
    takenAt: when.exportedAt,
    totalCloudPcs: 3,
    loading: false,
    buckets: [
      { key: 'provisioned', label: 'Provisioned' },
      { key: 'failed', label: 'Failed' },
    ],
    policies,
    activity24h: [{ start: '2026-06-01T09:00:00Z', started: 1, succeeded: 2, failed: 0 }],
    activity7d: [],
    failures: [{ code: 'E1', message: 'Network, "bad"', count: 1, cloudPcIds: ['c1'], retriable: true }],
    grace: {
      endingWithinDays: 7,
      total: 1,
      entries: [
        {
          cloudPcId: 'c9',
          name: 'CPC-9',
          userPrincipalName: null,
          policyId: 'gone',
          policyName: 'Old (deleted)',
          endsAt: '2026-06-03T00:00:00Z',
        },
      ],
    },
    licences: [
      { skuId: 's1', name: 'Windows 365 Enterprise 2 vCPU', kind: 'enterprise', used: 2, available: 1, total: 3 },
    ],
    leftOut: {
      total: 1,
      users: [
        {
          userId: 'u1',
          name: '@evil',
          userPrincipalName: 'evil@contoso.com',
          policyId: 'p1',
          policyName: 'Sales',
          groupName: '=cmd|calc',
          reason: 'noLicence',
        },
      ],
    },
  };
}

describe('Fleet Overview tables as CSV and JSON', () => {
  it('keeps the status columns in the panel order, empty status groups included, whatever the policies hold', () => {
    const only = fleetTable(
      snapshot([{ policyId: 'p1', policyName: 'Sales', total: 2, counts: { failed: 2 } }]),
      'status',
    );
    assert.deepEqual(only.columns, ['Policy', 'Policy id', 'Provisioned', 'Failed', 'Total']);
    assert.deepEqual(only.rows, [['Sales', 'p1', 0, 2, 2]]);
    assert.deepEqual(fleetTable(snapshot([]), 'status').columns, only.columns);
  });

  it('exports every table of the panel, each row as wide as its header', () => {
    const s = snapshot([{ policyId: 'p1', policyName: 'Sales', total: 1, counts: { provisioned: 1 } }]);
    for (const id of FLEET_TABLE_IDS) {
      const t = fleetTable(s, id);
      for (const row of t.rows) assert.equal(row.length, t.columns.length, id);
    }
    assert.ok(isFleetTableId('grace'));
    assert.ok(!isFleetTableId('constructor'));
  });

  it('makes formula-like names inert in CSV and quotes commas and quotes (RFC 4180)', () => {
    const s = snapshot([]);
    const csv = toCsv(fleetTable(s, 'leftOut'), when);
    assert.equal(
      csv.split('\r\n')[1],
      "'@evil,evil@contoso.com,Sales,'=cmd|calc,No Windows 365 license,,Contoso,2026-06-01T10:15:00.000Z",
    );
    assert.match(toCsv(fleetTable(s, 'failures'), when), /^E1,"Network, ""bad""",1,yes,/m);
    assert.equal(JSON.parse(toJson(fleetTable(s, 'leftOut'), when)).rows[0].Group, '=cmd|calc');
  });
});
