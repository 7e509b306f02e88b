// Document formatting: jsonc-parser's formatter, which keeps comments. Bounded by the validator's own limits
// (docs/rules.md "Bounds"): past them the formatter's work and output grow with depth × size (10 KB nested
// 5,000 deep took 890 MB), so such a document gets no edits and a message instead.
import { format } from 'jsonc-parser';
import type { TextEdit, TextSpan } from './finding';
import { MAX_NESTING, findExcessNesting } from './textScan';

export interface FormatOptions {
  tabSize: number;
  insertSpaces: boolean;
}

/** Larger than any policy or fleet export (a fleet of 750 policies is about 1 MB): not formatted. */
export const MAX_FORMAT_BYTES = 4 * 1024 * 1024;

/** Why the document is not formatted, or undefined when it is within the bounds. */
export function formatRefusal(text: string): string | undefined {
  if (text.length > MAX_FORMAT_BYTES)
    return `Not formatted: the document is larger than ${MAX_FORMAT_BYTES / 1024 / 1024} MB.`;
  if (findExcessNesting(text) >= 0)
    return `Not formatted: the document nests deeper than ${MAX_NESTING} levels (a policy nests 5 deep; CPC105).`;
  return undefined;
}

/** Edits that format the document (or only `range`), keeping comments and the file's line ending. */
export function formatDocument(text: string, options: FormatOptions, range?: TextSpan): TextEdit[] {
  if (formatRefusal(text) !== undefined) return [];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return format(text, range, {
    tabSize: Math.min(Math.max(1, options.tabSize), 16),
    insertSpaces: options.insertSpaces,
    eol,
    insertFinalNewline: range === undefined,
    keepLines: false,
  }).map((e) => ({ offset: e.offset, length: e.length, newText: e.content }));
}
