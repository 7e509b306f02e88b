// Fleet Overview benchmarks: the aggregates for 100,000 Cloud PCs, one status change, who is left out among
// 100,000 users, and the webview bundle's size. Medians; targets beside them (they report, never fail).
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { BenchRow } from './benchRow';
import { makeCloudPcs } from './viewsBench';
import { buildFleetSnapshot } from '../../src/core/fleet/buildFleetSnapshot';
import { FleetAggregator } from '../../src/core/fleet/fleetAggregator';
import { computeLeftOut } from '../../src/core/fleet/leftOutUsers';
import type { LeftOutMember } from '../../src/core/fleet/leftOutUsers';
import type { CloudPc } from '../../src/core/model/cloudPc';
import { BUCKET_LABELS, STATUS_BUCKETS, bucketOf } from '../../src/vscode/views/cloudPcStatusBuckets';
import { median, time } from './benchTiming';

const NOW = Date.parse('2026-06-02T08:00:00Z');
const BUCKETS = STATUS_BUCKETS.map((key) => ({ key, label: BUCKET_LABELS[key] }));

function aggregate(pcs: readonly CloudPc[]): FleetAggregator {
  const agg = new FleetAggregator(bucketOf);
  for (const pc of pcs) agg.upsert(pc);
  return agg;
}

function snapshot(agg: FleetAggregator): void {
  buildFleetSnapshot(agg, { revision: 1, now: NOW, buckets: BUCKETS, directory: undefined });
}

/** Median of `runs` single status changes (provisioned ↔ failed), each one upsert. */
function oneChange(agg: FleetAggregator, pcs: readonly CloudPc[], runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const pc = pcs[(i * 7919) % pcs.length];
    const moved: CloudPc = { ...pc, status: pc.status === 'failed' ? 'provisioned' : 'failed', statusDetail: { code: 'benchFailure', message: 'bench', additionalInformation: [] }, lastModifiedDateTime: '2026-06-02T07:30:00Z' };
    const t0 = performance.now();
    agg.upsert(moved);
    samples.push(performance.now() - t0);
    agg.upsert(pc);
  }
  return median(samples);
}

function leftOutInput(users: number) {
  const members: LeftOutMember[] = Array.from({ length: users }, (_, i) => ({ id: `u${i}`, displayName: `User ${i}`, userPrincipalName: `user${i}@contoso.com`, skuIds: i % 10 === 0 ? [] : ['e2'] }));
  const groups = new Map(Array.from({ length: 10 }, (_, g) => [`g${g}`, { displayName: `Group ${g}`, members: members.filter((_, i) => i % 10 === g || i % 97 === g) }] as const));
  const policies = Array.from({ length: 10 }, (_, p) => ({ id: `p${p}`, displayName: `Policy ${p}`, assignments: [{ groupId: `g${p}` }, { groupId: `g${(p + 1) % 10}` }] }));
  return { policies, groups, enterpriseSkuIds: new Set(['e2']), holders: [] };
}

const ms = (v: number) => `${v.toFixed(v < 1 ? 4 : 2)} ms`;

export async function runFleetBench(opts: { quick: boolean }): Promise<BenchRow[]> {
  const runs = opts.quick ? 3 : 15;
  const n = opts.quick ? 10_000 : 100_000;
  const pcs = makeCloudPcs(n);
  const label = n.toLocaleString('en-US');
  const build = time(() => snapshot(aggregate(pcs)), runs);
  const agg = aggregate(pcs);
  const snap = time(() => snapshot(agg), runs);
  const change = oneChange(agg, pcs, opts.quick ? 200 : 2000);
  const small = aggregate(makeCloudPcs(1000));
  const changeSmall = oneChange(small, makeCloudPcs(1000), opts.quick ? 200 : 2000);
  const users = opts.quick ? 10_000 : 100_000;
  const input = leftOutInput(users);
  const leftOut = time(() => computeLeftOut(input), runs);
  // The machine's speed right now: filling a Map with the same ids is the floor any per-Cloud-PC index pays.
  const floor = time(() => {
    const m = new Map<string, CloudPc>();
    for (const pc of pcs) m.set(pc.id, pc);
  }, runs);
  const rows: BenchRow[] = [
    { name: `baseline: a Map of ${label} Cloud PC ids (this machine's floor for any index)`, value: ms(floor) },
    { name: `fleet aggregates from scratch, ${label} Cloud PCs (every upsert + snapshot)`, value: `${ms(build)} (${(build / floor).toFixed(1)}× baseline)`, target: '≤ 50 ms', ok: build <= 50 },
    { name: `fleet snapshot of ${label} Cloud PCs (what a live update costs)`, value: ms(snap), target: '≤ 50 ms', ok: snap <= 50 },
    { name: `one status change, ${label} Cloud PCs`, value: ms(change), target: '≤ 1 ms', ok: change <= 1 },
    { name: 'one status change, 1,000 Cloud PCs (same work: O(change))', value: ms(changeSmall), target: '≈ the row above' },
    { name: `who is left out, ${users.toLocaleString('en-US')} users in 10 policies`, value: ms(leftOut) },
  ];
  const bundle = path.join(__dirname, '..', '..', 'dist', 'webview', 'fleet.js');
  if (existsSync(bundle)) rows.push({ name: 'dist/webview/fleet.js (Fleet Overview webview, minified)', value: `${(statSync(bundle).size / 1024).toFixed(1)} KB` });
  return rows;
}
