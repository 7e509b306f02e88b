// The overview's Cloud PC aggregates: status per policy, failure reasons, grace timeline and activity, and that
// an update moves exactly one Cloud PC's contribution.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildFleetSnapshot } from '../../../src/core/fleet/buildFleetSnapshot';
import type { FleetAggregator } from '../../../src/core/fleet/fleetAggregator';
import { MAX_GRACE_ENTRIES, MAX_IDS_PER_ROW } from '../../../src/core/fleet/fleetSnapshot';
import { aggregatesOf } from '../../../src/vscode/fleet/storeAggregates';
import { CloudPcStore } from '../../../src/vscode/views/cloudPcStore';
import { cloudPc, failed } from './fleetTestKit';

const NOW = Date.parse('2026-06-02T12:30:00Z');

/** The aggregates as the overview keeps them: fed by the sidebar's store, change by change. */
function tracked(): { store: CloudPcStore; agg: FleetAggregator } {
  const store = new CloudPcStore();
  return { store, agg: aggregatesOf(store).aggregator };
}

function fleet(): FleetAggregator & { store: CloudPcStore } {
  const { store, agg: aggregates } = tracked();
  const agg = Object.assign(aggregates, { store });
  store.upsert(cloudPc('a1'));
  store.upsert(
    cloudPc('a2', { status: 'provisioning', provisionedDateTime: null, lastModifiedDateTime: '2026-06-02T11:05:00Z' }),
  );
  store.upsert(
    cloudPc('a3', {
      ...failed('intuneEnrollFailed', 'The Cloud PC could not be enrolled in Intune.'),
      lastModifiedDateTime: '2026-06-02T10:00:00Z',
      provisionedDateTime: null,
    }),
  );
  store.upsert(
    cloudPc('b1', {
      provisioningPolicyId: 'pol-b',
      provisioningPolicyName: 'Policy B',
      ...failed('intuneEnrollFailed', 'The Cloud PC could not be enrolled in Intune.'),
      provisionedDateTime: null,
    }),
  );
  store.upsert(
    cloudPc('b2', {
      provisioningPolicyId: 'pol-b',
      provisioningPolicyName: 'Policy B',
      ...failed('networkFailure', 'The network connection failed.', false),
      provisionedDateTime: null,
    }),
  );
  store.upsert(
    cloudPc('b3', {
      provisioningPolicyId: 'pol-b',
      provisioningPolicyName: 'Policy B',
      status: 'inGracePeriod',
      gracePeriodEndDateTime: '2026-06-05T08:00:00Z',
    }),
  );
  store.upsert(
    cloudPc('b4', {
      provisioningPolicyId: 'pol-b',
      provisioningPolicyName: 'Policy B',
      status: 'inGracePeriod',
      gracePeriodEndDateTime: '2026-06-03T09:00:00Z',
    }),
  );
  store.upsert(
    cloudPc('b5', {
      provisioningPolicyId: 'pol-b',
      provisioningPolicyName: 'Policy B',
      status: 'inGracePeriod',
      gracePeriodEndDateTime: '2026-06-20T08:00:00Z',
    }),
  );
  return agg;
}

