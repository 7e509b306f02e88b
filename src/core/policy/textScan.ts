// Cheap scans over raw text that decide which validation path to take (docs/architecture.md "The policy engine": parsing is the cost).

/** Deeper than any policy needs (a policy is ≤ 5 levels); guards recursive parsers against stack overflow. */
export const MAX_NESTING = 64;

/** What one pass over JSONC text finds; enough to JSON.parse it and to place findings without a tree. */
export interface JsoncScan {
  /** The text with comments and trailing commas blanked (every offset and line break kept). */
  strict: string;
  /** Whether anything was blanked (`strict` is then a new string). */
  changed: boolean;
  /** `:` outside strings: one per key when JSON.parse accepts `strict` (duplicate keys make it exceed the parsed key count). */
  colons: number;
  /** Offsets of every `{` and `[` outside strings, ascending (typed: a fleet of 300,000 policies has 600,000). */
  opens: Int32Array;
  /** For each entry of `opens`, the offset of its matching close, or -1 when it is never closed. */
  closes: Int32Array;
  /** Every bracket outside strings is closed by its own kind and nothing closes what was never opened. */
  balanced: boolean;
  /** A block comment runs to the end of the text: JSON.parse would accept the blanked text, jsonc-parser reports it. */
  unclosedComment: boolean;
}

/**
 * One pass (parsing is the cost): blanks comments and trailing commas, counts key colons and
 * pairs brackets. String bodies are skipped with indexOf. The result is only trusted when JSON.parse
 * accepts `strict` afterwards; text that is not JSON (an unclosed string, a stray '/') simply fails there
 * and takes the jsonc-parser path, so the scan can never make invalid text pass.
 */
export function scanJsonc(text: string): JsoncScan {
  const n = text.length;
  const brackets = new Brackets();
  const stack: number[] = [];
  let blanks: number[] | undefined;
  let colons = 0;
  // The last comma that follows a value: blanked if the next token closes its container.
  let pendingComma = -1;
  // Whether the previous token ends a value (a string, number, literal or close), i.e. a comma may follow.
  let afterValue = false;
  let balanced = true;
  let unclosedComment = false;
  const hasCr = text.indexOf('\r') >= 0;
  // Only spaces or tabs since the last comment: the next one extends its blank, tabs and all (125,000 comments in a row are one).
  let afterComment = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // Whitespace, and control characters that JSON.parse rejects afterwards anyway: one test, not four.
    if (c <= 32) {
      // Comments are blanked as one across spaces and tabs only: a line break keeps each line comment's blank
      // free of line breaks (blankOf), and a control character stays for JSON.parse to reject.
      if (c !== 32 && c !== 9) afterComment = false;
      continue;
    }
    if (c === 47) {
      const end = commentEnd(text, i, hasCr);
      if (end !== i) {
        if (end === n && text.charCodeAt(i + 1) === 42 && text.indexOf('*/', i + 2) < 0) unclosedComment = true;
        if (afterComment) blanks![blanks!.length - 1] = end;
        else (blanks ??= []).push(i, end);
        afterComment = true;
        i = end - 1;
        continue;
      }
    }
    afterComment = false;
    if (c === 125 || c === 93) {
      if (pendingComma >= 0) (blanks ??= []).push(pendingComma, pendingComma + 1);
      const open = stack.pop();
      if (open === undefined) balanced = false;
      else {
        brackets.closes[open] = i;
        // '{' (123) pairs with '}' (125), '[' (91) with ']' (93).
        if (text.charCodeAt(brackets.opens[open]!) + 2 !== c) balanced = false;
      }
      afterValue = true;
    } else if (c === 44) {
      pendingComma = afterValue ? i : -1;
      afterValue = false;
      continue;
    } else if (c === 34) {
      i = skipString(text, i) - 1;
      afterValue = true;
    } else if (c === 123 || c === 91) {
      stack.push(brackets.open(i));
      afterValue = false;
    } else if (c === 58) {
      colons++;
      afterValue = false;
    } else {
      afterValue = true;
    }
    pendingComma = -1;
  }
  if (stack.length > 0) balanced = false;
  const opens = brackets.opens.subarray(0, brackets.count);
  const closes = brackets.closes.subarray(0, brackets.count);
  if (!blanks) return { strict: text, changed: false, colons, opens, closes, balanced, unclosedComment };
  return {
    strict: blankRanges(text, sortedPairs(blanks)),
    changed: true,
    colons,
    opens,
    closes,
    balanced,
    unclosedComment,
  };
}

