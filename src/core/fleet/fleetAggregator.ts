// The Fleet Overview's Cloud PC aggregates, kept current one Cloud PC at a time: a change touches only that
// Cloud PC's counters (O(1)), and a snapshot reads counters and capped lists, never the fleet.
import type { CloudPc } from '../model/cloudPc';
import { ActivityBins, hourOf, hourOfKey } from './activityBins';
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

/** What the overview reads from a status, worked out once per distinct status (statuses are few). */
interface StatusInfo {
  bucket: number;
  failed: boolean;
  /** Provisioning under way: lastModifiedDateTime is when it started. */
  inProgress: boolean;
  grace: boolean;
}

interface FailureGroup {
  code: string;
  message: string;
  retriable: boolean;
  /** By object, not by id: hashing an object reads no text (the store hands back the object it gave). */
  pcs: Set<CloudPc>;
}

/** Hands over every Cloud PC once (the sidebar's store, an array): a callback, no iterator step per Cloud PC. */
export interface EveryCloudPc {
  forEach(visit: (pc: CloudPc) => void): void;
}

/** Statuses in which a Cloud PC's provisioning is under way (lastModifiedDateTime is when it started). */
const IN_PROGRESS = new Set(['notProvisioned', 'pendingProvision', 'provisioning', 'preparing']);
const DAY_MS = 86_400_000;

/**
 * Counters only, no index of its own: the caller (the sidebar's Cloud PC store, which already holds every
 * Cloud PC by id) says what a Cloud PC was and what it is, and the aggregator moves that one contribution.
 * A second 100,000-entry Map cost more than all the counting (docs/fleet-overview.md).
 */
export class FleetAggregator {
  private count = 0;
  private readonly policies = new Map<string, PolicyCounts>();
  /** code → message → group: two lookups, no key text made per failed Cloud PC. */
  private readonly failures = new Map<string, Map<string, FailureGroup>>();
  /** Cloud PCs in grace; their end times are compared as text when a snapshot reads them. */
  private readonly grace = new Set<CloudPc>();
  private readonly activity = new ActivityBins();
  private auditStarts: readonly AuditStart[] = [];
  /** What each status seen means, and the buckets by number (a handful: statuses are few). */
  private readonly statuses = new Map<string, StatusInfo>();
  private readonly bucketNames: string[] = [];
  /** The last policy counted: the next Cloud PC of the same policy needs no lookup. */
  private lastPolicy: PolicyCounts | undefined;

  /** `current`: the Cloud PC with this id now (the store's), for what the audit log adds. */
  constructor(
    private readonly bucketOf: BucketOf,
    private readonly current: (id: string) => CloudPc | undefined = () => undefined,
  ) {}

  get size(): number {
    return this.count;
  }

  /** One Cloud PC changed from `before` (undefined: it is new; else the object given as `after` then) to `after` (undefined: it is gone). */
  update(before: CloudPc | undefined, after: CloudPc | undefined): void {
    if (before) this.apply(before, -1);
    if (after) this.apply(after, 1);
  }

  /** Every Cloud PC at once (the panel opening over a filled store, the store's first fill): one pass, the same aggregates as one update each. */
  rebuild(all: EveryCloudPc): void {
    this.clear();
    all.forEach((pc) => this.apply(pc, 1));
  }

  clear(): void {
    this.count = 0;
    this.lastPolicy = undefined;
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
    const groups: FailureGroup[] = [];
    for (const byMessage of this.failures.values()) for (const f of byMessage.values()) groups.push(f);
    return groups
      .sort((a, b) => b.pcs.size - a.pcs.size || a.code.localeCompare(b.code) || a.message.localeCompare(b.message))
      .slice(0, limit)
      .map((f) => ({
        code: f.code,
        message: f.message,
        count: f.pcs.size,
        retriable: f.retriable,
        cloudPcIds: smallest(f.pcs, MAX_IDS_PER_ROW),
      }));
  }

  /** Grace periods ending within `days` of `now`, soonest first (ISO UTC texts sort as times); rows only for the first MAX_GRACE_ENTRIES. */
  graceEndingSoon(now: number, days: number): { total: number; entries: GraceEntry[] } {
    const until = normalIso(new Date(now + days * DAY_MS).toISOString());
    const soon: CloudPc[] = [];
    let total = 0;
    for (const pc of this.grace) {
      if (compareIso(pc.gracePeriodEndDateTime!, until) > 0) continue;
      total++;
      keepSoonest(soon, pc);
    }
    return { total, entries: soon.map(graceEntry) };
  }

  /** Adds (+1) or takes back (-1) one Cloud PC's contribution; the same Cloud PC always contributes the same. Nothing allocated per Cloud PC but the sets' own growth. */
  private apply(pc: CloudPc, delta: 1 | -1): void {
    this.count += delta;
    const status = this.statusInfo(pc.status);
    this.countPolicy(pc, status.bucket, delta);
    if (status.failed) this.countFailure(pc, delta);
    if (status.grace && pc.gracePeriodEndDateTime) {
      if (delta > 0) this.grace.add(pc);
      else this.grace.delete(pc);
    }
    // Succeeded when it was provisioned; failed or started when it last changed into that state (Graph keeps no
    // start time of its own: a Cloud PC still provisioning started at its last modification).
    const succeeded = pc.provisionedDateTime ? hourOf(pc.provisionedDateTime) : undefined;
    if (succeeded !== undefined) this.activity.add('succeeded', succeeded, delta);
    if (!status.failed && !status.inProgress) return;
    const runHour = hourOf(pc.lastModifiedDateTime);
    if (runHour !== undefined) this.activity.add(status.failed ? 'failed' : 'started', runHour, delta);
  }

