// When to poll Graph for Cloud PC status: every 30 s while something is in transition, doubling up to
// 5 minutes while the service fails, and never while the views are hidden (a poll that falls due then
// waits until a view shows again). Plain TypeScript with injected timers, so its timing is unit-tested.

export const POLL_INTERVAL_MS = 30_000;
export const MAX_POLL_INTERVAL_MS = 5 * 60_000;

export interface PollTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: PollTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface PollTarget {
  /** Polling is wanted at all (Graph backend, data loaded, a Cloud PC in transition). */
  wanted(): boolean;
  visible(): boolean;
  /** Reloads; resolves true when the service answered, false when it failed. */
  poll(): Promise<boolean>;
}

export class PollSchedule {
  private timer: unknown;
  private polling = false;
  private dueWhileHidden = false;
  private delay = POLL_INTERVAL_MS;

  constructor(
    private readonly target: PollTarget,
    private readonly timers: PollTimers = realTimers,
  ) {}

  /** The delay the next poll waits (30 s, or more while backing off). */
  get currentDelayMs(): number {
    return this.delay;
  }

  get armed(): boolean {
    return this.timer !== undefined;
  }

  /** Arms the next poll if polling is wanted and none is pending. */
  request(): void {
    if (this.timer !== undefined || this.polling || !this.target.wanted()) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, this.delay);
  }

  /** A view was shown or hidden: a poll that fell due while hidden runs now. */
  visibilityChanged(): void {
    if (this.target.visible() && this.dueWhileHidden) {
      this.dueWhileHidden = false;
      void this.run();
    }
  }

  cancel(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.dueWhileHidden = false;
  }

  private async run(): Promise<void> {
    if (!this.target.visible()) {
      this.dueWhileHidden = true;
      return;
    }
    this.polling = true;
    let ok = false;
    try {
      ok = await this.target.poll();
    } catch {
      ok = false;
    } finally {
      this.polling = false;
    }
    // Back off while the service fails (throttling, outages); back to 30 s after a success.
    this.delay = ok ? POLL_INTERVAL_MS : Math.min(this.delay * 2, MAX_POLL_INTERVAL_MS);
    this.request();
  }
}
