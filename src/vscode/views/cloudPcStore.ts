// Every Cloud PC the sidebar knows, indexed by status bucket and policy, with sorted lists cached per group:
// one status change costs O(1) plus one re-sort of the two groups involved, never the whole fleet.
import type { CloudPc } from '../../core/model/cloudPc';
import { cloudPcLabel } from './cloudPcPresentation';
import { bucketOf, isTransitional } from './cloudPcStatusBuckets';
import type { StatusBucket } from './cloudPcStatusBuckets';

/** One Cloud PC's move: no `before` = added, no `after` = removed. */
export interface CloudPcChange {
  id: string;
  before?: { bucket: StatusBucket; policyId: string };
  after?: { bucket: StatusBucket; policyId: string };
}

interface Entry {
  pc: CloudPc;
  bucket: StatusBucket;
  policyId: string;
  sortKey: string;
}

const ALL = '*';

/**
 * What another consumer of the store (the Fleet Overview) hears: one Cloud PC in or out with what it was before,
 * or `reset`: the whole set changed at once (cleared, filled from empty, or emptied), read it again in one `forEach` pass.
 * `before` lets a listener undo the old contribution without an index of its own.
 */
export type CloudPcStoreEvent =
  | { kind: 'upsert'; pc: CloudPc; before: CloudPc | undefined }
  | { kind: 'remove'; id: string; before: CloudPc }
  | { kind: 'reset' };

function groupKey(policyId: string, bucket: StatusBucket): string {
  return `${policyId}|${bucket}`;
}

export class CloudPcStore {
  private readonly entries = new Map<string, Entry>();
  private readonly groups = new Map<string, Set<string>>();
  private readonly sorted = new Map<string, CloudPc[]>();
  private transitional = 0;
  /** True when the service has pages we have not fetched yet (the root's "Load more…"). */
  hasMoreOnServer = false;
  /** The backend's time (the simulated clock on the simulator) for relative times in rows; injected. */
  now: () => number | undefined = () => Date.now();
  /** Set once the first load finished (views show "Loading…" before). */
  loaded = false;
  private listeners: ((event: CloudPcStoreEvent) => void)[] = [];

