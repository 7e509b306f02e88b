// A policy object with thousands of unknown keys is checked with only as many of them as the findings cap
// can show (docs/rules.md "Bounds"): what a user sees must be what the whole object's check shows.
import * as assert from 'node:assert/strict';
import { MAX_FINDINGS } from '../../../src/core/policy/findingCap';
import { RULES } from '../../../src/core/policy/ruleCodes';
import { validateDocument } from '../../../src/core/policy/validator';
import { WIDE_OBJECT } from '../../../src/core/policy/wideObjects';

const NET = '"domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic" }]';
const unknownKeys = (n: number): string => Array.from({ length: n }, (_, i) => `"dispN${i}": 1`).join(', ');

describe('wide objects: thousands of unknown keys', () => {
  it('a policy of 5,000 unknown keys shows what the same policy with only its first 1,500 shows (not trimmed: below the bound)', () => {
    assert.ok(1500 + 3 <= WIDE_OBJECT && 5000 > WIDE_OBJECT);
    const policy = (n: number): string => `{ "displayName": 5, ${NET}, ${unknownKeys(n)}, "imageType": "galery" }`;
    const wide = validateDocument(policy(5000));
    assert.deepEqual(wide, validateDocument(policy(1500)));
    assert.equal(wide.length, MAX_FINDINGS + 1);
    const first = wide.find((f) => f.code === RULES.unknownProperty.code)!;
    assert.deepEqual(first.range, { offset: policy(5000).indexOf('"dispN0"'), length: '"dispN0"'.length });
    assert.match(first.message, /^Unknown property 'dispN0' in a Cloud PC provisioning policy/);
    const summary = wide.find((f) => f.code === RULES.tooManyFindings.code)!;
    assert.equal(summary.severity, 'error');
    assert.match(summary.message, /^… and more findings: a document reports at most 1000/);
  });

  it('the same for a policy of a fleet, and the policies after it are not checked', () => {
    const fleet = (n: number): string =>
      `{ "policies": [ { "displayName": "a", ${NET} }, { "displayName": "x", ${unknownKeys(n)} }, { "displayName": 3 } ] }`;
    const wide = validateDocument(fleet(4000));
    assert.deepEqual(wide, validateDocument(fleet(1500)));
    assert.match(
      wide.find((f) => f.code === RULES.tooManyFindings.code)!.message,
      /the last 1 policies were not checked/,
    );
  });

  it("a wide object that is not a policy (the fleet's own keys) is trimmed the same way", () => {
    const fleet = (n: number): string => `{ ${unknownKeys(n)}, "policies": [ { "displayName": "a", ${NET} } ] }`;
    assert.deepEqual(validateDocument(fleet(3000)), validateDocument(fleet(1500)));
  });
});
