// The findings cap keeps the document's and the first policies' hits (docs/rules.md "Bounds"): the reordering
// is a stable sort by policy of everything up to the policy where the room runs out, the rest as it came.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { firstPoliciesFirst, policyIndexOf } from '../../../src/core/policy/findingCap';
import type { Hit } from '../../../src/core/policy/hit';
import { RULES } from '../../../src/core/policy/ruleCodes';

function hitAt(path: (string | number)[], n: number): Hit {
  return { rule: RULES.readOnlyProperty, severity: 'warning', message: `#${n}`, path, part: 'value' };
}

/** The definition, written plainly: sort what comes before the cut by (policy, arrival); keep the rest in order. */
function reference(hits: Hit[], room: number, policyCount: number): Hit[] {
  if (hits.length <= room) return hits;
  const counts = new Array<number>(policyCount).fill(0);
  let outside = 0;
  for (const h of hits) {
    const i = policyIndexOf(h.path);
    if (i >= 0 && i < policyCount) counts[i]!++;
    else outside++;
  }
  let cut = -1;
  for (let total = outside; cut < policyCount - 1 && total <= room;) total += counts[++cut]!;
  const head = hits
    .map((h, i) => ({ h, i, p: policyIndexOf(h.path) }))
    .filter((x) => x.p <= cut)
    .sort((a, b) => a.p - b.p || a.i - b.i)
    .map((x) => x.h);
  return [...head, ...hits.filter((h) => policyIndexOf(h.path) > cut)];
}

describe('the findings cap', () => {
  it('puts the document and the first policies first, stable within a policy, in one pass', () => {
    const path = fc.oneof(
      fc.constant<(string | number)[]>([]),
      fc.constant<(string | number)[]>(['displayName']),
      fc.integer({ min: 0, max: 12 }).map((i) => ['policies', i, 'id']),
      fc.integer({ min: 0, max: 12 }).map((i) => ['policies', String(i)]),
    );
    fc.assert(
      fc.property(
        fc.array(path, { maxLength: 60 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 14 }),
        (paths, room, count) => {
          const hits = paths.map((p, n) => hitAt(p, n));
          assert.deepEqual(
            firstPoliciesFirst(hits, room, count).map((h) => h.message),
            reference(hits, room, count).map((h) => h.message),
          );
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
  });
});
