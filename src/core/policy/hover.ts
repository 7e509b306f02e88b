// Hover data: the schema's admin-facing description for every property and enum member.
import { findNodeAtOffset } from 'jsonc-parser';
import type { Node } from 'jsonc-parser';
import { parseDocumentTree, pathOf, spanOf } from './documentTree';
import type { TextSpan } from './finding';
import { policySliceAt, shifted } from './fleetSlices';
import { describe, enumMemberDoc, enumMembers, resolve, schemaAtPath } from './schemaDocs';
import type { SchemaNode } from './schemaNavigator';

export interface HoverInfo {
  markdown: string;
  range: TextSpan;
}

export function getHover(text: string, offset: number): HoverInfo | undefined {
  const slice = policySliceAt(text, offset);
  if (!slice) return hoverIn(text, offset);
  const hover = hoverIn(slice.text, offset - slice.offset);
  return hover && { ...hover, range: shifted(hover.range, slice) };
}

function hoverIn(text: string, offset: number): HoverInfo | undefined {
  const { root, value } = parseDocumentTree(text);
  if (!root) return undefined;
  const node = findNodeAtOffset(root, offset, false);
  if (!node) return undefined;
  const parent = node.parent;
  if (parent?.type === 'property' && parent.children?.[0] === node) {
    const path = [...pathOf(parent.parent ?? parent), String(node.value)];
    const schema = resolve(schemaAtPath(value, path));
    if (!schema) return undefined;
    return { markdown: propertyMarkdown(String(node.value), schema), range: spanOf(node) };
  }
  if (node.type === 'string' || node.type === 'boolean' || node.type === 'number' || node.type === 'null') {
    const path = pathOf(node);
    const schema = resolve(schemaAtPath(value, path));
    if (!schema) return undefined;
    return { markdown: valueMarkdown(node, String(path[path.length - 1] ?? ''), schema), range: spanOf(node) };
  }
  return undefined;
}

function propertyMarkdown(name: string, s: SchemaNode): string {
  const types = (Array.isArray(s.type) ? s.type : [s.type ?? 'object']).filter((t) => t !== 'null');
  const lines = [
    `**${name}**: \`${types.join(' | ')}\`${s.readOnly ? ' · read-only' : ''}${s.deprecated ? ' · **deprecated**' : ''}`,
    '',
    describe(s) ?? '',
  ];
  if (s.default !== undefined) lines.push('', `Default: \`${JSON.stringify(s.default)}\``);
  const members = enumMembers(s).filter((m) => m !== 'unknownFutureValue');
  if (members.length > 0 && members.length <= 12)
    lines.push('', `Values: ${members.map((m) => `\`${m}\``).join(', ')}`);
  return lines.join('\n');
}

function valueMarkdown(node: Node, name: string, s: SchemaNode): string {
  const value = node.value as unknown;
  const member = typeof value === 'string' ? enumMemberDoc(s, value) : undefined;
  const known = typeof value === 'string' && enumMembers(s).includes(value);
  const head = `**${name}**: \`${JSON.stringify(value)}\``;
  if (member) return `${head}\n\n${member}`;
  if (known || enumMembers(s).length === 0) return `${head}\n\n${describe(s) ?? ''}`;
  return `${head}\n\nNot a known value. ${describe(s) ?? ''}`;
}
