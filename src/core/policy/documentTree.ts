// A lenient parse for the editor features (completion, hover, outline, previews): a jsonc-parser
// tree plus the value, for text that may be half typed.
import { getNodeValue, parseTree } from 'jsonc-parser';
import type { Node } from 'jsonc-parser';
import type { JsonPath, TextSpan } from './finding';
import { findExcessNesting } from './textScan';

export interface DocumentTree {
  root: Node | undefined;
  value: unknown;
}

export function parseDocumentTree(text: string): DocumentTree {
  // Deeply nested junk would overflow jsonc-parser's recursion; editor features simply see nothing.
  if (findExcessNesting(text) >= 0) return { root: undefined, value: undefined };
  const clean = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const root = parseTree(clean, [], { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  return { root, value: root ? (getNodeValue(root) as unknown) : undefined };
}

export function spanOf(node: Node): TextSpan {
  return { offset: node.offset, length: node.length };
}

/** The path of a value node (property values by key, array elements by index). */
export function pathOf(node: Node): JsonPath {
  const path: JsonPath = [];
  let n: Node | undefined = node;
  while (n?.parent) {
    const parent: Node = n.parent;
    if (parent.type === 'property') {
      const key = parent.children?.[0];
      if (key) path.unshift(String(key.value));
      n = parent.parent;
    } else if (parent.type === 'array') {
      path.unshift(parent.children?.indexOf(n) ?? 0);
      n = parent;
    } else n = parent;
  }
  return path;
}
