// Provisioning activity counted per UTC hour, keyed by the ISO text's first 13 characters ("2026-06-01T08"):
// Graph sends UTC times ending in Z, so a Cloud PC's hour needs no Date parsing (the 100,000-PC budget).
import type { ActivityBin } from './fleetSnapshot';

export type ActivityKind = 'started' | 'succeeded' | 'failed';

const HOUR_MS = 3_600_000;

/** "YYYY-MM-DDTHH" of an ISO time; other offsets are converted to UTC first. */
export function hourKeyOf(iso: string): string | undefined {
  if (iso.length >= 20 && iso.charCodeAt(10) === 84 /* T */ && iso.endsWith('Z')) return iso.slice(0, 13);
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 13);
}

function hourKeyAt(ms: number): string {
  return new Date(ms).toISOString().slice(0, 13);
}

export class ActivityBins {
  private readonly bins = new Map<string, { started: number; succeeded: number; failed: number }>();

  add(kind: ActivityKind, hourKey: string, delta: 1 | -1): void {
    let bin = this.bins.get(hourKey);
    if (!bin) this.bins.set(hourKey, (bin = { started: 0, succeeded: 0, failed: 0 }));
    bin[kind] += delta;
    if (bin.started === 0 && bin.succeeded === 0 && bin.failed === 0) this.bins.delete(hourKey);
  }

  clear(): void {
    this.bins.clear();
  }

  /** The last `hours` hours ending with the hour of `now`, oldest first, one bin per `binHours`. */
  series(now: number, hours: number, binHours: number, extra?: ActivityBins): ActivityBin[] {
    const out: ActivityBin[] = [];
    const lastHour = Math.floor(now / HOUR_MS) * HOUR_MS;
    const first = lastHour - (hours - 1) * HOUR_MS;
    for (let binStart = first; binStart <= lastHour; binStart += binHours * HOUR_MS) {
      const bin: ActivityBin = { start: new Date(binStart).toISOString(), started: 0, succeeded: 0, failed: 0 };
      for (let h = binStart; h < binStart + binHours * HOUR_MS && h <= lastHour; h += HOUR_MS) {
        const key = hourKeyAt(h);
        for (const source of extra ? [this, extra] : [this]) {
          const b = source.bins.get(key);
          if (!b) continue;
          bin.started += b.started;
          bin.succeeded += b.succeeded;
          bin.failed += b.failed;
        }
      }
      out.push(bin);
    }
    return out;
  }
}
