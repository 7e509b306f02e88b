// The Fleet Overview's Cloud PC aggregates, kept current one Cloud PC at a time: an upsert or removal touches
// only that Cloud PC's counters (O(1)), and a snapshot reads counters, never the fleet.
import type { CloudPc } from '../model/cloudPc';
import { ActivityBins, hourKeyOf } from './activityBins';
import type { ActivityKind } from './activityBins';
import type { AuditStart } from './auditStarts';
import type { ActivityBin, FailureReason, GraceEntry, PolicyStatusRow } from './fleetSnapshot';
import { MAX_GRACE_ENTRIES, MAX_IDS_PER_ROW } from './fleetSnapshot';

/** Maps a Cloud PC status to the group the overview counts it in (the sidebar's buckets). */
export type BucketOf = (status: string) => string;

/** One Cloud PC's contribution; flat fields, no per-PC arrays (100,000 upserts must not feed the GC). */
interface Entry {
  pc: CloudPc;
  policyId: string;
  bucket: string;
  failureKey: string | undefined;
  /** Sortable UTC end of the grace period, while in grace. */
  graceEnd: string | undefined;
  succeededHour: string | undefined;
  /** started or failed: when the Cloud PC last changed into a provisioning or failed state. */
  runKind: ActivityKind | undefined;
  runHour: string | undefined;
}

interface PolicyCounts {
  name: string;
  total: number;
  counts: Map<string, number>;
}

interface FailureGroup {
  code: string;
  message: string;
  retriable: boolean;
  ids: Set<string>;
}

/** Statuses in which a Cloud PC's provisioning is under way (lastModifiedDateTime is when it started). */
const IN_PROGRESS = new Set(['notProvisioned', 'pendingProvision', 'provisioning', 'preparing']);
const DAY_MS = 86_400_000;

export class FleetAggregator {
  private readonly entries = new Map<string, Entry>();
  private readonly policies = new Map<string, PolicyCounts>();
  private readonly failures = new Map<string, FailureGroup>();
  private readonly grace = new Map<string, Entry>();
  readonly activity = new ActivityBins();
  private auditStarts: readonly AuditStart[] = [];

  constructor(private readonly bucketOf: BucketOf) {}

  get size(): number {
    return this.entries.size;
  }

  /** Adds or replaces one Cloud PC: undoes its old contribution, adds the new one. */
  upsert(pc: CloudPc): void {
    const old = this.entries.get(pc.id);
    if (old) this.unindex(pc.id, old);
    const entry = this.entryOf(pc);
    this.entries.set(pc.id, entry);
    this.index(pc, entry);
  }

  remove(id: string): void {
    const old = this.entries.get(id);
    if (!old) return;
    this.unindex(id, old);
    this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
    this.policies.clear();
    this.failures.clear();
    this.grace.clear();
    this.activity.clear();
  }

