// How many findings one document reports: at most MAX_FINDINGS, the first policies' first, plus one
// CPC108 that counts the rest (docs/rules.md "Bounds"), so a hostile file costs linear work.
import type { Finding, JsonPath, Severity } from './finding';
import type { Hit } from './hit';
import { RULES } from './ruleCodes';

export const MAX_FINDINGS = 1000;

const NOT_SPACE = /\S/;
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** The graver of two severities (`worst` undefined: none yet). */
export function graver(worst: Severity | undefined, s: Severity): Severity {
  return worst === undefined || SEVERITY_RANK[s] < SEVERITY_RANK[worst] ? s : worst;
}

/** What the cap left out: how many, and the worst severity among them (so an exit status or a red squiggle survives the cap). */
export class LeftOut {
  private left = 0;
  private worst: Severity | undefined;
  /** Policies whose rules never ran because the cap was already reached. */
  unchecked = 0;
  /** Some rules stopped early, so the count of what was left out is a lower bound. */
  inexact = false;

  keep<T extends { severity: Severity }>(items: T[], room: number): T[] {
    const n = Math.max(0, room);
    if (items.length <= n) return items;
    for (let i = n; i < items.length; i++) {
      this.left++;
      this.worst = graver(this.worst, items[i]!.severity);
    }
    return items.slice(0, n);
  }

  /** Findings that were counted instead of built (a rule that stopped building them at the cap). */
  add(n: number, severity: Severity | undefined): void {
    if (n <= 0 || severity === undefined) return;
    this.left += n;
    this.worst = graver(this.worst, severity);
  }

  /** The summary sits on the document's first character, so it leads the list of problems. */
  summarize(findings: Finding[], text: string): Finding[] {
    if (this.left === 0 || this.worst === undefined) return findings;
    const first = Math.max(0, text.search(NOT_SPACE));
    const unchecked = this.unchecked > 0 ? `; the last ${this.unchecked} policies were not checked` : '';
    const rest = this.inexact ? 'more findings' : `${this.left} more findings`;
    const message = `… and ${rest}: a document reports at most ${MAX_FINDINGS}${unchecked}. Fix these and validate again to see the rest.`;
    findings.push({
      code: RULES.tooManyFindings.code,
      severity: this.worst,
      message,
      range: { offset: first, length: 1 },
    });
    return findings;
  }
}

/** The fleet policy a hit belongs to (its index), or -1 for the document itself. Schema paths carry the index as a string. */
export function policyIndexOf(path: JsonPath): number {
  if (path[0] !== 'policies' || path.length < 2) return -1;
  const n = Number(path[1]);
  return Number.isInteger(n) && n >= 0 ? n : -1;
}

/** Hits per policy index, and those outside any policy. */
export function hitsPerPolicy(hits: readonly Hit[], policyCount: number): { counts: Int32Array; outside: number } {
  const counts = new Int32Array(policyCount);
  let outside = 0;
  for (const h of hits) {
    const i = policyIndexOf(h.path);
    if (i >= 0 && i < policyCount) counts[i]!++;
    else outside++;
  }
  return { counts, outside };
}

/**
 * The hits reordered so the first `room` are the document's and the first policies' (stable within a
 * policy), without sorting them all: find the policy where `room` runs out, then place what comes before it
 * by a counting sort on the policy index (one pass, no objects per hit), the rest in the order it came.
 */
export function firstPoliciesFirst(hits: Hit[], room: number, policyCount: number): Hit[] {
  if (hits.length <= room) return hits;
  const n = hits.length;
  const index = new Int32Array(n);
  const counts = new Int32Array(policyCount);
  let outside = 0;
  let ownHits = 0;
  for (let k = 0; k < n; k++) {
    const i = policyIndexOf(hits[k]!.path);
    index[k] = i;
    if (i < 0) ownHits++;
    if (i >= 0 && i < policyCount) counts[i]!++;
    else outside++;
  }
  let cut = -1;
  for (let total = outside; cut < policyCount - 1 && total <= room;) total += counts[++cut]!;
  // next[p + 1]: where the next hit of policy p goes (p = -1: the document's own hits lead).
  const next = new Int32Array(cut + 2);
  next[0] = 0;
  if (cut >= 0) next[1] = ownHits;
  for (let p = 0; p < cut; p++) next[p + 2] = next[p + 1]! + counts[p]!;
  let tail = ownHits;
  for (let p = 0; p <= cut; p++) tail += counts[p]!;
  const out: Hit[] = new Array<Hit>(n);
  for (let k = 0; k < n; k++) {
    const p = index[k]!;
    if (p <= cut) out[next[p + 1]!++] = hits[k]!;
    else out[tail++] = hits[k]!;
  }
  return out;
}
