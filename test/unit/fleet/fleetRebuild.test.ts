// The overview's aggregates built in one pass (the panel opening over a filled store, or the store's first fill)
// against the same Cloud PCs added one update at a time: the same snapshot, and later changes still apply.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildFleetSnapshot } from '../../../src/core/fleet/buildFleetSnapshot';
import type { FleetAggregator } from '../../../src/core/fleet/fleetAggregator';
import type { CloudPc } from '../../../src/core/model/cloudPc';
import { aggregatesOf } from '../../../src/vscode/fleet/storeAggregates';
import type { CloudPcStoreEvent } from '../../../src/vscode/views/cloudPcStore';
import { CloudPcStore } from '../../../src/vscode/views/cloudPcStore';
import { cloudPc, failed } from './fleetTestKit';

const NOW = Date.parse('2026-06-02T12:30:00Z');
const STATUSES = [
  'provisioned',
  'provisioning',
  'notProvisioned',
  'failed',
  'inGracePeriod',
  'deprovisioning',
  'resizing',
  'provisionedWithWarnings',
] as const;
/** Graph's Z times, with and without fractions, an offset time, and text that is no time at all. */
const TIMES = [
  '2026-06-02T09:15:00Z',
  '2026-06-02T09:15:00.123Z',
  '2026-06-01T23:59:59Z',
  '2026-06-04T08:00:00+02:00',
  '2026-06-08T08:00:00Z',
  'not a time',
];

const cloudPcArb = fc
  .record({
    id: fc.integer({ min: 0, max: 30 }),
    status: fc.constantFrom(...STATUSES),
    policy: fc.constantFrom('a', 'b', null),
    reason: fc.constantFrom(
      null,
      ['intuneEnrollFailed', 'Enrollment failed.'] as const,
      ['networkFailure', 'The network failed.'] as const,
    ),
    graceEnd: fc.option(fc.constantFrom(...TIMES), { nil: null }),
    modified: fc.constantFrom(...TIMES),
    provisioned: fc.option(fc.constantFrom(...TIMES), { nil: null }),
  })
  .map((c): CloudPc =>
    cloudPc(`pc${String(c.id).padStart(2, '0')}`, {
      status: c.status,
      provisioningPolicyId: c.policy && `pol-${c.policy}`,
      // One name per policy: which Cloud PC's name wins a rename is order, not arithmetic.
      provisioningPolicyName: c.policy && `Policy ${c.policy}`,
      ...(c.status === 'failed' && c.reason
        ? failed(c.reason[0], c.reason[1], c.reason[0] === 'intuneEnrollFailed')
        : {}),
      gracePeriodEndDateTime: c.status === 'inGracePeriod' ? c.graceEnd : null,
      lastModifiedDateTime: c.modified,
      provisionedDateTime: c.provisioned,
      managedDeviceName: `CPC-${c.id % 7}`,
    }),
  );

function snapshot(agg: FleetAggregator) {
  return buildFleetSnapshot(agg, { revision: 1, now: NOW, buckets: [], directory: undefined });
}

/** Every Cloud PC through the store one upsert at a time, the overview listening: the incremental path. */
function oneByOne(pcs: readonly CloudPc[]): { store: CloudPcStore; agg: FleetAggregator } {
  const store = new CloudPcStore();
  const agg = aggregatesOf(store).aggregator;
  for (const pc of pcs) store.upsert(pc);
  return { store, agg };
}

describe('fleet aggregates: built in one pass', () => {
  it('opening over a filled store, or the store filling from empty, gives what one update per Cloud PC gives; later changes apply to it', () => {
    // One read holds each Cloud PC once (a reload skips a Cloud PC whose lastModifiedDateTime did not move); changes come after.
    fc.assert(
      fc.property(
        fc.uniqueArray(cloudPcArb, { maxLength: 31, selector: (pc) => pc.id }),
        fc.array(cloudPcArb, { maxLength: 20 }),
        (pcs, later) => {
          const incremental = oneByOne(pcs);
          const filled = new CloudPcStore();
          filled.replaceAll(pcs);
          const opened = { store: filled, agg: aggregatesOf(filled).aggregator };
          const fillingStore = new CloudPcStore();
          const filling = { store: fillingStore, agg: aggregatesOf(fillingStore).aggregator };
          fillingStore.replaceAll(pcs);
          const expected = snapshot(incremental.agg);
          assert.deepEqual(snapshot(opened.agg), expected);
          assert.deepEqual(snapshot(filling.agg), expected);
          // The one-pass build holds the store's own objects, so a later change takes back exactly what it added.
          for (const live of [incremental, opened, filling]) {
            for (const pc of later) live.store.upsert(pc);
            live.store.remove(later[0]?.id ?? 'pc00');
          }
          const after = snapshot(incremental.agg);
          assert.deepEqual(snapshot(opened.agg), after);
          assert.deepEqual(snapshot(filling.agg), after);
          assert.equal(opened.agg.size, incremental.store.size);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a big fleet: the capped lists (failure ids, grace rows) and every count agree', () => {
    const pcs = Array.from({ length: 3000 }, (_, i) =>
      cloudPc(`pc${String(i).padStart(5, '0')}`, {
        ...(i % 3 === 0
          ? failed(i % 2 ? 'intuneEnrollFailed' : 'networkFailure', 'm')
          : { status: i % 3 === 1 ? 'inGracePeriod' : 'provisioning' }),
        gracePeriodEndDateTime: i % 3 === 1 ? `2026-06-0${3 + (i % 5)}T0${i % 10}:00:00Z` : null,
        provisioningPolicyId: `pol-${i % 4}`,
        provisioningPolicyName: `Policy ${i % 4}`,
        managedDeviceName: `CPC-${(i * 7919) % 3000}`,
      }),
    );
    const filled = new CloudPcStore();
    filled.replaceAll([...pcs].reverse());
    assert.deepEqual(snapshot(aggregatesOf(filled).aggregator), snapshot(oneByOne(pcs).agg));
  });
});

describe('Cloud PC store: what listeners hear', () => {
  it('a fill from empty is one reset, a later reload one event per change, emptying or clearing one reset', () => {
    const store = new CloudPcStore();
    const heard: CloudPcStoreEvent['kind'][] = [];
    store.onDidChange((e) => heard.push(e.kind));
    store.replaceAll([cloudPc('a'), cloudPc('b'), cloudPc('c')]);
    assert.deepEqual(heard, ['reset']);
    assert.equal(store.size, 3);
    store.replaceAll([cloudPc('a'), cloudPc('b', { status: 'failed', lastModifiedDateTime: '2026-06-02T10:00:00Z' })]);
    assert.deepEqual(heard, ['reset', 'upsert', 'remove']);
    const emptied = store.replaceAll([]);
    assert.deepEqual(heard, ['reset', 'upsert', 'remove', 'reset'], 'signed out: everything gone, told once');
    assert.deepEqual([store.size, store.count('provisioned'), store.count('failed')], [0, 0, 0]);
    assert.deepEqual(emptied.map((c) => [c.id, c.before?.bucket, c.after]).sort(), [
      ['a', 'provisioned', undefined],
      ['b', 'failed', undefined],
    ]);
    store.clear();
    store.replaceAll([]);
    assert.deepEqual(
      heard,
      ['reset', 'upsert', 'remove', 'reset', 'reset'],
      'an empty load into an empty store changes nothing',
    );
  });
});
