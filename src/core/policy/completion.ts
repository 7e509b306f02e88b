// Completion data: property names valid at the cursor (with schema docs), enum values, and a snippet
// for a whole new policy. Plain data; the VS Code adapter only maps kinds.
import { getLocation } from 'jsonc-parser';
import type { Node } from 'jsonc-parser';
import { parseDocumentTree } from './documentTree';
import type { JsonPath, TextSpan } from './finding';
import { policySliceAt, shifted } from './fleetSlices';
import { asObject } from './jsonValue';
import { findExcessNesting } from './textScan';
import { describe, enumMemberDoc, enumMembers, resolve, rootSchemaFor, schemaAtPath } from './schemaDocs';
import type { SchemaNode } from './schemaNavigator';
import { DEFAULT_NAMING_TEMPLATE } from '../model/defaultNamingTemplate';

export interface CompletionEntry {
  label: string;
  kind: 'property' | 'value' | 'snippet';
  /** Snippet syntax ($1, ${1|a,b|}). */
  insertText: string;
  documentation?: string;
  detail?: string;
  /** A few words beside the label (a tenant object's health or status); `detail` is the longer line. */
  description?: string;
  deprecated?: boolean;
  range?: TextSpan;
  filterText?: string;
  sortText?: string;
  /** Edits beside the insertion (the comma the property before it needs). */
  additionalEdits?: { offset: number; length: number; text: string }[];
}

export const NEW_POLICY_SNIPPET = [
  '{',
  '\t"displayName": "${1:Finance dedicated}",',
  '\t"description": "${2}",',
  '\t"provisioningType": "${3|dedicated,sharedByUser,sharedByEntraGroup,reserve|}",',
  '\t"imageType": "gallery",',
  '\t"imageId": "${4:microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365}",',
  '\t"domainJoinConfigurations": [',
  '\t\t{ "domainJoinType": "azureADJoin", "regionName": "automatic", "regionGroup": "${5:usEast}" }',
  '\t],',
  '\t"enableSingleSignOn": true,',
  '\t"windowsSetting": { "locale": "${6:en-US}" },',
  `\t"cloudPcNamingTemplate": "\${7:${DEFAULT_NAMING_TEMPLATE}}"`,
  // No made-up group id: Deploy would create the policy and then fail its assignment.
  '\t// Groups: after Deploy, run Assign to Groups… on the policy (it shows who gets a Cloud PC first),',
  '\t// or list them here: "assignments": [{ "target": { "groupId": "<a group id of your tenant>" } }]',
  '}',
].join('\n');

function policySnippet(range?: TextSpan): CompletionEntry {
  return {
    label: 'New Cloud PC provisioning policy',
    kind: 'snippet',
    insertText: NEW_POLICY_SNIPPET,
    documentation:
      'A dedicated Windows 365 Enterprise policy: gallery image, Microsoft Entra join on a Microsoft-hosted network, a naming template; you choose its groups with Assign to Groups… (or an assignments list).',
    detail: 'cloudPcProvisioningPolicy',
    ...(range ? { range } : {}),
  };
}

export function getCompletions(text: string, offset: number): CompletionEntry[] {
  const slice = policySliceAt(text, offset);
  if (!slice) return completionsIn(text, offset);
  return completionsIn(slice.text, offset - slice.offset).map((e) => ({
    ...e,
    ...(e.range ? { range: shifted(e.range, slice) } : {}),
    ...(e.additionalEdits
      ? { additionalEdits: e.additionalEdits.map((edit) => ({ ...edit, offset: edit.offset + slice.offset })) }
      : {}),
  }));
}

function completionsIn(text: string, offset: number): CompletionEntry[] {
  if (text.trim() === '') return [policySnippet()];
  const at = Math.max(0, Math.min(offset, text.length));
  // jsonc-parser's getLocation recurses: deeply nested junk gets no completions rather than a stack overflow.
  if (findExcessNesting(text) >= 0) return [];
  const tree = parseDocumentTree(text);
  const location = getLocation(text, at);
  const path = location.path;
  if (location.isAtPropertyKey)
    return propertyCompletions(text, tree.value, tree.root, path.slice(0, -1), location.previousNode, at);
  const previous = location.previousNode;
  const valueRange =
    previous && previous.type !== 'property' ? { offset: previous.offset, length: previous.length } : undefined;
  if (path.length === 2 && path[0] === 'policies' && typeof path[1] === 'number' && !valueRange)
    return [policySnippet()];
  return valueCompletions(schemaAtPath(tree.value, path), valueRange);
}

function existingKeys(root: Node | undefined, objectPath: JsonPath): Set<string> {
  let node = root;
  for (const seg of objectPath) {
    if (!node) break;
    if (node.type === 'object') node = node.children?.find((p) => p.children?.[0]?.value === seg)?.children?.[1];
    else if (node.type === 'array') node = node.children?.[Number(seg)];
    else node = undefined;
  }
  const keys = new Set<string>();
  for (const p of node?.type === 'object' ? (node.children ?? []) : []) {
    const k = p.children?.[0]?.value;
    if (typeof k === 'string') keys.add(k);
  }
  return keys;
}

/** The next character that is not whitespace or inside a comment, from `i` on. */
function significantAfter(text: string, i: number): string | undefined {
  const rest = text.slice(i).replace(/^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)+/, '');
  return rest[0];
}

/**
 * The commas a new property needs, so the document stays valid JSON: after it when another property
 * follows, and after the value before it when that one has none.
 */
