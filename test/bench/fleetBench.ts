// Fleet Overview benchmarks: the aggregates for 100,000 Cloud PCs, one status change, who is left out among
// 100,000 users, and the webview bundle's size. Medians; targets beside them (they report, never fail).
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { BenchRow } from './benchRow';
import { makeCloudPcs } from './viewsBench';
import { buildFleetSnapshot } from '../../src/core/fleet/buildFleetSnapshot';
import type { FleetAggregator } from '../../src/core/fleet/fleetAggregator';
import { computeLeftOut } from '../../src/core/fleet/leftOutUsers';
import type { LeftOutMember } from '../../src/core/fleet/leftOutUsers';
import type { CloudPc } from '../../src/core/model/cloudPc';
import { aggregatesOf } from '../../src/vscode/fleet/storeAggregates';
import { CloudPcStore } from '../../src/vscode/views/cloudPcStore';
import { BUCKET_LABELS, STATUS_BUCKETS } from '../../src/vscode/views/cloudPcStatusBuckets';
import { median, time, timeSideBySide } from './benchTiming';

const NOW = Date.parse('2026-06-02T08:00:00Z');
const BUCKETS = STATUS_BUCKETS.map((key) => ({ key, label: BUCKET_LABELS[key] }));

/** The sidebar's store holding the fleet (the extension has it before the overview opens). */
function storeOf(pcs: readonly CloudPc[]): CloudPcStore {
  const store = new CloudPcStore();
  store.replaceAll(pcs);
  return store;
}

/** What opening the overview costs: the aggregates fed every Cloud PC of the store. */
function aggregate(store: CloudPcStore): FleetAggregator {
  const feed = aggregatesOf(store);
  feed.dispose();
  return feed.aggregator;
}

/** The floor of any pass over the fleet: one plain loop over the Cloud PCs reading the fields the aggregates read. */
function readFields(pcs: readonly CloudPc[]): number {
  let n = 0;
  for (const pc of pcs) {
    n +=
      pc.status.length +
      (pc.provisioningPolicyId?.length ?? 0) +
      (pc.provisioningPolicyName?.length ?? 0) +
      (pc.statusDetail ? pc.statusDetail.code.length : 0);
    n +=
      (pc.gracePeriodEndDateTime?.charCodeAt(12) ?? 0) +
      (pc.provisionedDateTime?.charCodeAt(12) ?? 0) +
      pc.lastModifiedDateTime.charCodeAt(12);
  }
  return n;
}

/** The first load with the panel open: the store filled from empty while the aggregates listen. */
function loadWithAggregates(pcs: readonly CloudPc[]): void {
  const store = new CloudPcStore();
  const feed = aggregatesOf(store);
  store.replaceAll(pcs);
  feed.dispose();
}

function snapshot(agg: FleetAggregator): void {
  buildFleetSnapshot(agg, { revision: 1, now: NOW, buckets: BUCKETS, directory: undefined });
}

/** Median of `runs` single status changes (provisioned ↔ failed) through the store, as a poll applies them; `withSnapshot` adds the snapshot the panel then posts. */
function oneChange(
  store: CloudPcStore,
  agg: FleetAggregator,
  pcs: readonly CloudPc[],
  runs: number,
  withSnapshot = false,
): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const pc = pcs[(i * 7919) % pcs.length]!;
    const moved: CloudPc = {
      ...pc,
      status: pc.status === 'failed' ? 'provisioned' : 'failed',
      statusDetail: { code: 'benchFailure', message: 'bench', additionalInformation: [] },
      lastModifiedDateTime: '2026-06-02T07:30:00Z',
    };
    const t0 = performance.now();
    store.upsert(moved);
    if (withSnapshot) snapshot(agg);
    samples.push(performance.now() - t0);
    store.upsert(pc);
  }
  return median(samples);
}

/** The aggregator alone, for one change: what it was, what it is (the store's own work not counted). */
function oneAggregatorChange(agg: FleetAggregator, pcs: readonly CloudPc[], runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const pc = pcs[(i * 7919) % pcs.length]!;
    const moved: CloudPc = {
      ...pc,
      status: pc.status === 'failed' ? 'provisioned' : 'failed',
      statusDetail: { code: 'benchFailure', message: 'bench', additionalInformation: [] },
      lastModifiedDateTime: '2026-06-02T07:30:00Z',
    };
    const t0 = performance.now();
    agg.update(pc, moved);
    samples.push(performance.now() - t0);
    agg.update(moved, pc);
  }
  return median(samples);
}

function leftOutInput(users: number) {
  const members: LeftOutMember[] = Array.from({ length: users }, (_, i) => ({
    id: `u${i}`,
    displayName: `User ${i}`,
    userPrincipalName: `user${i}@contoso.com`,
    skuIds: i % 10 === 0 ? [] : ['e2'],
  }));
  const groups = new Map(
    Array.from(
      { length: 10 },
      (_, g) =>
        [
          `g${g}`,
          { displayName: `Group ${g}`, members: members.filter((_, i) => i % 10 === g || i % 97 === g) },
        ] as const,
    ),
  );
  const policies = Array.from({ length: 10 }, (_, p) => ({
    id: `p${p}`,
    displayName: `Policy ${p}`,
    assignments: [{ groupId: `g${p}` }, { groupId: `g${(p + 1) % 10}` }],
  }));
  return { policies, groups, enterpriseSkuIds: new Set(['e2']), holders: [] };
}

