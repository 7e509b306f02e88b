// The assignments rules (docs/rules.md CPC321–CPC323) at their edges: shapes the schema refuses, a PATCH
// that does not say its type, and the Frontline types that must carry a servicePlanId.
import * as assert from 'node:assert/strict';
import { validateDocument } from '../../../src/core/policy/validator';
import { codes, GUID_A, GUID_B, policy } from './policyTestKit';

const withPlan = `"assignments": [{ "target": { "groupId": "${GUID_A}", "servicePlanId": "${GUID_B}" } }]`;

describe('assignments rules (CPC321–CPC323) at their edges', () => {
  it('an assignment or target that is not an object gets schema errors, not an internal error (CPC100)', () => {
    const text = policy(
      `"assignments": [null, "x", { "target": "y" }, { "target": { "groupId": "${GUID_A}" } }, { "target": { "groupId": "${GUID_A}" } }]`,
    );
    const found = codes(text);
    assert.ok(!found.includes('CPC100'), JSON.stringify(validateDocument(text)));
    assert.ok(found.includes('CPC201'), JSON.stringify(found));
    // The well-formed items are still checked.
    assert.equal(found.filter((c) => c === 'CPC323').length, 1, JSON.stringify(found));
  });

  it('a PATCH body without provisioningType says nothing about servicePlanId: the stored policy decides', () => {
    assert.deepEqual(
      codes(policy(withPlan), { partial: true }).filter((c) => c === 'CPC321' || c === 'CPC322'),
      [],
    );
    assert.deepEqual(
      codes(policy(`"assignments": [{ "target": { "groupId": "${GUID_A}" } }]`), { partial: true }).filter(
        (c) => c === 'CPC321' || c === 'CPC322',
      ),
      [],
    );
  });

  for (const type of ['sharedByUser', 'sharedByEntraGroup', 'shared']) {
    it(`a Frontline policy ('${type}') with its servicePlanId gets neither CPC321 nor CPC322`, () => {
      const found = codes(policy(`"provisioningType": "${type}"`, withPlan));
      assert.deepEqual(
        found.filter((c) => c === 'CPC321' || c === 'CPC322'),
        [],
        JSON.stringify(found),
      );
    });
  }

  it('CPC322 names no Frontline type: a dedicated policy (absent, null or "dedicated") warns', () => {
    for (const type of [undefined, 'null', '"dedicated"']) {
      const text = type === undefined ? policy(withPlan) : policy(`"provisioningType": ${type}`, withPlan);
      assert.ok(codes(text).includes('CPC322'), `${type}: ${JSON.stringify(codes(text))}`);
    }
  });

  it('CPC323 says which item assigned the group first', () => {
    const text = policy(
      `"assignments": [{ "target": { "groupId": "${GUID_B}" } }, { "target": { "groupId": "${GUID_A}" } }, { "target": { "groupId": "${GUID_A}" } }]`,
    );
    const f = validateDocument(text).find((x) => x.code === 'CPC323');
    assert.match(f?.message ?? '', /already assigned in item 1\b/);
  });
});