  /** Per policy, in name order; a Cloud PC without a policy counts under "" (no policy). */
  statusRows(): PolicyStatusRow[] {
    const rows: PolicyStatusRow[] = [];
    for (const [policyId, p] of this.policies) {
      if (p.total === 0) continue;
      rows.push({ policyId, policyName: p.name, total: p.total, counts: Object.fromEntries(p.counts) });
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
    for (const s of this.auditStarts) if (this.entries.get(s.cloudPcId)?.runKind !== 'started') fromAudit.add('started', s.hourKey, 1);
    return this.activity.series(now, hours, binHours, fromAudit);
  }

  /** Most Cloud PCs first, then by code. */
  failureReasons(limit = 10): FailureReason[] {
    return [...this.failures.values()]
      .sort((a, b) => b.ids.size - a.ids.size || a.code.localeCompare(b.code) || a.message.localeCompare(b.message))
      .slice(0, limit)
      .map((f) => ({ code: f.code, message: f.message, count: f.ids.size, retriable: f.retriable, cloudPcIds: [...f.ids].slice(0, MAX_IDS_PER_ROW).sort() }));
  }

  /** Grace periods ending within `days` of `now`, soonest first (ISO UTC texts sort as times). */
  graceEndingSoon(now: number, days: number): { total: number; entries: GraceEntry[] } {
    const until = normalIso(new Date(now + days * DAY_MS).toISOString());
    const soon: GraceEntry[] = [];
    for (const e of this.grace.values()) if (e.graceEnd! <= until) soon.push(graceEntry(e));
    soon.sort((a, b) => (a.endsAt < b.endsAt ? -1 : a.endsAt > b.endsAt ? 1 : a.name.localeCompare(b.name)));
    return { total: soon.length, entries: soon.slice(0, MAX_GRACE_ENTRIES) };
  }

  private entryOf(pc: CloudPc): Entry {
    const detail = pc.status === 'failed' ? pc.statusDetail : null;
    // Succeeded when it was provisioned; failed or started when it last changed into that state (Graph keeps no
    // start time of its own: a Cloud PC still provisioning started at its last modification).
    const runKind: ActivityKind | undefined = pc.status === 'failed' ? 'failed' : IN_PROGRESS.has(pc.status) ? 'started' : undefined;
    return {
      pc,
      policyId: pc.provisioningPolicyId ?? '',
      bucket: this.bucketOf(pc.status),
      failureKey: detail ? `${detail.code}\u0000${detail.message}` : pc.status === 'failed' ? '\u0000' : undefined,
      graceEnd: pc.status === 'inGracePeriod' && pc.gracePeriodEndDateTime ? normalIso(pc.gracePeriodEndDateTime) : undefined,
      succeededHour: pc.provisionedDateTime ? hourKeyOf(pc.provisionedDateTime) : undefined,
      runKind,
      runHour: runKind ? hourKeyOf(pc.lastModifiedDateTime) : undefined,
    };
  }

  private index(pc: CloudPc, e: Entry): void {
    let p = this.policies.get(e.policyId);
    if (!p) this.policies.set(e.policyId, (p = { name: pc.provisioningPolicyName ?? e.policyId, total: 0, counts: new Map() }));
    else if (pc.provisioningPolicyName && p.name !== pc.provisioningPolicyName) p.name = pc.provisioningPolicyName;
    p.total++;
    p.counts.set(e.bucket, (p.counts.get(e.bucket) ?? 0) + 1);
    if (e.failureKey !== undefined) {
      let f = this.failures.get(e.failureKey);
      if (!f) {
        const detail = pc.statusDetail;
        const retriable = detail?.additionalInformation?.some((kv) => kv.name === 'retriable' && kv.value === 'true') ?? false;
        this.failures.set(e.failureKey, (f = { code: detail?.code ?? 'unknown', message: detail?.message ?? '', retriable, ids: new Set() }));
      }
      f.ids.add(pc.id);
    }
    if (e.graceEnd !== undefined) this.grace.set(pc.id, e);
    if (e.succeededHour) this.activity.add('succeeded', e.succeededHour, 1);
    if (e.runKind && e.runHour) this.activity.add(e.runKind, e.runHour, 1);
  }

  private unindex(id: string, e: Entry): void {
    const p = this.policies.get(e.policyId)!;
    p.total--;
    const n = p.counts.get(e.bucket)! - 1;
    if (n === 0) p.counts.delete(e.bucket);
    else p.counts.set(e.bucket, n);
    if (p.total === 0) this.policies.delete(e.policyId);
    if (e.failureKey !== undefined) {
      const f = this.failures.get(e.failureKey)!;
      f.ids.delete(id);
      if (f.ids.size === 0) this.failures.delete(e.failureKey);
    }
    if (e.graceEnd !== undefined) this.grace.delete(id);
    if (e.succeededHour) this.activity.add('succeeded', e.succeededHour, -1);
    if (e.runKind && e.runHour) this.activity.add(e.runKind, e.runHour, -1);
  }
}

function graceEntry(e: Entry): GraceEntry {
  const pc = e.pc;
  return { cloudPcId: pc.id, name: pc.managedDeviceName ?? pc.displayName, userPrincipalName: pc.userPrincipalName, policyName: pc.provisioningPolicyName ?? e.policyId, endsAt: e.graceEnd! };
}

/** Sortable UTC text: Graph sends Z times; anything else is converted once. */
export function normalIso(iso: string): string {
  if (iso.length >= 20 && iso.endsWith('Z')) return `${iso.slice(0, 19)}Z`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
