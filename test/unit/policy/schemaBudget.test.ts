// A list of thousands of bad items is checked only until the findings cap is full (docs/rules.md "Bounds"):
// the generated schema check stops at an error budget. What a user sees must be what the whole check shows.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_FINDINGS } from '../../../src/core/policy/findingCap';
import { RULES } from '../../../src/core/policy/ruleCodes';
import { runSchema } from '../../../src/core/policy/schemaValidator';
import { validateDocument } from '../../../src/core/policy/validator';
import { ADVERSARIAL_SHAPES } from './adversarialShapes';

const NET = '"domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic" }]';
const items = (n: number, item: (i: number) => string): string =>
  Array.from({ length: n }, (_, i) => item(i)).join(',');
const badAssignment = (i: number): string => `{"target":{"groupId":"g${i}"}}`;
const goodAssignment = (i: number): string =>
  `{"target":{"groupId":"6a4d2f1e-8b3c-4e5f-9a7b-${String(i).padStart(12, '0')}"}}`;

describe('schema check budget: long lists of bad items', () => {
  it('a budgeted check returns exactly the first errors of the whole check, and says it was cut', () => {
    const values: unknown[] = ADVERSARIAL_SHAPES.flatMap((s) => {
      try {
        return [JSON.parse(s.make(64 * 1024)) as unknown];
      } catch {
        return []; // comments or syntax errors: not a value the schema sees
      }
    });
    values.push(JSON.parse(`{ "displayName": 1, "assignments": [${items(3000, badAssignment)}], "imageType": 2 }`));
    for (const value of values) {
      const all = runSchema(value);
      for (const budget of [0, 1, 7, 100, 4004]) {
        const first = runSchema(value, budget);
        if (all.length <= budget) {
          assert.deepEqual([...first], all);
          assert.equal(first.cut, undefined);
        } else {
          assert.deepEqual([...first], all.slice(0, budget + 1));
          assert.equal(first.cut, true);
        }
      }
    }
  });

  it('the same for random policies', () => {
    const anyJson = fc.jsonValue({ maxDepth: 4 });
    const policy = fc.dictionary(
      fc.constantFrom('displayName', 'assignments', 'imageType', 'windowsSetting', 'domainJoinConfigurations', 'x'),
      fc.oneof(anyJson, fc.array(fc.oneof(anyJson, fc.record({ target: fc.record({ groupId: anyJson }) })))),
    );
    fc.assert(
      fc.property(policy, fc.nat(12), (value, budget) => {
        const all = runSchema(value);
        const first = runSchema(value, budget);
        assert.deepEqual([...first], all.length <= budget ? all : all.slice(0, budget + 1));
      }),
      { seed: 365, numRuns: 500 },
    );
  });

  it('a policy of 40,000 bad assignments shows what the same policy with only its first 1,500 shows', () => {
    const policy = (n: number): string => `{ "displayName": "a", ${NET}, "assignments": [${items(n, badAssignment)}] }`;
    const long = validateDocument(policy(40_000));
    assert.deepEqual(long, validateDocument(policy(1500)));
    assert.equal(long.length, MAX_FINDINGS + 1);
    assert.match(long.find((f) => f.code === RULES.tooManyFindings.code)!.message, /^… and more findings/);
  });

  it('the same for a policy of a fleet, and the policies after it are not checked', () => {
    const fleet = (n: number): string =>
      `{ "policies": [ { "displayName": "a", ${NET} }, { "displayName": "x", "assignments": [${items(n, badAssignment)}] }, { "displayName": 3 } ] }`;
    const long = validateDocument(fleet(40_000));
    assert.deepEqual(long, validateDocument(fleet(1500)));
    assert.match(
      long.find((f) => f.code === RULES.tooManyFindings.code)!.message,
      /the last 1 policies were not checked/,
    );
  });

  it('bad items after 39,990 good ones are all found', () => {
    const policy = `{ "displayName": "a", ${NET}, "assignments": [${items(39_990, goodAssignment)},${items(10, badAssignment)}] }`;
    const found = validateDocument(policy);
    assert.equal(found.length, 10);
    assert.deepEqual(found[9]!.path, ['assignments', '39999', 'target', 'groupId']);
  });

  // Schema paths carry a list index as a string (Ajv's instancePath).
  it('a PATCH whose first 10,000 errors are dropped (missing required members) still shows the error after them', () => {
    // A PATCH body skips required-property rules, so the budget's errors hold no finding: the check runs in full.
    const patch = `{ "assignments": [${items(10_000, () => '{}')}, ${badAssignment(0)}] }`;
    const found = validateDocument(patch, { partial: true });
    assert.deepEqual(
      found.map((f) => [f.code, f.path]),
      [[RULES.badFormat.code, ['assignments', '10000', 'target', 'groupId']]],
    );
  });
});