  /** Hears every change as it is applied, so a listener's aggregates cost work proportional to the change. */
  onDidChange(listener: (event: CloudPcStoreEvent) => void): { dispose(): void } {
    this.listeners = [...this.listeners, listener];
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((l) => l !== listener);
      },
    };
  }

  private notify(event: CloudPcStoreEvent): void {
    for (const l of this.listeners) l(event);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Cloud PCs still moving (provisioning, updating, deprovisioning): live refresh polls while > 0. */
  get transitionalCount(): number {
    return this.transitional;
  }

  get(id: string): CloudPc | undefined {
    return this.entries.get(id)?.pc;
  }

  all(): CloudPc[] {
    return [...this.entries.values()].map((e) => e.pc);
  }

  /** Every Cloud PC to `visit`: no generator step per Cloud PC (100,000 of them feed the Fleet Overview in one pass). */
  forEach(visit: (pc: CloudPc) => void): void {
    for (const e of this.entries.values()) visit(e.pc);
  }

  count(bucket: StatusBucket, policyId: string = ALL): number {
    return this.groups.get(groupKey(policyId, bucket))?.size ?? 0;
  }

  countPolicy(policyId: string): number {
    let n = 0;
    for (const [key, set] of this.groups) if (key.startsWith(`${policyId}|`)) n += set.size;
    return n;
  }

  /** Cloud PCs of one group sorted by name; cached until the group changes. */
  list(bucket: StatusBucket, policyId: string = ALL): readonly CloudPc[] {
    const key = groupKey(policyId, bucket);
    let list = this.sorted.get(key);
    if (!list) {
      const ids = this.groups.get(key);
      const entries = ids ? [...ids].map((id) => this.entries.get(id)!) : [];
      entries.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
      list = entries.map((e) => e.pc);
      this.sorted.set(key, list);
    }
    return list;
  }

  /** Adds or replaces one Cloud PC; returns what moved (undefined when nothing visible changed). */
  upsert(pc: CloudPc): CloudPcChange | undefined {
    const old = this.entries.get(pc.id);
    const change = this.put(pc, old);
    if (change) this.notify({ kind: 'upsert', pc, before: old?.pc });
    return change;
  }

  /** Indexes one Cloud PC without telling listeners (upsert tells them; a fill from empty tells them once). */
  private put(pc: CloudPc, old: Entry | undefined): CloudPcChange | undefined {
    if (old && old.pc === pc) return undefined;
    const entry: Entry = {
      pc,
      bucket: bucketOf(pc.status),
      policyId: pc.provisioningPolicyId ?? '',
      sortKey: sortKeyOf(pc),
    };
    if (old) this.unindex(old);
    this.entries.set(pc.id, entry);
    this.index(entry);
    if (old && old.bucket === entry.bucket && old.policyId === entry.policyId && old.sortKey !== entry.sortKey)
      this.invalidate(entry);
    return {
      id: pc.id,
      before: old ? { bucket: old.bucket, policyId: old.policyId } : undefined,
      after: { bucket: entry.bucket, policyId: entry.policyId },
    };
  }

  remove(id: string): CloudPcChange | undefined {
    const old = this.entries.get(id);
    if (!old) return undefined;
    this.unindex(old);
    this.entries.delete(id);
    this.notify({ kind: 'remove', id, before: old.pc });
    return { id, before: { bucket: old.bucket, policyId: old.policyId } };
  }

  /** Replaces the whole set (a full reload or a poll); returns only what differs. */
  replaceAll(pcs: readonly CloudPc[]): CloudPcChange[] {
    if (this.entries.size === 0) return this.fill(pcs);
    if (pcs.length === 0) return this.empty();
    const changes: CloudPcChange[] = [];
    const seen = new Set<string>();
    for (const pc of pcs) {
      seen.add(pc.id);
      const old = this.entries.get(pc.id);
      if (old && sameCloudPc(old.pc, pc)) continue;
      const change = this.upsert(pc);
      if (change) changes.push(change);
    }
    for (const id of [...this.entries.keys()]) {
      if (seen.has(id)) continue;
      const change = this.remove(id);
      if (change) changes.push(change);
    }
    this.loaded = true;
    return changes;
  }

  /** The first load (or the first after a clear): every Cloud PC indexed, then one `reset` instead of an event each. */
  private fill(pcs: readonly CloudPc[]): CloudPcChange[] {
    const changes: CloudPcChange[] = [];
    for (const pc of pcs) {
      const old = this.entries.get(pc.id);
      if (old && sameCloudPc(old.pc, pc)) continue;
      const change = this.put(pc, old);
      if (change) changes.push(change);
    }
    this.loaded = true;
    if (changes.length > 0) this.notify({ kind: 'reset' });
    return changes;
  }

  /** Everything gone at once (signed out): a change per Cloud PC for the trees, one `reset` for listeners. */
  private empty(): CloudPcChange[] {
    const changes = [...this.entries.values()].map((e): CloudPcChange => ({
      id: e.pc.id,
      before: { bucket: e.bucket, policyId: e.policyId },
    }));
    this.forgetAll();
    this.loaded = true;
    this.notify({ kind: 'reset' });
    return changes;
  }

  clear(): void {
    this.forgetAll();
    this.hasMoreOnServer = false;
    this.loaded = false;
    this.notify({ kind: 'reset' });
  }

  private forgetAll(): void {
    this.entries.clear();
    this.groups.clear();
    this.sorted.clear();
    this.transitional = 0;
  }

  private index(e: Entry): void {
    for (const key of [groupKey(ALL, e.bucket), groupKey(e.policyId, e.bucket)]) {
      let set = this.groups.get(key);
      if (!set) this.groups.set(key, (set = new Set()));
      set.add(e.pc.id);
      this.sorted.delete(key);
    }
    if (isTransitional(e.pc.status)) this.transitional++;
  }

  private unindex(e: Entry): void {
    for (const key of [groupKey(ALL, e.bucket), groupKey(e.policyId, e.bucket)]) {
      const set = this.groups.get(key);
      set?.delete(e.pc.id);
      if (set && set.size === 0) this.groups.delete(key);
      this.sorted.delete(key);
    }
    if (isTransitional(e.pc.status)) this.transitional--;
  }

  private invalidate(e: Entry): void {
    this.sorted.delete(groupKey(ALL, e.bucket));
    this.sorted.delete(groupKey(e.policyId, e.bucket));
  }
}

function sortKeyOf(pc: CloudPc): string {
  return `${cloudPcLabel(pc).toLowerCase()}\u0000${pc.id}`;
}

/** Cheap equality for polls: the service bumps lastModifiedDateTime on every change. */
function sameCloudPc(a: CloudPc, b: CloudPc): boolean {
  return (
    a.status === b.status &&
    a.lastModifiedDateTime === b.lastModifiedDateTime &&
    a.displayName === b.displayName &&
    a.managedDeviceName === b.managedDeviceName &&
    a.gracePeriodEndDateTime === b.gracePeriodEndDateTime &&
    a.provisioningPolicyName === b.provisioningPolicyName &&
    a.statusDetail?.message === b.statusDetail?.message
  );
}