/** Bracket offsets in typed arrays that double when full: half the scan of a bracket-heavy text, next to growing plain arrays. */
class Brackets {
  opens: Int32Array<ArrayBuffer> = new Int32Array(64);
  closes: Int32Array<ArrayBuffer> = new Int32Array(64);
  count = 0;

  /** Records an open bracket at `offset`, not closed yet; returns its index. */
  open(offset: number): number {
    if (this.count === this.opens.length) {
      this.opens = grown(this.opens);
      this.closes = grown(this.closes);
    }
    this.opens[this.count] = offset;
    this.closes[this.count] = -1;
    return this.count++;
  }
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Comments are found in order; a trailing comma is pushed when its close is seen, after any comment before it. */
function sortedPairs(blanks: number[]): number[] {
  for (let k = 2; k < blanks.length; k += 2) {
    if (blanks[k]! < blanks[k - 2]!) {
      const pairs: [number, number][] = [];
      for (let j = 0; j < blanks.length; j += 2) pairs.push([blanks[j]!, blanks[j + 1]!]);
      return pairs.sort((a, b) => a[0] - b[0]).flat();
    }
  }
  return blanks;
}

/** `+=` builds a rope that JSON.parse flattens once; Array.join flattened it too and cost ~1.5× more (1 MB fleet). */
function blankRanges(text: string, blanks: number[]): string {
  let out = '';
  let copied = 0;
  for (let k = 0; k < blanks.length; k += 2) {
    const from = blanks[k]!;
    const to = blanks[k + 1]!;
    out += text.slice(copied, from) + blankOf(text, from, to);
    copied = to;
  }
  return out + text.slice(copied);
}

/** Comments and trailing commas blanked (offsets kept); undefined when the text has neither. */
export function stripJsonc(text: string): string | undefined {
  const scan = scanJsonc(text);
  return scan.changed ? scan.strict : undefined;
}

/** End of the comment starting at `i`, or `i` when there is none; an unclosed block comment runs to the end (scanJsonc flags it). */
function commentEnd(text: string, i: number, hasCr: boolean): number {
  const d = text.charCodeAt(i + 1);
  if (d === 47) {
    const lf = text.indexOf('\n', i + 2);
    const end = lf < 0 ? text.length : lf;
    // A CR also ends a line comment; only texts that have one pay for looking.
    return hasCr ? firstCr(text, i + 2, end) : end;
  }
  if (d === 42) {
    const close = text.indexOf('*/', i + 2);
    return close < 0 ? text.length : close + 2;
  }
  return i;
}

const SPACES = ' '.repeat(128);

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

function firstCr(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 13) return k;
  return to;
}

/** Spaces for the range; only a block comment can hold line breaks, and those are kept so lines do not move. */
function blankOf(text: string, from: number, to: number): string {
  const length = to - from;
  if (text.charCodeAt(from + 1) === 42 && hasLineBreak(text, from, to))
    return text.slice(from, to).replace(/[^\r\n]/g, ' ');
  return length <= SPACES.length ? SPACES.slice(0, length) : ' '.repeat(length);
}

/** Offset just past the string that starts at `start` (a `"`), or the text end when unterminated. */
export function skipString(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return text.length;
    let backslashes = 0;
    for (let j = q - 1; j > start && text.charCodeAt(j) === 92; j--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    i = q + 1;
  }
}

/** Offset of the first bracket that nests deeper than `limit`, outside strings; -1 when none. */
export function findExcessNesting(text: string, limit = MAX_NESTING): number {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) i = skipString(text, i) - 1;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

/** First control character other than tab/CR/LF (binary content), or -1. */
export function findControlCharacter(text: string): number {
  const m = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.exec(text);
  return m ? m.index : -1;
}
