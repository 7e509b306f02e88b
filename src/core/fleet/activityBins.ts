// Provisioning activity counted per UTC hour, an hour being its number since 1970 read straight from the ISO
// digits: Graph sends UTC times ending in Z, so a Cloud PC's hour needs no Date and no string (the
// 100,000-PC budget: one number per Cloud PC, bins in a Map keyed by small integers).
import type { ActivityBin } from './fleetSnapshot';

export type ActivityKind = 'started' | 'succeeded' | 'failed';

const HOUR_MS = 3_600_000;

/** "YYYY-MM-DDTHH" of an ISO time; other offsets are converted to UTC first. */
export function hourKeyOf(iso: string): string | undefined {
  const hour = hourOf(iso);
  return hour === undefined ? undefined : new Date(hour * HOUR_MS).toISOString().slice(0, 13);
}

/** Hours since 1970-01-01T00Z of an ISO time: the digits of a "…Z" time, else Date.parse. */
export function hourOf(iso: string): number | undefined {
  if (iso.length >= 20 && iso.charCodeAt(10) === 84 /* T */ && iso.charCodeAt(iso.length - 1) === 90 /* Z */) {
    const fast = utcHourOfDigits(iso);
    if (fast !== undefined) return fast;
  }
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / HOUR_MS);
}

/** The hour of an "YYYY-MM-DDTHH" key (what the audit log's starts carry). */
export function hourOfKey(key: string): number | undefined {
  return key.length === 13 ? utcHourOfDigits(key) : undefined;
}

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** YYYY-MM-DDTHH → hours since 1970, or undefined when the digits are not a date (days from civil, proleptic Gregorian). */
function utcHourOfDigits(s: string): number | undefined {
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  const h = digits(s, 11, 2);
  if (
    y < 0 ||
    m < 1 ||
    m > 12 ||
    d < 1 ||
    d > 31 ||
    h < 0 ||
    h > 23 ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45
  )
    return undefined;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return (era * 146097 + doe - 719468) * 24 + h;
}

interface Bin {
  started: number;
  succeeded: number;
  failed: number;
}

export class ActivityBins {
  private readonly bins = new Map<number, Bin>();

  add(kind: ActivityKind, hour: number, delta: 1 | -1): void {
    let bin = this.bins.get(hour);
    if (!bin) this.bins.set(hour, (bin = { started: 0, succeeded: 0, failed: 0 }));
    bin[kind] += delta;
    if (bin.started === 0 && bin.succeeded === 0 && bin.failed === 0) this.bins.delete(hour);
  }

  clear(): void {
    this.bins.clear();
  }

  /** The last `hours` hours ending with the hour of `now`, oldest first, one bin per `binHours`. */
  series(now: number, hours: number, binHours: number, extra?: ActivityBins): ActivityBin[] {
    const out: ActivityBin[] = [];
    const lastHour = Math.floor(now / HOUR_MS);
    const first = lastHour - (hours - 1);
    for (let binStart = first; binStart <= lastHour; binStart += binHours) {
      const bin: ActivityBin = {
        start: new Date(binStart * HOUR_MS).toISOString(),
        started: 0,
        succeeded: 0,
        failed: 0,
      };
      for (let h = binStart; h < binStart + binHours && h <= lastHour; h++) {
        for (const source of extra ? [this, extra] : [this]) {
          const b = source.bins.get(h);
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
