// displayName cannot contain < > & | " ^ (docs/rules.md CPC307): one finding naming each character once, in
// order of first appearance, "it" for one occurrence and "them" for more, and a fix that removes them all.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/policy/finding';
import { RULES } from '../../../src/core/policy/ruleCodes';
import { validateDocument } from '../../../src/core/policy/validator';

const NET = '"domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic" }]';

function forbidden(name: string): Finding | undefined {
  const text = `{ "displayName": ${JSON.stringify(name)}, ${NET} }`;
  const found = validateDocument(text).filter((f) => f.code === RULES.displayNameForbiddenChars.code);
  assert.ok(found.length <= 1);
  return found[0];
}

describe('forbidden characters in displayName', () => {
  it('names each forbidden character once, in order of first appearance', () => {
    assert.equal(forbidden('a^b')!.message, 'displayName cannot contain ^: remove it.');
    assert.equal(forbidden('a<b<c')!.message, 'displayName cannot contain <: remove them.');
    assert.equal(forbidden('x|y&z<w|"')!.message, 'displayName cannot contain | & < ": remove them.');
    assert.equal(forbidden('Finance'), undefined);
  });

  it('the fix removes every forbidden character and closes the gaps they leave', () => {
    const f = forbidden('Fin <beta> | team')!;
    assert.equal(f.fixes![0]!.edits[0]!.newText, '"Fin beta team"');
    assert.equal(forbidden('<<>>')!.fixes, undefined);
  });

  it('a 1 MB name of forbidden characters: one finding on the whole value, no fix (nothing would be left)', () => {
    const name = '<'.repeat(1_000_000);
    const f = forbidden(name)!;
    assert.equal(f.message, 'displayName cannot contain <: remove them.');
    assert.deepEqual(f.range, { offset: '{ "displayName": '.length, length: name.length + 2 });
    assert.equal(f.fixes, undefined);
  });
});
