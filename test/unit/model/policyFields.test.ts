// The one list of read-only and immutable policy fields agrees with the JSON schema the editor validates by:
// every property the schema marks readOnly is in the list and nothing else, and the properties whose
// description says they cannot change after creation are exactly the immutable ones.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  IMMUTABLE_POLICY_FIELDS,
  NESTED_READ_ONLY_POLICY_FIELDS,
  READ_ONLY_POLICY_FIELDS,
} from '../../../src/core/model/policyFields';

interface SchemaProperty {
  readOnly?: boolean;
  description?: string;
}
const schema = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../../schemas/cpcpolicy.schema.json'), 'utf8'),
) as { definitions: Record<string, { properties?: Record<string, SchemaProperty> }> };
const props = (definition: string): Record<string, SchemaProperty> => schema.definitions[definition]!.properties!;

describe('read-only and immutable policy fields', () => {
  it('are the policy properties the schema marks readOnly, and no others', () => {
    const marked = Object.entries(props('policy'))
      .filter(([, p]) => p.readOnly === true)
      .map(([k]) => k);
    assert.deepEqual([...marked].sort(), [...READ_ONLY_POLICY_FIELDS].sort());
  });

  it('name the read-only properties inside a setting as the schema does', () => {
    const marked = Object.entries(props('domainJoinConfiguration'))
      .filter(([, p]) => p.readOnly === true)
      .map(([k]) => k);
    assert.deepEqual(NESTED_READ_ONLY_POLICY_FIELDS.domainJoinConfigurations, marked);
  });

  it('are immutable exactly where the schema says a property cannot change after creation', () => {
    const immutable = Object.entries(props('policy'))
      .filter(([, p]) => /cannot change after the policy is created/i.test(p.description ?? ''))
      .map(([k]) => k);
    assert.deepEqual([...immutable].sort(), [...IMMUTABLE_POLICY_FIELDS].sort());
  });
});
