// How the policy schema is read ($ref and allOf resolution, lookup by path, enum members), over either
// the full schema (hover, completion: schemaDocs) or the generated core schema (the validator: schemaModel).
import type { JsonPath } from './finding';

export interface SchemaNode {
  $ref?: string;
  allOf?: SchemaNode[];
  type?: string | string[];
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  required?: string[];
  enum?: unknown[];
  examples?: unknown[];
  markdownEnumDescriptions?: string[];
  'x-openEnum'?: boolean;
  'x-enumDescriptions'?: Record<string, string>;
  deprecated?: boolean;
  deprecationMessage?: string;
  readOnly?: boolean;
  default?: unknown;
  pattern?: string;
  additionalProperties?: boolean;
  definitions?: Record<string, SchemaNode>;
}

export interface SchemaNavigator {
  root: SchemaNode;
  policy: SchemaNode;
  fleet: SchemaNode;
  /** Follows $ref and single-entry allOf wrappers (how the schema attaches notes to a referenced type). */
  resolve(node: SchemaNode | undefined): SchemaNode | undefined;
  /** The schema for the top-level value of a document, picked the way the schema's if/then/else does. */
  rootSchemaFor(root: unknown): SchemaNode;
  /** Schema of a child: a property of an object schema or the items of an array schema. */
  childSchema(parent: SchemaNode | undefined, seg: string | number): SchemaNode | undefined;
  /** Schema at a path from the document root. */
  schemaAtPath(root: unknown, path: JsonPath): SchemaNode | undefined;
  /** Known members of an enum, closed (`enum`) or open (`examples` + `x-openEnum`); null excluded. */
  enumMembers(node: SchemaNode | undefined): string[];
  isOpenEnum(node: SchemaNode | undefined): boolean;
}

/** True when a document value is the `{ "policies": [...] }` form. */
export function isFleet(root: unknown): boolean {
  return typeof root === 'object' && root !== null && !Array.isArray(root) && 'policies' in root;
}

export function createSchemaNavigator(root: SchemaNode): SchemaNavigator {
  const definitions = root.definitions ?? {};
  const policy = definitions['policy']!;
  const fleet = definitions['fleet']!;

  const resolve = (node: SchemaNode | undefined): SchemaNode | undefined => {
    let n = node;
    for (let guard = 0; n && guard < 8; guard++) {
      if (n.$ref) {
        const name = n.$ref.replace('#/definitions/', '');
        n = definitions[name];
      } else if (n.allOf && n.allOf.length === 1 && !n.properties) {
        const inner = resolve(n.allOf[0]);
        n = inner ? { ...inner, ...withoutAllOf(n) } : undefined;
      } else break;
    }
    return n;
  };
  const rootSchemaFor = (value: unknown): SchemaNode => (isFleet(value) ? fleet : policy);
  const childSchema = (parent: SchemaNode | undefined, seg: string | number): SchemaNode | undefined => {
    const p = resolve(parent);
    if (!p) return undefined;
    if (typeof seg === 'number' || (p.items && /^\d+$/.test(String(seg)))) return resolve(p.items);
    return resolve(p.properties?.[seg]);
  };
  const schemaAtPath = (value: unknown, path: JsonPath): SchemaNode | undefined => {
    let s: SchemaNode | undefined = rootSchemaFor(value);
    for (const seg of path) s = childSchema(s, seg);
    return s;
  };
  const enumMembers = (node: SchemaNode | undefined): string[] => {
    const n = resolve(node);
    if (!n) return [];
    const list = n.enum ?? (n['x-openEnum'] ? n.examples : undefined) ?? [];
    return list.filter((m): m is string => typeof m === 'string');
  };
  const isOpenEnum = (node: SchemaNode | undefined): boolean => resolve(node)?.['x-openEnum'] === true;
  return { root, policy, fleet, resolve, rootSchemaFor, childSchema, schemaAtPath, enumMembers, isOpenEnum };
}

function withoutAllOf(n: SchemaNode): SchemaNode {
  const { allOf: _ignored, ...rest } = n;
  void _ignored;
  return rest;
}
