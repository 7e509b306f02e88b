// Outline data: each policy (named by displayName) and its properties, nested.
import type { Node } from 'jsonc-parser';
import { parseDocumentTree, spanOf } from './documentTree';
import type { TextSpan } from './finding';

export interface PolicySymbol {
  name: string;
  detail?: string;
  kind: 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'policy' | 'property';
  range: TextSpan;
  selectionRange: TextSpan;
  children: PolicySymbol[];
}

export function getDocumentSymbols(text: string): PolicySymbol[] {
  const { root } = parseDocumentTree(text);
  if (!root || root.type !== 'object') return [];
  const policies = propertyNode(root, 'policies');
  const list = policies?.children?.[1];
  if (list?.type === 'array') {
    const items = (list.children ?? [])
      .filter((c) => c.type === 'object')
      .map((p, i) => policySymbol(p, `Policy ${i + 1}`));
    return [
      {
        name: 'policies',
        detail: `${items.length} policies`,
        kind: 'array',
        range: spanOf(policies!),
        selectionRange: spanOf(policies!.children![0]!),
        children: items,
      },
    ];
  }
  return [policySymbol(root, 'Policy')];
}

function propertyNode(obj: Node, key: string): Node | undefined {
  return obj.children?.find((p) => p.children?.[0]?.value === key);
}

function stringProp(obj: Node, key: string): string | undefined {
  const v = propertyNode(obj, key)?.children?.[1]?.value as unknown;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function policySymbol(obj: Node, fallback: string): PolicySymbol {
  const nameNode = propertyNode(obj, 'displayName');
  return {
    name: stringProp(obj, 'displayName') ?? fallback,
    detail: stringProp(obj, 'provisioningType') ?? 'dedicated',
    kind: 'policy',
    range: spanOf(obj),
    selectionRange: nameNode?.children?.[1] ? spanOf(nameNode.children[1]) : { offset: obj.offset, length: 1 },
    children: childrenOf(obj, 0),
  };
}

/** Names array items by what identifies them (join type, group id) so the outline reads well. */
function itemName(item: Node, i: number): string {
  if (item.type !== 'object') return `[${i}]`;
  const target = propertyNode(item, 'target')?.children?.[1];
  const label =
    stringProp(item, 'domainJoinType') ??
    stringProp(item, 'type') ??
    (target ? stringProp(target, 'groupId') : undefined) ??
    stringProp(item, 'displayName');
  return label ? `${i + 1}. ${label}` : `[${i}]`;
}

function childrenOf(node: Node, depth: number): PolicySymbol[] {
  if (depth > 6) return [];
  if (node.type === 'object') {
    return (node.children ?? []).flatMap((p) => {
      const [k, v] = p.children ?? [];
      if (!k) return [];
      return [valueSymbol(String(k.value), v, spanOf(p), spanOf(k), depth)];
    });
  }
  if (node.type === 'array')
    return (node.children ?? []).map((item, i) =>
      valueSymbol(itemName(item, i), item, spanOf(item), spanOf(item), depth),
    );
  return [];
}

function valueSymbol(
  name: string,
  v: Node | undefined,
  range: TextSpan,
  selectionRange: TextSpan,
  depth: number,
): PolicySymbol {
  const kind: PolicySymbol['kind'] = !v ? 'property' : v.type === 'property' ? 'property' : v.type;
  const detail =
    v && (v.type === 'string' || v.type === 'number' || v.type === 'boolean' || v.type === 'null')
      ? String(v.value)
      : v?.type === 'array'
        ? `${v.children?.length ?? 0} items`
        : undefined;
  return {
    name,
    ...(detail !== undefined ? { detail } : {}),
    kind,
    range,
    selectionRange,
    children: v ? childrenOf(v, depth + 1) : [],
  };
}