function commasAround(
  text: string,
  start: number,
  end: number,
): { trailing: string; before?: { offset: number; length: number; text: string } } {
  const trailing = significantAfter(text, end) === '"' ? ',' : '';
  let i = start - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  const needsComma =
    i >= 0 && /["}\]0-9el]/.test(text[i]!) && !/\/\/[^\n]*$/.test(text.slice(text.lastIndexOf('\n', i) + 1, i + 1));
  return { trailing, ...(needsComma ? { before: { offset: i + 1, length: 0, text: ',' } } : {}) };
}

function propertyCompletions(
  text: string,
  value: unknown,
  root: Node | undefined,
  objectPath: JsonPath,
  keyNode: Node | undefined,
  at: number,
): CompletionEntry[] {
  const schema = objectPath.length === 0 ? rootSchemaFor(value) : schemaAtPath(value, objectPath);
  const props = resolve(schema)?.properties ?? {};
  const present = existingKeys(root, objectPath);
  const typed = keyNode?.type === 'string' ? String(keyNode.value) : undefined;
  const range = keyNode ? { offset: keyNode.offset, length: keyNode.length } : undefined;
  const colonFollows = keyNode
    ? /^\s*:/.test(text.slice(keyNode.offset + keyNode.length, keyNode.offset + keyNode.length + 50))
    : false;
  const commas = colonFollows
    ? { trailing: '' }
    : commasAround(text, keyNode?.offset ?? at, keyNode ? keyNode.offset + keyNode.length : at);
  const entries: CompletionEntry[] = [];
  for (const [name, raw] of Object.entries(props)) {
    if (present.has(name) && name !== typed) continue;
    const s = resolve(raw);
    if (!s || name === '$schema' || name.startsWith('@odata.context')) continue;
    const readOnly = s.readOnly === true;
    entries.push({
      label: name,
      kind: 'property',
      insertText: colonFollows ? JSON.stringify(name) : `${JSON.stringify(name)}: ${valueSnippet(s)}${commas.trailing}`,
      ...(commas.before ? { additionalEdits: [commas.before] } : {}),
      documentation: describe(s),
      detail: typeLabel(s),
      ...(s.deprecated ? { deprecated: true } : {}),
      ...(range ? { range, filterText: JSON.stringify(name) } : {}),
      // Deprecated and read-only properties sink to the bottom of the list.
      sortText: `${s.deprecated || readOnly ? 'z' : 'a'}${name}`,
    });
  }
  return entries;
}

function valueSnippet(s: SchemaNode): string {
  const members = enumMembers(s).filter((m) => m !== 'unknownFutureValue');
  // A short open enum still offers its members as choices; typing another value stays possible.
  if (members.length > 0 && (!s['x-openEnum'] || members.length <= 8))
    return `"\${1|${members.map(escapeChoice).join(',')}|}"`;
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (types.includes('object')) return '{$1}';
  if (types.includes('array')) return '[$1]';
  if (types.includes('boolean')) return `\${1|${s.default === true ? 'true,false' : 'false,true'}|}`;
  if (types.includes('integer') || types.includes('number')) return '${1:0}';
  const example = typeof s.default === 'string' ? s.default : undefined;
  return example ? `"\${1:${escapeSnippet(example)}}"` : '"$1"';
}

function escapeChoice(s: string): string {
  return s.replace(/[,|\\$}]/g, (c) => `\\${c}`);
}

function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, (c) => `\\${c}`);
}

function typeLabel(s: SchemaNode): string {
  const types = (Array.isArray(s.type) ? s.type : [s.type ?? 'object']).filter((t) => t !== 'null');
  const marks = [s.readOnly ? 'read-only' : '', s.deprecated ? 'deprecated' : ''].filter(Boolean);
  return `${types.join(' | ')}${marks.length ? ` (${marks.join(', ')})` : ''}`;
}

function valueCompletions(schema: SchemaNode | undefined, range: TextSpan | undefined): CompletionEntry[] {
  const s = resolve(schema);
  if (!s) return [];
  const entries: CompletionEntry[] = [];
  const members = enumMembers(s);
  // unknownFutureValue is a sentinel no caller may send (CPC209): never offered.
  const values = (members.length > 0 ? members : (s.examples ?? []).map((e) => e as unknown)).filter(
    (m) => m !== 'unknownFutureValue',
  );
  values.forEach((m, i) => {
    const text = JSON.stringify(m);
    const deprecated = typeof m === 'string' && (enumMemberDoc(s, m)?.startsWith('**Deprecated**') ?? false);
    entries.push({
      label: text,
      kind: 'value',
      insertText: text.replace(/[$}\\]/g, (c) => `\\${c}`),
      documentation: typeof m === 'string' ? enumMemberDoc(s, m) : undefined,
      detail: s.default === m ? 'default' : undefined,
      ...(deprecated ? { deprecated: true } : {}),
      ...(range ? { range, filterText: text } : {}),
      sortText: `${deprecated ? 'z' : 'a'}${String(i).padStart(3, '0')}`,
    });
  });
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (members.length === 0 && types.includes('boolean')) {
    for (const b of [true, false])
      entries.push({
        label: String(b),
        kind: 'value',
        insertText: String(b),
        detail: s.default === b ? 'default' : undefined,
        ...(range ? { range } : {}),
      });
  }
  if (asObject(s.properties) && range === undefined && types.includes('object'))
    entries.push({ label: '{}', kind: 'value', insertText: '{$1}' });
  return entries;
}