  private countPolicy(pc: CloudPc, bucket: number, delta: 1 | -1): void {
    const id = pc.provisioningPolicyId ?? '';
    let p = this.lastPolicy;
    if (p?.id !== id) {
      p = this.policies.get(id);
      if (!p) this.policies.set(id, (p = { id, name: pc.provisioningPolicyName ?? id, total: 0, counts: [] }));
      this.lastPolicy = p;
    }
    // The newest name wins (a rename reaches every Cloud PC of the policy).
    if (delta > 0 && pc.provisioningPolicyName) p.name = pc.provisioningPolicyName;
    p.total += delta;
    p.counts[bucket] = (p.counts[bucket] ?? 0) + delta;
    if (p.total !== 0) return;
    this.policies.delete(id);
    this.lastPolicy = undefined;
  }

  private countFailure(pc: CloudPc, delta: 1 | -1): void {
    const detail = pc.statusDetail;
    const code = detail ? detail.code : '';
    const message = detail ? detail.message : '';
    let byMessage = this.failures.get(code);
    if (!byMessage) this.failures.set(code, (byMessage = new Map()));
    let f = byMessage.get(message);
    if (!f) {
      const retriable =
        detail?.additionalInformation?.some((kv) => kv.name === 'retriable' && kv.value === 'true') ?? false;
      byMessage.set(
        message,
        (f = { code: detail?.code ?? 'unknown', message: detail?.message ?? '', retriable, pcs: new Set() }),
      );
    }
    if (delta > 0) f.pcs.add(pc);
    else f.pcs.delete(pc);
    if (f.pcs.size > 0) return;
    byMessage.delete(message);
    if (byMessage.size === 0) this.failures.delete(code);
  }

  private statusInfo(status: string): StatusInfo {
    let info = this.statuses.get(status);
    if (!info) {
      const name = this.bucketOf(status);
      let bucket = this.bucketNames.indexOf(name);
      if (bucket < 0) bucket = this.bucketNames.push(name) - 1;
      info = {
        bucket,
        failed: status === 'failed',
        inProgress: IN_PROGRESS.has(status),
        grace: status === 'inGracePeriod',
      };
      this.statuses.set(status, info);
    }
    return info;
  }
}

/** The `n` smallest ids in order: one binary-search insertion per id that makes the cut. */
function smallest(pcs: Set<CloudPc>, n: number): string[] {
  const out: string[] = [];
  for (const { id } of pcs) {
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

function soonerThan(a: CloudPc, b: CloudPc): boolean {
  const c = compareIso(a.gracePeriodEndDateTime!, b.gracePeriodEndDateTime!);
  if (c !== 0) return c < 0;
  const byName = graceName(a).localeCompare(graceName(b));
  // Then by id: the rows do not depend on the order the Cloud PCs arrived in.
  return byName < 0 || (byName === 0 && a.id < b.id);
}

/** Keeps `soon` the MAX_GRACE_ENTRIES soonest, in order: one insertion per entry that makes the cut. */
function keepSoonest(soon: CloudPc[], pc: CloudPc): void {
  if (soon.length === MAX_GRACE_ENTRIES && !soonerThan(pc, soon[soon.length - 1]!)) return;
  let i = soon.length;
  while (i > 0 && soonerThan(pc, soon[i - 1]!)) i--;
  soon.splice(i, 0, pc);
  if (soon.length > MAX_GRACE_ENTRIES) soon.pop();
}

function graceName(pc: CloudPc): string {
  return pc.managedDeviceName ?? pc.displayName;
}

function graceEntry(pc: CloudPc): GraceEntry {
  return {
    cloudPcId: pc.id,
    name: graceName(pc),
    userPrincipalName: pc.userPrincipalName,
    policyId: pc.provisioningPolicyId ?? '',
    policyName: pc.provisioningPolicyName ?? pc.provisioningPolicyId ?? '',
    endsAt: normalIso(pc.gracePeriodEndDateTime!),
  };
}

function isZTime(iso: string): boolean {
  return iso.length >= 20 && iso.charCodeAt(iso.length - 1) === 90; /* Z */
}

/** Orders two times as their normalIso texts would, without making the texts for Z times (what Graph sends). */
function compareIso(a: string, b: string): number {
  if (isZTime(a) && isZTime(b)) {
    for (let i = 0; i < 19; i++) {
      const d = a.charCodeAt(i) - b.charCodeAt(i);
      if (d !== 0) return d;
    }
    return 0;
  }
  const x = normalIso(a);
  const y = normalIso(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Sortable UTC text: Graph sends Z times; anything else is converted once. */
export function normalIso(iso: string): string {
  if (iso.length >= 20 && iso.endsWith('Z')) return `${iso.slice(0, 19)}Z`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