const ms = (v: number) => `${v.toFixed(v < 1 ? 4 : 2)} ms`;

export async function runFleetBench(opts: { quick: boolean }): Promise<BenchRow[]> {
  const runs = opts.quick ? 3 : 15;
  const n = opts.quick ? 10_000 : 100_000;
  const pcs = makeCloudPcs(n);
  const label = n.toLocaleString('en-US');
  const store = storeOf(pcs);
  // Side by side in the same rounds: the floors (a Map of the ids, one plain loop over the Cloud PCs), the
  // aggregates alone over the filled store (what opening the panel costs), and with the first snapshot.
  let sink = 0;
  const open = timeSideBySide(
    {
      floor: () => {
        const m = new Map<string, CloudPc>();
        for (const pc of pcs) m.set(pc.id, pc);
      },
      loop: () => {
        sink += readFields(pcs);
      },
      aggregates: () => {
        sink += aggregate(store).size;
      },
      build: () => snapshot(aggregate(store)),
    },
    runs,
  );
  // The first load while the panel is open: the store's own fill, and the same with the aggregates listening.
  const load = timeSideBySide(
    {
      store: () => {
        sink += storeOf(pcs).size;
      },
      withAggregates: () => loadWithAggregates(pcs),
    },
    opts.quick ? 2 : 9,
  );
  const { floor, loop, aggregates, build } = open;
  const feed = aggregatesOf(store);
  const agg = feed.aggregator;
  const snap = time(() => snapshot(agg), runs);
  const changeRuns = opts.quick ? 200 : 2000;
  const aggChange = oneAggregatorChange(agg, pcs, changeRuns);
  const change = oneChange(store, agg, pcs, changeRuns);
  const changeAndSnapshot = oneChange(store, agg, pcs, opts.quick ? 50 : 300, true);
  const smallPcs = makeCloudPcs(1000);
  const changeSmall = oneAggregatorChange(aggregate(storeOf(smallPcs)), smallPcs, changeRuns);
  feed.dispose();
  const users = opts.quick ? 10_000 : 100_000;
  const input = leftOutInput(users);
  const leftOut = time(() => computeLeftOut(input), runs);
  if (sink < 0) throw new Error('unreachable: keeps the loops from being optimised away');
  const rows: BenchRow[] = [
    { name: `baseline: a Map of ${label} Cloud PC ids (this machine's floor for any index)`, value: ms(floor) },
    {
      name: `baseline: one plain loop over ${label} Cloud PCs reading the fields the aggregates read`,
      value: ms(loop),
    },
    {
      name: `fleet aggregates over a filled store of ${label} Cloud PCs (what opening the panel costs)`,
      value: `${ms(aggregates)} (${(aggregates / floor).toFixed(2)}× Map, ${(aggregates / loop).toFixed(1)}× loop)`,
      target: '≤ 50 ms',
      ok: aggregates <= 50,
    },
    {
      name: `fleet aggregates from scratch, ${label} Cloud PCs in the store (every Cloud PC + snapshot)`,
      value: `${ms(build)} (${(build / floor).toFixed(1)}× baseline)`,
      target: '≤ 50 ms',
      ok: build <= 50,
    },
    { name: `first load, ${label} Cloud PCs into an empty store: the store alone`, value: ms(load.store) },
    {
      name: `first load, ${label} Cloud PCs into an empty store, the panel open (store + aggregates)`,
      value: `${ms(load.withAggregates)} (${load.withAggregates >= load.store ? '+' : '−'}${ms(Math.abs(load.withAggregates - load.store))} vs the store alone)`,
    },
    {
      name: `fleet snapshot of ${label} Cloud PCs (what a live update costs)`,
      value: ms(snap),
      target: '≤ 50 ms',
      ok: snap <= 50,
    },
    {
      name: `one status change, ${label} Cloud PCs: the aggregates`,
      value: ms(aggChange),
      target: '≤ 1 ms',
      ok: aggChange <= 1,
    },
    {
      name: 'one status change, 1,000 Cloud PCs: the aggregates (same work: O(change))',
      value: ms(changeSmall),
      target: '≈ the row above',
    },
    {
      name: `one status change, ${label} Cloud PCs: the store's upsert, which updates the aggregates`,
      value: ms(change),
      target: '≤ 1 ms',
      ok: change <= 1,
    },
    {
      name: `one status change, ${label} Cloud PCs: store upsert + the snapshot the panel posts`,
      value: ms(changeAndSnapshot),
    },
    { name: `who is left out, ${users.toLocaleString('en-US')} users in 10 policies`, value: ms(leftOut) },
  ];
  const bundle = path.join(__dirname, '..', '..', 'dist', 'webview', 'fleet.js');
  if (existsSync(bundle))
    rows.push({
      name: 'dist/webview/fleet.js (Fleet Overview webview, minified)',
      value: `${(statSync(bundle).size / 1024).toFixed(1)} KB`,
    });
  return rows;
}
