// The virtual clock's agenda: due events as plain data (so a snapshot can hold them), ordered by
// (time, insertion sequence). Events are bucketed by time — a 100,000-user assignment schedules
// 100,000 events at the same instant — with a binary heap over the distinct times only. A bucket keeps its
// events as parallel arrays (no object per event) and is run in one pass; an event may carry a reference
// to its target so running it needs no lookup (the reference is never persisted).

export type ScheduledEventKind =
  'startProvisioning' | 'stageDone' | 'settle' | 'graceEnd' | 'deprovisioned' | 'cleanup';

export interface ScheduledEvent {
  at: number;
  seq: number;
  kind: ScheduledEventKind;
  /** Cloud PC id, or footprint id for `cleanup`. */
  target: string;
  /** The target's generation when scheduled: a stale event (generation moved on) is ignored. */
  gen: number;
}

/** Runs one due event; `ref` is what was passed to `schedule` (undefined for events loaded from a snapshot). */
export type ScheduledEventRunner<R> = (
  at: number,
  kind: ScheduledEventKind,
  target: string,
  gen: number,
  ref: R | undefined,
) => void;

class Bucket<R> {
  readonly seqs: number[] = [];
  readonly kinds: ScheduledEventKind[] = [];
  readonly targets: string[] = [];
  readonly gens: number[] = [];
  readonly refs: (R | undefined)[] = [];
  /** Index of the next event to run. */
  next = 0;
  /** Set once the bucket has left the agenda (run to the end). */
  done = false;
  constructor(readonly at: number) {}
}

export class EventScheduler<R extends object = object> {
  private readonly buckets = new Map<number, Bucket<R>>();
  private times: number[] = [];
  private count = 0;
  /** The bucket written last: a bulk change schedules thousands of events at one instant. */
  private last: Bucket<R> | undefined;
  seq = 0;

  get size(): number {
    return this.count;
  }

  schedule(at: number, kind: ScheduledEventKind, target: string, gen: number, ref?: R): void {
    this.add(at, this.seq++, kind, target, gen, ref);
  }

  peekTime(): number | undefined {
    return this.times.length ? this.times[0] : undefined;
  }

  /**
   * Runs, in (time, sequence) order, every event due at or before `until`, including those scheduled by the
   * events it runs (the runner gets each event's time, to move the clock). Returns how many ran.
   */
  runDue(until: number, run: ScheduledEventRunner<R>): number {
    let ran = 0;
    while (this.times.length && this.times[0] <= until) {
      const b = this.buckets.get(this.times[0])!;
      // Events added to this bucket while it runs (same instant) are run too: the arrays grow under the loop.
      while (b.next < b.kinds.length) {
        const i = b.next++;
        this.count--;
        const ref = b.refs[i];
        if (ref !== undefined) b.refs[i] = undefined;
        run(b.at, b.kinds[i], b.targets[i], b.gens[i], ref);
        ran++;
        // A handler that advanced the clock itself may have finished this bucket already.
        if (b.done) break;
      }
      if (!b.done) this.retire(b);
    }
    return ran;
  }

  /** Removes and returns the earliest event due at or before `until` (one at a time; `runDue` runs a batch). */
  popDue(until: number): ScheduledEvent | undefined {
    if (!this.times.length || this.times[0] > until) return undefined;
    const b = this.buckets.get(this.times[0])!;
    const i = b.next++;
    this.count--;
    b.refs[i] = undefined;
    const e: ScheduledEvent = { at: b.at, seq: b.seqs[i], kind: b.kinds[i], target: b.targets[i], gen: b.gens[i] };
    if (b.next >= b.kinds.length) this.retire(b);
    return e;
  }

  toJSON(): ScheduledEvent[] {
    const out: ScheduledEvent[] = [];
    for (const t of [...this.times].sort((a, b) => a - b)) {
      const b = this.buckets.get(t)!;
      for (let i = b.next; i < b.kinds.length; i++)
        out.push({ at: b.at, seq: b.seqs[i], kind: b.kinds[i], target: b.targets[i], gen: b.gens[i] });
    }
    return out;
  }

  load(events: ScheduledEvent[], seq: number): void {
    for (const b of this.buckets.values()) b.done = true;
    this.buckets.clear();
    this.times = [];
    this.count = 0;
    this.last = undefined;
    for (const e of [...events].sort((a, b) => a.at - b.at || a.seq - b.seq))
      this.add(e.at, e.seq, e.kind, e.target, e.gen, undefined);
    let max = seq;
    for (const e of events) if (e.seq + 1 > max) max = e.seq + 1;
    this.seq = max;
  }

  private add(
    at: number,
    seq: number,
    kind: ScheduledEventKind,
    target: string,
    gen: number,
    ref: R | undefined,
  ): void {
    let b = this.last;
    if (b === undefined || b.at !== at || b.done) {
      b = this.buckets.get(at);
      if (!b) {
        this.buckets.set(at, (b = new Bucket<R>(at)));
        this.pushTime(at);
      }
      this.last = b;
    }
    // Within a bucket, insertion order is sequence order: events are added with increasing seq.
    b.seqs.push(seq);
    b.kinds.push(kind);
    b.targets.push(target);
    b.gens.push(gen);
    b.refs.push(ref);
    this.count++;
  }

  private retire(b: Bucket<R>): void {
    b.done = true;
    this.buckets.delete(b.at);
    if (this.times[0] === b.at) this.popTime();
    else this.removeTime(b.at);
    if (this.last === b) this.last = undefined;
  }

  /** Rare: an event was scheduled before the bucket that was running. Rebuilds the heap without `t`. */
  private removeTime(t: number): void {
    const rest = this.times.filter((x) => x !== t);
    this.times = [];
    for (const x of rest) this.pushTime(x);
  }

  private pushTime(t: number): void {
    const h = this.times;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p] <= h[i]) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private popTime(): void {
    const h = this.times;
    const last = h.pop()!;
    if (!h.length) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1,
        r = l + 1;
      let m = i;
      if (l < h.length && h[l] < h[m]) m = l;
      if (r < h.length && h[r] < h[m]) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}
