// The `policy id <GUID>` comment binds a policy of a file to its deployed copy (docs/rules.md CPC325; Pull
// writes it in the header, Deploy after a create). Plain text in, one binding per policy out.
import * as assert from 'node:assert/strict';
import { bindingEdit, policyBindings } from '../../../src/core/policy/policyBinding';

const ID = '0f1e2d3c-4b5a-4697-8877-665544332211';
const NEW = '11111111-2222-4333-8444-555555555555';

function apply(text: string, edit: { offset: number; length: number; text: string }): string {
  return text.slice(0, edit.offset) + edit.text + text.slice(edit.offset + edit.length);
}

describe('policy binding comments', () => {
  it('a pulled file is bound by the id in its header comment; an unbound one has no id', () => {
    assert.equal(
      policyBindings(`// Sales: pulled from the tenant (policy id ${ID}).\n{ "displayName": "Sales" }`)[0]!.id,
      ID,
    );
    assert.equal(policyBindings('{ "displayName": "Sales" }')[0]!.id, undefined);
    assert.deepEqual(policyBindings('[1, 2]'), [], 'not a policy file');
  });

  it('a fleet file binds each entry by the comment just before it', () => {
    const text = `{ "policies": [\n  { "displayName": "A" },\n  // policy id ${ID}\n  { "displayName": "B" }\n] }`;
    assert.deepEqual(
      policyBindings(text).map((b) => b.id),
      [undefined, ID],
    );
  });

  it('binding replaces a written id, or inserts a header line / a comment before the fleet entry', () => {
    const pulled = `// Sales (policy id ${ID}).\n{ "displayName": "Sales" }`;
    assert.equal(policyBindings(apply(pulled, bindingEdit(pulled, 0, NEW, 'x')!))[0]!.id, NEW);
    const single = '{ "displayName": "Sales" }';
    assert.equal(
      apply(single, bindingEdit(single, 0, NEW, 'Sales: deployed')!),
      `// Sales: deployed (policy id ${NEW}).\n${single}`,
    );
    const fleet = '{ "policies": [\n  { "displayName": "A" },\n  { "displayName": "B" }\n] }';
    const bound = apply(fleet, bindingEdit(fleet, 1, NEW, 'x')!);
    assert.deepEqual(
      policyBindings(bound).map((b) => b.id),
      [undefined, NEW],
    );
    assert.match(
      bound,
      new RegExp(`\\n  // policy id ${NEW}\\n  \\{ "displayName": "B" \\}`),
      'indented like the entry',
    );
    assert.equal(bindingEdit(fleet, 5, NEW, 'x'), undefined);
  });
});
