// The generated core schema (what the validator reads) agrees with the full schema on everything the
// validator uses, and the generated Ajv code embeds no schema literals (scripts/generateSchemaValidator.mjs).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as docs from '../../../src/core/policy/schemaDocs';
import * as core from '../../../src/core/policy/schemaModel';
import type { SchemaNode } from '../../../src/core/policy/schemaNavigator';

const generated = path.resolve(__dirname, '../../../src/core/policy/generated');

/** Every property path of the full schema, items as index 0, each once (the schema has no recursion). */
function allPaths(
  node: SchemaNode | undefined,
  at: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  const s = docs.resolve(node);
  if (!s || at.length > 8) return out;
  out.push(at);
  for (const key of Object.keys(s.properties ?? {})) allPaths(docs.childSchema(s, key), [...at, key], out);
  if (s.items) allPaths(docs.childSchema(s, 0), [...at, 0], out);
  return out;
}

describe('generated core schema', () => {
  const fleetDoc = { policies: [] };

  it('matches the full schema at every path on what the validator reads', () => {
    const paths = [
      ...allPaths(docs.POLICY_SCHEMA).map((p) => [{}, p] as const),
      ...allPaths(docs.FLEET_SCHEMA).map((p) => [fleetDoc, p] as const),
    ];
    assert.ok(paths.length > 60, `${paths.length} paths`);
    for (const [doc, p] of paths) {
      const full = docs.resolve(docs.schemaAtPath(doc, p))!;
      const lean = core.resolve(core.schemaAtPath(doc, p));
      assert.ok(lean, p.join('/'));
      const view = (s: SchemaNode, members: string[]) => ({
        properties: Object.keys(s.properties ?? {}),
        type: s.type,
        enum: s.enum,
        required: s.required,
        additionalProperties: s.additionalProperties,
        readOnly: s.readOnly,
        deprecated: s.deprecated,
        openEnum: s['x-openEnum'],
        members,
        items: s.items !== undefined,
      });
      assert.deepEqual(view(lean, core.enumMembers(lean)), view(full, docs.enumMembers(full)), p.join('/'));
    }
  });

  it('leaves out the texts only hover and completion show', () => {
    const keywords = new Set<string>();
    const visit = (node: SchemaNode): void => {
      for (const [key, value] of Object.entries(node)) {
        keywords.add(key);
        if (key === 'properties' || key === 'definitions')
          Object.values(value as Record<string, SchemaNode>).forEach(visit);
        else if (key === 'allOf') (value as SchemaNode[]).forEach(visit);
        else if (['items', 'if', 'then', 'else'].includes(key)) visit(value as SchemaNode);
      }
    };
    visit(core.ROOT_SCHEMA);
    assert.deepEqual([...keywords].sort(), [
      '$ref',
      'additionalProperties',
      'allOf',
      'definitions',
      'deprecated',
      'else',
      'enum',
      'examples',
      'if',
      'items',
      'properties',
      'readOnly',
      'required',
      'then',
      'type',
      'x-openEnum',
    ]);
    assert.ok(JSON.stringify(core.ROOT_SCHEMA).length < JSON.stringify(docs.ROOT_SCHEMA).length / 4);
  });

  it('the Ajv validator embeds no schema literals', () => {
    const code = readFileSync(path.join(generated, 'policySchemaValidator.js'), 'utf8');
    assert.doesNotMatch(code, /\bschema\d+\b/);
  });
});
