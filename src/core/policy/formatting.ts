// Document formatting: jsonc-parser's formatter, which keeps comments.
import { format } from 'jsonc-parser';
import type { TextEdit, TextSpan } from './finding';

export interface FormatOptions {
  tabSize: number;
  insertSpaces: boolean;
}

/** Edits that format the document (or only `range`), keeping comments and the file's line ending. */
export function formatDocument(text: string, options: FormatOptions, range?: TextSpan): TextEdit[] {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return format(text, range, {
    tabSize: options.tabSize,
    insertSpaces: options.insertSpaces,
    eol,
    insertFinalNewline: range === undefined,
    keepLines: false,
  }).map((e) => ({ offset: e.offset, length: e.length, newText: e.content }));
}
