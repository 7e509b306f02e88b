// Which deployed policy each policy of a file is bound to: the `policy id <GUID>` in the comment just before
// its object (Pull writes it into the file's header; Deploy writes it after a create). A bound file keeps
// its policy through a rename; an unbound one is matched by exact displayName. Plain TS (jsonc-parser only).
import { parseTree } from 'jsonc-parser';
import type { Node } from 'jsonc-parser';

const ID_IN_COMMENT = /\bpolicy id ([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\b/;

export interface PolicyBinding {
  /** The deployed policy's id, when the comment before the policy names one. */
  id?: string;
  /** Where that id is in the text (to replace it), or undefined. */
  idOffset?: number;
  /** Where the policy's object starts, and where the text before it (its comments) starts. */
  start: number;
  gapStart: number;
}

function bindingIn(text: string, gapStart: number, start: number): PolicyBinding {
  const m = ID_IN_COMMENT.exec(text.slice(gapStart, start));
  return m
    ? { id: m[1], idOffset: gapStart + m.index + m[0].length - m[1].length, start, gapStart }
    : { start, gapStart };
}

/** One binding per policy, in file order (one for a one-policy file); empty when the text is not a policy file. */
export function policyBindings(text: string): PolicyBinding[] {
  const root = parseTree(text, [], { allowTrailingComma: true });
  if (!root || root.type !== 'object') return [];
  const list = root.children?.find((p) => p.children?.[0]?.value === 'policies')?.children?.[1];
  if (list?.type !== 'array') return [bindingIn(text, 0, root.offset)];
  const items: Node[] = list.children ?? [];
  return items.map((item, i) =>
    bindingIn(text, i === 0 ? list.offset + 1 : items[i - 1].offset + items[i - 1].length, item.offset),
  );
}

export interface TextEdit {
  offset: number;
  length: number;
  text: string;
}

/**
 * The edit that binds policy `index` of the file to `id`: the id replaced where one is written, else a
 * comment inserted before the policy (the header line for a one-policy file).
 */
export function bindingEdit(text: string, index: number, id: string, header: string): TextEdit | undefined {
  const binding = policyBindings(text)[index];
  if (!binding) return undefined;
  if (binding.idOffset !== undefined) return { offset: binding.idOffset, length: binding.id!.length, text: id };
  if (binding.gapStart === 0) return { offset: 0, length: 0, text: `// ${header} (policy id ${id}).\n` };
  const lineStart = text.lastIndexOf('\n', binding.start - 1) + 1;
  const indent = /^[ \t]*$/.test(text.slice(lineStart, binding.start)) ? text.slice(lineStart, binding.start) : '';
  return { offset: binding.start, length: 0, text: `// policy id ${id}\n${indent}` };
}
