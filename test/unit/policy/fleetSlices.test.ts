// Large fleet files are read one policy at a time by hover, completion and the name preview; the
// answers must be the ones a whole-document read gives. The reference is the same document below the
// slicing size: padding it past SLICE_FROM_BYTES with a trailing comment changes no meaning and no
// offset before the padding, only the path the features take.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getCompletions } from '../../../src/core/policy/completion';
import { fleetPolicySlices, SLICE_FROM_BYTES } from '../../../src/core/policy/fleetSlices';
import { getHover } from '../../../src/core/policy/hover';
import { getNamePreviews } from '../../../src/core/policy/namePreview';

const FLEET = readFileSync(path.resolve(__dirname, '../../../samples/fleet.cpcpolicy.json'), 'utf8');
const USERS = ['adele.vance@contoso.com', 'li.wu@contoso.com'];

function padded(text: string): string {
  return `${text}\n// ${'x'.repeat(SLICE_FROM_BYTES)}\n`;
}

describe('fleet slices: one policy at a time, same answers as the whole document', () => {
  const big = padded(FLEET);

  it('slices a large fleet into its policies, in text order', () => {
    assert.equal(fleetPolicySlices(FLEET), undefined, 'small documents are read whole');
    const slices = fleetPolicySlices(big)!;
    assert.ok(slices.length >= 3);
    for (const s of slices) {
      assert.equal(big.slice(s.offset, s.offset + s.length), s.text);
      assert.ok(s.text.startsWith('{') && s.text.endsWith('}'));
    }
  });

  it('hover at every offset is the same', () => {
    for (let offset = 0; offset <= FLEET.length; offset++)
      assert.deepEqual(getHover(big, offset), getHover(FLEET, offset), `offset ${offset}`);
  });

  it('completion at every offset is the same', () => {
    for (let offset = 0; offset <= FLEET.length; offset += 3)
      assert.deepEqual(getCompletions(big, offset), getCompletions(FLEET, offset), `offset ${offset}`);
  });

  it('name previews are the same, and a range asks only for the templates in it', () => {
    const all = getNamePreviews(FLEET, USERS, 7);
    assert.ok(all.length >= 2);
    assert.deepEqual(getNamePreviews(big, USERS, 7), all);
    const second = all[1]!;
    assert.deepEqual(getNamePreviews(big, USERS, 7, { offset: second.valueRange.offset, length: 0 }), [second]);
    assert.deepEqual(getNamePreviews(FLEET, USERS, 7, { offset: second.valueRange.offset, length: 0 }), [second]);
  });

  it('half-typed text whose brackets do not pair is read whole, never sliced wrongly', () => {
    const broken = padded(FLEET.replace('"HR dedicated",', '"HR dedicated", {'));
    assert.equal(fleetPolicySlices(broken), undefined);
    const crossed = padded(
      FLEET.replace('"windowsSetting": { "locale": "de-DE" }', '"windowsSetting": { "locale": "de-DE" ]'),
    );
    assert.equal(fleetPolicySlices(crossed), undefined);
    const offset = broken.indexOf('"imageType"') + 2;
    assert.match(getHover(broken, offset)?.markdown ?? '', /imageType/);
  });

  it('a missing closing quote is read whole even when a // in a later string makes the brackets pair again', () => {
    const withUrl = FLEET.replace(
      '"displayName": "Call center shared by user",',
      '"displayName": "Call center shared by user", "description": "See https://contoso.com/cc",',
    );
    const typing = withUrl.replace('"HR dedicated",', '"HR dedicated,');
    assert.equal(fleetPolicySlices(padded(typing)), undefined);
    const offset = typing.indexOf('"provisioningType": "sharedByUser"') + 3;
    assert.deepEqual(getHover(padded(typing), offset), getHover(typing, offset));
    assert.deepEqual(getCompletions(padded(typing), offset), getCompletions(typing, offset));
    assert.equal(fleetPolicySlices(padded(withUrl))?.length, 3, 'the same file with its quote back is sliced');
  });
});
