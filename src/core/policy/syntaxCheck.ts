// The syntax layer: every JSONC error with its position (jsonc-parser), and duplicate keys.
import { getNodeValue, ParseErrorCode, parseTree } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import type { Finding, TextSpan } from './finding';
import { duplicateKeyFinding } from './duplicateKeys';
import type { CappedFindings } from './duplicateKeys';
import { RULES } from './ruleCodes';

/** Enough to fix a file; beyond that more errors only repeat (a binary file would give thousands). */
export const MAX_SYNTAX_FINDINGS = 100;

const MESSAGES: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]:
    'Unexpected character: JSON values are strings in double quotes, numbers, true, false, null, objects or lists.',
  [ParseErrorCode.InvalidNumberFormat]: 'This number is not valid JSON (no leading zeros, + signs or trailing dots).',
  [ParseErrorCode.PropertyNameExpected]: 'A property name in double quotes is expected here.',
  [ParseErrorCode.ValueExpected]: 'A value is expected here.',
  [ParseErrorCode.ColonExpected]: "A ':' is expected after the property name.",
  [ParseErrorCode.CommaExpected]: "A ',' is expected between the two items.",
  [ParseErrorCode.CloseBraceExpected]: "A '}' is expected to close the object.",
  [ParseErrorCode.CloseBracketExpected]: "A ']' is expected to close the list.",
  [ParseErrorCode.EndOfFileExpected]:
    'Only one value may be in the file: remove what follows, or wrap the policies in { "policies": [...] }.',
  [ParseErrorCode.InvalidCommentToken]: 'This comment is not valid: use // or /* */.',
  [ParseErrorCode.UnexpectedEndOfComment]: "This comment is not closed: end it with '*/'.",
  [ParseErrorCode.UnexpectedEndOfString]: 'This string is not closed: end it with a double quote on the same line.',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'This number is incomplete.',
  [ParseErrorCode.InvalidUnicode]: 'Invalid \\u escape: write four hex digits, e.g. \\u00e9.',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape: use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX.',
  [ParseErrorCode.InvalidCharacter]: 'Control characters are not allowed in strings: escape them (\\n, \\t, \\uXXXX).',
};

/** The value of a tree (last duplicate key wins, as in JSON.parse). */
export function nodeValue(root: Node): unknown {
  return getNodeValue(root) as unknown;
}

export interface SyntaxResult {
  root: Node | undefined;
  findings: Finding[];
}

export function parseWithErrors(text: string): SyntaxResult {
  const errors = new CappedErrors();
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const findings: Finding[] = [];
  for (const e of errors) {
    if (findings.length >= MAX_SYNTAX_FINDINGS) {
      findings.push({
        code: RULES.syntaxError.code,
        severity: 'error',
        message: `${errors.total - MAX_SYNTAX_FINDINGS} more syntax errors not shown: fix the ones above first.`,
        range: { offset: e.offset, length: 0 },
      });
      break;
    }
    findings.push({
      code: RULES.syntaxError.code,
      severity: 'error',
      message: MESSAGES[e.error] ?? 'Syntax error.',
      range: clamp({ offset: e.offset, length: e.length }, text.length),
    });
  }
  return { root, findings };
}

/** Keeps the errors a document shows (and one past them) and counts the rest: 140,000 missing commas keep 101. */
class CappedErrors extends Array<ParseError> {
  total = 0;

  override push(...items: ParseError[]): number {
    for (const e of items) {
      this.total++;
      if (this.length <= MAX_SYNTAX_FINDINGS) super.push(e);
    }
    return this.length;
  }
}

function clamp(span: TextSpan, max: number): TextSpan {
  const offset = Math.min(Math.max(0, span.offset), max);
  return { offset, length: Math.max(0, Math.min(span.length, max - offset)) };
}

/**
 * Duplicate keys in any object of the tree (JSON.parse silently keeps the last one). Past `limit` findings
 * the rest are only counted (`more`): a document reports at most so many (docs/rules.md "Bounds").
 */
export function duplicateKeyFindings(root: Node | undefined, limit = Infinity): CappedFindings {
  const findings: CappedFindings = [];
  let more = 0;
  // Only objects and lists go on the stack, in the order their property or item nodes would (a 1 MB object
  // of 140,000 keys pushed 420,000 nodes and read a children array of each leaf).
  const stack: Node[] = root && isContainer(root) ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const children = node.children ?? [];
    if (node.type === 'object') {
      const last = new Map<string, number>();
      for (let i = 0; i < children.length; i++) {
        const key = children[i]!.children?.[0];
        if (key) last.set(String(key.value), i);
      }
      if (last.size < children.length) {
        for (let i = 0; i < children.length; i++) {
          const key = children[i]!.children?.[0];
          if (!key || last.get(String(key.value)) === i) continue;
          if (findings.length >= limit) more++;
          else findings.push(duplicateKeyFinding(String(key.value), key, removalSpan(children, i)));
        }
      }
    }
    for (const c of children) {
      const value = node.type === 'object' ? c.children?.[1] : c;
      if (value && isContainer(value)) stack.push(value);
    }
  }
  if (more > 0) findings.more = more;
  return findings;
}

function isContainer(node: Node): boolean {
  return node.type === 'object' || node.type === 'array';
}

function removalSpan(siblings: Node[], i: number): TextSpan {
  const node = siblings[i]!;
  const next = siblings[i + 1];
  if (next) return { offset: node.offset, length: next.offset - node.offset };
  const prev = siblings[i - 1];
  if (prev)
    return { offset: prev.offset + prev.length, length: node.offset + node.length - (prev.offset + prev.length) };
  return { offset: node.offset, length: node.length };
}
