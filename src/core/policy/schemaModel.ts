// Read access to schemas/cpcpolicy.schema.json for the parts Ajv does not cover: descriptions
// (hover, completion), read-only and deprecated marks, and the open enums (graph-facts E: enums grow).
import schemaJson from '../../../schemas/cpcpolicy.schema.json';
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

export const ROOT_SCHEMA = schemaJson as unknown as SchemaNode;
const DEFINITIONS = ROOT_SCHEMA.definitions ?? {};
export const POLICY_SCHEMA: SchemaNode = DEFINITIONS['policy']!;
export const FLEET_SCHEMA: SchemaNode = DEFINITIONS['fleet']!;

/** Follows $ref and single-entry allOf wrappers (how the schema attaches notes to a referenced type). */
export function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  let n = node;
  for (let guard = 0; n && guard < 8; guard++) {
    if (n.$ref) {
      const name = n.$ref.replace('#/definitions/', '');
      n = DEFINITIONS[name];
    } else if (n.allOf && n.allOf.length === 1 && !n.properties) {
      const inner = resolve(n.allOf[0]);
      n = inner ? { ...inner, ...withoutAllOf(n) } : undefined;
    } else break;
  }
  return n;
}

function withoutAllOf(n: SchemaNode): SchemaNode {
  const { allOf: _ignored, ...rest } = n;
  void _ignored;
  return rest;
}

/** True when a document value is the `{ "policies": [...] }` form. */
export function isFleet(root: unknown): boolean {
  return typeof root === 'object' && root !== null && !Array.isArray(root) && 'policies' in root;
}

/** The schema for the top-level value of a document, picked the way the schema's if/then/else does. */
export function rootSchemaFor(root: unknown): SchemaNode {
  return isFleet(root) ? FLEET_SCHEMA : POLICY_SCHEMA;
}

/** Schema of a child: a property of an object schema or the items of an array schema. */
export function childSchema(parent: SchemaNode | undefined, seg: string | number): SchemaNode | undefined {
  const p = resolve(parent);
  if (!p) return undefined;
  if (typeof seg === 'number' || (p.items && /^\d+$/.test(String(seg)))) return resolve(p.items);
  return resolve(p.properties?.[seg]);
}

/** Schema at a path from the document root. */
export function schemaAtPath(root: unknown, path: JsonPath): SchemaNode | undefined {
  let s: SchemaNode | undefined = rootSchemaFor(root);
  for (const seg of path) s = childSchema(s, seg);
  return s;
}

/** Known members of an enum, closed (`enum`) or open (`examples` + `x-openEnum`); null excluded. */
export function enumMembers(node: SchemaNode | undefined): string[] {
  const n = resolve(node);
  if (!n) return [];
  const list = n.enum ?? (n['x-openEnum'] ? n.examples : undefined) ?? [];
  return list.filter((m): m is string => typeof m === 'string');
}

export function isOpenEnum(node: SchemaNode | undefined): boolean {
  return resolve(node)?.['x-openEnum'] === true;
}

/** Markdown description of one enum member. */
export function enumMemberDoc(node: SchemaNode | undefined, member: string): string | undefined {
  const n = resolve(node);
  if (!n) return undefined;
  if (n.enum && n.markdownEnumDescriptions) {
    const doc = n.markdownEnumDescriptions[n.enum.indexOf(member)];
    return doc || undefined;
  }
  return n['x-enumDescriptions']?.[member] || undefined;
}

export function describe(node: SchemaNode | undefined): string | undefined {
  const n = resolve(node);
  return n?.markdownDescription ?? n?.description;
}