describe('fleet aggregates: Cloud PCs', () => {
  it('counts Cloud PCs by status group per policy, with totals', () => {
    const rows = fleet().statusRows();
    assert.deepEqual(rows, [
      { policyId: 'pol-a', policyName: 'Policy A', total: 3, counts: { provisioned: 1, provisioning: 1, failed: 1 } },
      { policyId: 'pol-b', policyName: 'Policy B', total: 5, counts: { failed: 2, inGracePeriod: 3 } },
    ]);
  });

  it('ranks failure reasons by code and message, with the Cloud PCs behind each and whether a retry may help', () => {
    const reasons = fleet().failureReasons();
    assert.deepEqual(
      reasons.map((r) => [r.code, r.count, r.cloudPcIds, r.retriable]),
      [
        ['intuneEnrollFailed', 2, ['a3', 'b1'], true],
        ['networkFailure', 1, ['b2'], false],
      ],
    );
    assert.equal(reasons[0].message, 'The Cloud PC could not be enrolled in Intune.');
  });

  it('lists grace periods ending within the window, soonest first', () => {
    const grace = fleet().graceEndingSoon(NOW, 7);
    assert.equal(grace.total, 2);
    assert.deepEqual(
      grace.entries.map((g) => [g.cloudPcId, g.endsAt, g.policyName]),
      [
        ['b4', '2026-06-03T09:00:00Z', 'Policy B'],
        ['b3', '2026-06-05T08:00:00Z', 'Policy B'],
      ],
    );
  });

  it('counts provisioning started, succeeded and failed per hour from the status times', () => {
    const agg = fleet();
    const day = agg.activitySeries(NOW, 24, 1);
    assert.equal(day.length, 24);
    assert.equal(day.at(-1)!.start, '2026-06-02T12:00:00.000Z');
    const at = (iso: string) => day.find((b) => b.start === iso)!;
    assert.deepEqual(at('2026-06-02T11:00:00.000Z'), {
      start: '2026-06-02T11:00:00.000Z',
      started: 1,
      succeeded: 0,
      failed: 0,
    });
    assert.equal(at('2026-06-02T10:00:00.000Z').failed, 1);
    const week = agg.activitySeries(NOW, 7 * 24, 24);
    assert.equal(week.length, 7);
    assert.equal(
      week.reduce((n, b) => n + b.succeeded, 0),
      4,
      'a1 and the three grace Cloud PCs were provisioned on 1 June',
    );
    assert.equal(
      week.reduce((n, b) => n + b.failed, 0),
      3,
    );
  });

  it('counts a reprovision from the audit log as started, once, even while the Cloud PC is still provisioning', () => {
    const agg = fleet();
    agg.setAuditStarts([
      { cloudPcId: 'a2', hourKey: '2026-06-02T11' },
      { cloudPcId: 'a1', hourKey: '2026-06-02T09' },
    ]);
    const day = agg.activitySeries(NOW, 24, 1);
    assert.equal(
      day.reduce((n, b) => n + b.started, 0),
      2,
    );
    assert.equal(day.find((b) => b.start === '2026-06-02T09:00:00.000Z')!.started, 1);
  });

  it('moves one Cloud PC between groups on a status change and forgets it on removal', () => {
    const agg = fleet();
    agg.store.upsert(
      cloudPc('b1', {
        provisioningPolicyId: 'pol-b',
        provisioningPolicyName: 'Policy B',
        status: 'provisioning',
        provisionedDateTime: null,
        lastModifiedDateTime: '2026-06-02T12:10:00Z',
      }),
    );
    assert.deepEqual(agg.statusRows()[1].counts, { failed: 1, inGracePeriod: 3, provisioning: 1 });
    assert.deepEqual(
      agg.failureReasons().map((r) => [r.code, r.cloudPcIds]),
      [
        ['intuneEnrollFailed', ['a3']],
        ['networkFailure', ['b2']],
      ],
    );
    agg.store.upsert(cloudPc('b4', { provisioningPolicyId: 'pol-b', provisioningPolicyName: 'Policy B' }));
    assert.deepEqual(
      agg.graceEndingSoon(NOW, 7).entries.map((g) => g.cloudPcId),
      ['b3'],
    );
    for (const id of ['a1', 'a2', 'a3']) agg.store.remove(id);
    assert.deepEqual(
      agg.statusRows().map((r) => r.policyId),
      ['pol-b'],
    );
    assert.equal(agg.size, 5);
    agg.store.clear();
    assert.deepEqual(
      [
        agg.statusRows(),
        agg.failureReasons(),
        agg.activitySeries(NOW, 24, 1).filter((b) => b.started + b.succeeded + b.failed > 0),
      ],
      [[], [], []],
    );
  });

  it('ends with the same aggregates as a fresh build, whatever sequence of changes led there', () => {
    const statuses = ['provisioned', 'provisioning', 'failed', 'inGracePeriod', 'deprovisioning', 'resizing'] as const;
    const change = (ids: number, status: fc.Arbitrary<(typeof statuses)[number]>) =>
      fc.record({
        id: fc.integer({ min: 0, max: ids - 1 }),
        status,
        policy: fc.constantFrom('a', 'b'),
        hour: fc.integer({ min: 0, max: 23 }),
        remove: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      });
    // Small fleets with every status, and big ones with more in grace than the timeline lists and more failed than a reason's ids.
    const ops = fc.oneof(
      fc.array(change(8, fc.constantFrom(...statuses)), { maxLength: 40 }),
      fc.array(change(800, fc.constantFrom('failed', 'failed', 'inGracePeriod', 'inGracePeriod', 'provisioned')), {
        minLength: 600,
        maxLength: 2000,
      }),
    );
    fc.assert(
      fc.property(ops, fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 5 }), (changes, reprovisioned) => {
        const live = tracked();
        const final = new Map<string, ReturnType<typeof cloudPc>>();
        for (const c of changes) {
          const id = `pc${c.id}`;
          if (c.remove) {
            live.store.remove(id);
            final.delete(id);
            continue;
          }
          const time = `2026-06-02T${String(c.hour).padStart(2, '0')}:00:00Z`;
          const pc = cloudPc(id, {
            status: c.status,
            provisioningPolicyId: `pol-${c.policy}`,
            provisioningPolicyName: `Policy ${c.policy}`,
            lastModifiedDateTime: time,
            ...(c.status === 'failed' ? failed(`code${c.hour % 2}`, 'm') : {}),
            gracePeriodEndDateTime: c.status === 'inGracePeriod' ? time : null,
          });
          live.store.upsert(pc);
          final.set(id, pc);
        }
        const fresh = tracked();
        fresh.store.replaceAll([...final.values()]);
        const starts = reprovisioned.map((n) => ({ cloudPcId: `pc${n}`, hourKey: '2026-06-02T10' }));
        const snapshot = (agg: FleetAggregator) => {
          agg.setAuditStarts(starts);
          return buildFleetSnapshot(agg, { revision: 1, now: NOW, buckets: [], directory: undefined });
        };
        assert.deepEqual(snapshot(live.agg), snapshot(fresh.agg));
        assert.equal(live.agg.size, final.size);
        // The capped lists against the plain definition: soonest first (then by name), and the count of them all.
        const inGrace = [...final.values()].filter((pc) => pc.status === 'inGracePeriod');
        const soonest = inGrace.sort((a, b) =>
          a.gracePeriodEndDateTime! < b.gracePeriodEndDateTime!
            ? -1
            : a.gracePeriodEndDateTime! > b.gracePeriodEndDateTime!
              ? 1
              : a.managedDeviceName!.localeCompare(b.managedDeviceName!),
        );
        const grace = live.agg.graceEndingSoon(NOW, 7);
        assert.equal(grace.total, inGrace.length);
        assert.deepEqual(
          grace.entries.map((g) => g.cloudPcId),
          soonest.slice(0, MAX_GRACE_ENTRIES).map((pc) => pc.id),
        );
        for (const reason of live.agg.failureReasons()) {
          const ids = [...final.values()].filter((pc) => pc.statusDetail?.code === reason.code).map((pc) => pc.id);
          assert.equal(reason.count, ids.length);
          assert.deepEqual(reason.cloudPcIds, ids.sort().slice(0, MAX_IDS_PER_ROW));
        }
      }),
      { numRuns: 100, endOnFailure: true },
    );
  });
});
