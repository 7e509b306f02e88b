// When the tenant cache reads the tenant again (docs/tenant-editor.md): at once when forced (Refresh, a backend
// switch) or never read, otherwise at most once per interval. Plain TS with an injected clock, unit-tested.
export class RefreshGate {
  private lastRead: number | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number,
  ) {}

  /** Whether a read starts now; a yes counts as the read. */
  take(force: boolean): boolean {
    const now = this.now();
    if (!force && this.lastRead !== undefined && now - this.lastRead < this.intervalMs) return false;
    this.lastRead = now;
    return true;
  }

  /** Forget the last read (a new backend): the next ask reads. */
  reset(): void {
    this.lastRead = undefined;
  }
}
