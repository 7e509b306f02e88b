// The full schemas/cpcpolicy.schema.json with its admin-facing texts (descriptions, enum member docs,
// defaults, examples) for hover and completion. The validator never imports it: it reads the smaller
// generated core schema through schemaModel (cold start).
import schemaJson from '../../../schemas/cpcpolicy.schema.json';
import { createSchemaNavigator } from './schemaNavigator';
import type { SchemaNode } from './schemaNavigator';

const navigator = createSchemaNavigator(schemaJson as unknown as SchemaNode);

export const ROOT_SCHEMA = navigator.root;
export const POLICY_SCHEMA = navigator.policy;
export const FLEET_SCHEMA = navigator.fleet;
export const { resolve, rootSchemaFor, childSchema, schemaAtPath, enumMembers, isOpenEnum } = navigator;

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
