// Times and enum values in an admin's words: "4 Jun 15:34" (the simulated clock in the status bar) and "in 6 days" (when a
// grace period ends). UTC, so the simulator's clock reads the same on every machine. Plain TS.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `4 Jun 15:34` (UTC). */
export function shortDateTime(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '';
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${hh}:${mm}`;
}

type Localize = (message: string, ...args: (string | number)[]) => string;

/** "in 6 days", "in 5 hours", "in 20 minutes", "now", "2 days ago": the largest whole unit, rounded down. */
export function relativeTime(targetMs: number, nowMs: number, t: Localize): string {
  const diff = targetMs - nowMs;
  const abs = Math.abs(diff);
  const units: [number, string, string][] = [
    [86_400_000, '{0} day', '{0} days'],
    [3_600_000, '{0} hour', '{0} hours'],
    [60_000, '{0} minute', '{0} minutes'],
  ];
  for (const [size, one, many] of units) {
    const n = Math.floor(abs / size);
    if (n >= 1) {
      const amount = t(n === 1 ? one : many, n);
      return diff > 0 ? t('in {0}', amount) : t('{0} ago', amount);
    }
  }
  return t('now');
}

/** An enum member as words: "modifyingSingleSignOn" → "modifying single sign-on", "movingRegion" → "moving region". */
export function enumWords(value: string): string {
  return value
    .replace(/(^s|S)ingleSignOn/g, '$1ingleSign-on')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
