// The Fleet Overview's Cloud PC aggregates, kept current one Cloud PC at a time: a change touches only that
// Cloud PC's counters (O(1)), and a snapshot reads counters and capped lists, never the fleet.
import type { CloudPc } from '../model/cloudPc';
import { ActivityBins, hourOf, hourOfKey } from './activityBins';
import type { ActivityKind } from './activityBins';
import type { AuditStart } from './auditStarts';
import type { ActivityBin, FailureReason, GraceEntry, PolicyStatusRow } from './fleetSnapshot';
import { MAX_GRACE_ENTRIES, MAX_IDS_PER_ROW } from './fleetSnapshot';

/** Maps a Cloud PC status to the group the overview counts it in (the sidebar's buckets). */
export type BucketOf = (status: string) => string;

interface PolicyCounts {
  id: string;
  name: string;
  total: number;
  /** Cloud PCs per bucket, by the aggregator's bucket number. */
  counts: number[];
}

interface FailureGroup {
  code: string;
  message: string;
  retriable: boolean;
  ids: Set<string>;
}

interface InGrace {
  pc: CloudPc;
  /** Sortable UTC end of the grace period. */
  end: string;
}

/** Statuses in which a Cloud PC's provisioning is under way (lastModifiedDateTime is when it started). */
const IN_PROGRESS = new Set(['notProvisioned', 'pendingProvision', 'provisioning', 'preparing']);
const DAY_MS = 86_400_000;

/**
 * Counters only, no index of its own: the caller (the sidebar's Cloud PC store, which already holds every
 * Cloud PC by id) says what a Cloud PC was and what it is, and the aggregator moves that one contribution.
 * A second 100,000-entry Map cost more than all the counting (docs/architecture.md "Fleet Overview").
 */
export class FleetAggregator {
  private count = 0;
  private readonly policies = new Map<string, PolicyCounts>();
  private readonly failures = new Map<string, FailureGroup>();
  private readonly grace = new Map<string, InGrace>();
  private readonly activity = new ActivityBins();
  private auditStarts: readonly AuditStart[] = [];
  /** Bucket of each status seen, and the buckets by number (a handful: statuses are few). */
  private readonly bucketOfStatus = new Map<string, number>();
  private readonly bucketNames: string[] = [];

  /** `current`: the Cloud PC with this id now (the store's), for what the audit log adds. */
  constructor(private readonly bucketOf: BucketOf, private readonly current: (id: string) => CloudPc | undefined = () => undefined) {}

  get size(): number {
    return this.count;
  }

  /** One Cloud PC changed from `before` (undefined: it is new) to `after` (undefined: it is gone). */
  update(before: CloudPc | undefined, after: CloudPc | undefined): void {
    if (before) this.apply(before, -1);
    if (after) this.apply(after, 1);
  }

  clear(): void {
    this.count = 0;
    this.policies.clear();
    this.failures.clear();
    this.grace.clear();
    this.activity.clear();
  }

  /** Per policy, in name order; a Cloud PC without a policy counts under "" (no policy). */
  statusRows(): PolicyStatusRow[] {
    const rows: PolicyStatusRow[] = [];
    for (const p of this.policies.values()) {
      const counts: Record<string, number> = {};
      p.counts.forEach((n, b) => {
        if (n > 0) counts[this.bucketNames[b]!] = n;
      });
      rows.push({ policyId: p.id, policyName: p.name, total: p.total, counts });
    }
    return rows.sort((a, b) => a.policyName.localeCompare(b.policyName) || a.policyId.localeCompare(b.policyId));
  }

  /** Reprovisions the audit log records (admin actions) count as started unless the Cloud PC is still in progress. */
  setAuditStarts(starts: readonly AuditStart[]): void {
    this.auditStarts = starts;
  }

  /** Started, succeeded and failed over the last `hours` hours, one bin per `binHours`. */
  activitySeries(now: number, hours: number, binHours: number): ActivityBin[] {
    const fromAudit = new ActivityBins();
    // An in-progress Cloud PC already counts as started at its last change: count its reprovision once.
    for (const s of this.auditStarts) {
      const hour = hourOfKey(s.hourKey);
      const pc = this.current(s.cloudPcId);
      if (hour !== undefined && !(pc && IN_PROGRESS.has(pc.status))) fromAudit.add('started', hour, 1);
    }
    return this.activity.series(now, hours, binHours, fromAudit);
  }

  /**
   * Most Cloud PCs first, then by code; each with its MAX_IDS_PER_ROW smallest ids, whatever order the Cloud PCs
   * arrived in (read once, never copied: a snapshot allocates no more for 100,000 Cloud PCs than for 100).
   */
  failureReasons(limit = 10): FailureReason[] {
    return [...this.failures.values()]
      .sort((a, b) => b.ids.size - a.ids.size || a.code.localeCompare(b.code) || a.message.localeCompare(b.message))
      .slice(0, limit)
      .map((f) => ({ code: f.code, message: f.message, count: f.ids.size, retriable: f.retriable, cloudPcIds: smallest(f.ids, MAX_IDS_PER_ROW) }));
  }

