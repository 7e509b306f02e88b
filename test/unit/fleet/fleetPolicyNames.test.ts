// The Fleet Overview names policies from the tenant's policies: a rename shows at once, a deleted policy's
// Cloud PCs show the name they carry, marked deleted, never the raw id.
import * as assert from 'node:assert/strict';
import { buildFleetSnapshot } from '../../../src/core/fleet/buildFleetSnapshot';
import { FleetAggregator } from '../../../src/core/fleet/fleetAggregator';
import { cloudPc } from './fleetTestKit';

const NOW = Date.parse('2026-06-02T00:00:00Z');
const GONE = '6f1c0e2a-0000-4000-8000-00000000dead';

function snapshot(policies: Map<string, string> | undefined) {
  const agg = new FleetAggregator((s) => (s === 'inGracePeriod' ? 'grace' : 'provisioned'));
  agg.rebuild([
    cloudPc('a1', { provisioningPolicyId: 'pol-a', provisioningPolicyName: 'Policy A' }),
    cloudPc('g1', {
      provisioningPolicyId: GONE,
      provisioningPolicyName: 'Old pilot',
      status: 'inGracePeriod',
      gracePeriodEndDateTime: '2026-06-05T00:00:00Z',
    }),
  ]);
  return buildFleetSnapshot(agg, {
    revision: 1,
    now: NOW,
    buckets: [],
    directory: undefined,
    policyNames: policies && ((id) => policies.get(id)),
  });
}

describe('Fleet Overview policy names', () => {
  it("shows a deleted policy's Cloud PCs under the name they carry, marked deleted, in the bars and the grace rows", () => {
    const s = snapshot(new Map([['pol-a', 'Policy A']]));
    const gone = s.policies.find((p) => p.policyId === GONE)!;
    assert.equal(gone.policyName, 'Old pilot (deleted)');
    assert.equal(gone.deleted, true);
    assert.equal(s.grace.entries[0]!.policyName, 'Old pilot (deleted)');
    assert.ok(!JSON.stringify(s.policies.map((p) => p.policyName)).includes(GONE));
  });

  it('shows a renamed policy under its new name before its Cloud PCs are read again', () => {
    const s = snapshot(new Map([['pol-a', 'Policy A (renamed)']]));
    assert.deepEqual(
      s.policies.map((p) => p.policyName),
      ['Old pilot (deleted)', 'Policy A (renamed)'],
    );
    assert.equal(s.policies.find((p) => p.policyId === 'pol-a')!.deleted, undefined);
  });

  it('marks nothing deleted while the policies have not been read', () => {
    const s = snapshot(undefined);
    assert.deepEqual(
      s.policies.map((p) => [p.policyName, p.deleted]),
      [
        ['Old pilot', undefined],
        ['Policy A', undefined],
      ],
    );
  });
});
