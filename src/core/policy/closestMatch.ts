// "Did you mean": the closest known word to a typo, for enum values and property names.

/** Scratch rows reused across calls: the error path must not allocate per cell (bench: did-you-mean dominated). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance, case-insensitive; stops early and returns max + 1 once the distance exceeds `max`. */
export function editDistance(a: string, b: string, max = Number.MAX_SAFE_INTEGER): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  return lowerDistance(a.toLowerCase(), b.toLowerCase(), max);
}

/** Candidates are schema names and gallery ids, a small fixed set: lower-case each once, not per typo. */
const lowered = new Map<string, string>();

function lower(candidate: string): string {
  let l = lowered.get(candidate);
  if (l === undefined) {
    if (lowered.size >= 4096) lowered.clear();
    l = candidate.toLowerCase();
    lowered.set(candidate, l);
  }
  return l;
}

function lowerDistance(x: string, y: string, max: number): number {
  if (x === y) return 0;
  if (rowA.length <= y.length) {
    rowA = new Int32Array(y.length + 1);
    rowB = new Int32Array(y.length + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const xc = x.charCodeAt(i - 1);
    for (let j = 1; j <= y.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (xc === y.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[y.length]!;
}

/** The candidate nearest to `word` if it is near enough to be a typo (≤ 1/3 of the length, at least 1 edit allowed). */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 200) return undefined;
  const allowed = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = allowed + 1;
  const x = word.toLowerCase();
  for (const c of candidates) {
    // Length alone rules most candidates out: no lower-casing, no table.
    if (Math.abs(c.length - word.length) > bestDistance - 1) continue;
    const d = lowerDistance(x, lower(c), bestDistance - 1);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