  /** Grace periods ending within `days` of `now`, soonest first (ISO UTC texts sort as times); rows only for the first MAX_GRACE_ENTRIES. */
  graceEndingSoon(now: number, days: number): { total: number; entries: GraceEntry[] } {
    const until = normalIso(new Date(now + days * DAY_MS).toISOString());
    const soon: InGrace[] = [];
    let total = 0;
    for (const g of this.grace.values()) {
      if (g.end > until) continue;
      total++;
      keepSoonest(soon, g);
    }
    return { total, entries: soon.map(graceEntry) };
  }

  /** Adds (+1) or takes back (-1) one Cloud PC's contribution; the same Cloud PC always contributes the same. */
  private apply(pc: CloudPc, delta: 1 | -1): void {
    this.count += delta;
    this.countPolicy(pc, delta);
    const failed = pc.status === 'failed';
    if (failed) this.countFailure(pc, delta);
    if (pc.status === 'inGracePeriod' && pc.gracePeriodEndDateTime) {
      if (delta > 0) this.grace.set(pc.id, { pc, end: normalIso(pc.gracePeriodEndDateTime) });
      else this.grace.delete(pc.id);
    }
    // Succeeded when it was provisioned; failed or started when it last changed into that state (Graph keeps no
    // start time of its own: a Cloud PC still provisioning started at its last modification).
    const succeeded = pc.provisionedDateTime ? hourOf(pc.provisionedDateTime) : undefined;
    if (succeeded !== undefined) this.activity.add('succeeded', succeeded, delta);
    const runKind: ActivityKind | undefined = failed ? 'failed' : IN_PROGRESS.has(pc.status) ? 'started' : undefined;
    const runHour = runKind ? hourOf(pc.lastModifiedDateTime) : undefined;
    if (runKind && runHour !== undefined) this.activity.add(runKind, runHour, delta);
  }

  private countPolicy(pc: CloudPc, delta: 1 | -1): void {
    const id = pc.provisioningPolicyId ?? '';
    let p = this.policies.get(id);
    if (!p) this.policies.set(id, (p = { id, name: pc.provisioningPolicyName ?? id, total: 0, counts: [] }));
    else if (delta > 0 && pc.provisioningPolicyName && p.name !== pc.provisioningPolicyName) p.name = pc.provisioningPolicyName;
    const b = this.bucketNumber(pc.status);
    p.total += delta;
    p.counts[b] = (p.counts[b] ?? 0) + delta;
    if (p.total === 0) this.policies.delete(id);
  }

  private countFailure(pc: CloudPc, delta: 1 | -1): void {
    const detail = pc.statusDetail;
    const key = detail ? `${detail.code}\u0000${detail.message}` : '\u0000';
    let f = this.failures.get(key);
    if (!f) {
      const retriable = detail?.additionalInformation?.some((kv) => kv.name === 'retriable' && kv.value === 'true') ?? false;
      this.failures.set(key, (f = { code: detail?.code ?? 'unknown', message: detail?.message ?? '', retriable, ids: new Set() }));
    }
    if (delta > 0) f.ids.add(pc.id);
    else f.ids.delete(pc.id);
    if (f.ids.size === 0) this.failures.delete(key);
  }

  private bucketNumber(status: string): number {
    let b = this.bucketOfStatus.get(status);
    if (b === undefined) {
      const name = this.bucketOf(status);
      b = this.bucketNames.indexOf(name);
      if (b < 0) b = this.bucketNames.push(name) - 1;
      this.bucketOfStatus.set(status, b);
    }
    return b;
  }
}

/** The `n` smallest ids in order: one binary-search insertion per id that makes the cut. */
function smallest(ids: Set<string>, n: number): string[] {
  const out: string[] = [];
  for (const id of ids) {
    if (out.length === n && id >= out[n - 1]!) continue;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (out[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, id);
    if (out.length > n) out.pop();
  }
  return out;
}

function soonerThan(a: InGrace, b: InGrace): boolean {
  return a.end < b.end || (a.end === b.end && graceName(a.pc).localeCompare(graceName(b.pc)) < 0);
}

/** Keeps `soon` the MAX_GRACE_ENTRIES soonest, in order: one insertion per entry that makes the cut. */
function keepSoonest(soon: InGrace[], e: InGrace): void {
  if (soon.length === MAX_GRACE_ENTRIES && !soonerThan(e, soon[soon.length - 1]!)) return;
  let i = soon.length;
  while (i > 0 && soonerThan(e, soon[i - 1]!)) i--;
  soon.splice(i, 0, e);
  if (soon.length > MAX_GRACE_ENTRIES) soon.pop();
}

function graceName(pc: CloudPc): string {
  return pc.managedDeviceName ?? pc.displayName;
}

function graceEntry({ pc, end }: InGrace): GraceEntry {
  return { cloudPcId: pc.id, name: graceName(pc), userPrincipalName: pc.userPrincipalName, policyName: pc.provisioningPolicyName ?? pc.provisioningPolicyId ?? '', endsAt: end };
}

/** Sortable UTC text: Graph sends Z times; anything else is converted once. */
export function normalIso(iso: string): string {
  if (iso.length >= 20 && iso.endsWith('Z')) return `${iso.slice(0, 19)}Z`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
