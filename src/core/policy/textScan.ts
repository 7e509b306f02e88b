// Cheap scans over raw text that decide which validation path to take (design.md: parsing is the cost).

/** Deeper than any policy needs (a policy is ≤ 5 levels); guards recursive parsers against stack overflow. */
export const MAX_NESTING = 64;

/**
 * Replaces comments and trailing commas with spaces, keeping every offset. Returns undefined when the
 * text has neither. Only candidates are visited (`/` followed by `/` or `*`; a `,` before `]` or `}`,
 * found natively); whether a candidate sits inside a string is decided by scanning quotes from the
 * start of its line, since a valid JSON string never spans lines (text that breaks this fails JSON.parse
 * afterwards and takes the jsonc-parser path, so the shortcut can never accept invalid text).
 */
export function stripJsonc(text: string): string | undefined {
  const afterComments = blankComments(text);
  const base = afterComments ?? text;
  const result = blankTrailingCommas(base);
  return result ?? afterComments;
}

/** Tracks "inside a string?" while moving forward through candidates, restarting at each new line. */
class StringState {
  private pos = 0;
  private inside = false;

  constructor(private readonly text: string) {}

  /** Moves to `offset` (never backwards) and says whether it is inside a string. */
  insideAt(offset: number): boolean {
    const text = this.text;
    // Look back only as far as the last position: each character is looked at once over all calls.
    let i = offset - 1;
    while (i >= this.pos) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) break;
      i--;
    }
    if (i >= this.pos) {
      this.pos = i + 1;
      this.inside = false;
    }
    for (let q = text.indexOf('"', this.pos); q >= 0 && q < offset; q = text.indexOf('"', q + 1)) {
      if (!this.inside) this.inside = true;
      else if (!escaped(text, q)) this.inside = false;
    }
    this.pos = offset;
    return this.inside;
  }

  /** Continue after a region known to be outside strings (a comment). */
  resumeAt(offset: number): void {
    this.pos = offset;
    this.inside = false;
  }
}

function escaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let j = quote - 1; j >= 0 && text.charCodeAt(j) === 92; j--) backslashes++;
  return backslashes % 2 === 1;
}

function blankComments(text: string): string | undefined {
  let parts: string[] | undefined;
  let copied = 0;
  const state = new StringState(text);
  for (let slash = text.indexOf('/'); slash >= 0; ) {
    const end = commentEnd(text, slash);
    if (end === slash || state.insideAt(slash)) {
      slash = text.indexOf('/', slash + 1);
      continue;
    }
    parts ??= [];
    parts.push(text.slice(copied, slash), blankOf(text, slash, end));
    copied = end;
    state.resumeAt(end);
    slash = text.indexOf('/', end);
  }
  if (!parts) return undefined;
  parts.push(text.slice(copied));
  return parts.join('');
}

/** A trailing comma must follow a value; `[ , ]` or `{ "a": , }` stay errors for JSON.parse to reject. */
function afterValue(text: string, comma: number): boolean {
  let i = comma - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return c !== 44 && c !== 91 && c !== 123 && c !== 58;
    i--;
  }
  return false;
}

/** Whether the comma at `comma` is followed by whitespace only and then `]` or `}`. */
function beforeClose(text: string, comma: number): boolean {
  for (let i = comma + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return c === 93 || c === 125;
  }
  return false;
}

function blankTrailingCommas(text: string): string | undefined {
  let parts: string[] | undefined;
  let copied = 0;
  const state = new StringState(text);
  // indexOf + a look at the next characters: the regex /,(?=[ \t\r\n]*[\]}])/g it replaces was ~13% of a typical validation.
  for (let comma = text.indexOf(','); comma >= 0; comma = text.indexOf(',', comma + 1)) {
    if (!beforeClose(text, comma) || !afterValue(text, comma) || state.insideAt(comma)) continue;
    parts ??= [];
    parts.push(text.slice(copied, comma), ' ');
    copied = comma + 1;
  }
  if (!parts) return undefined;
  parts.push(text.slice(copied));
  return parts.join('');
}

/** End of the comment starting at `i`, or `i` when there is none. */
function commentEnd(text: string, i: number): number {
  const d = text.charCodeAt(i + 1);
  if (d === 47) {
    let end = i + 2;
    while (end < text.length) {
      const e = text.charCodeAt(end);
      if (e === 10 || e === 13) break;
      end++;
    }
    return end;
  }
  if (d === 42) {
    const close = text.indexOf('*/', i + 2);
    return close < 0 ? text.length : close + 2;
  }
  return i;
}

function blankOf(text: string, from: number, to: number): string {
  const s = text.slice(from, to);
  return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? ' '.repeat(s.length) : s.replace(/[^\r\n]/g, ' ');
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

/** Number of `:` in the text: with the colons inside parsed strings it detects duplicate keys (see validator). */
export function countChar(text: string, ch: string): number {
  let count = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) count++;
  return count;
}

/** First control character other than tab/CR/LF (binary content), or -1. */
export function findControlCharacter(text: string): number {
  const m = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.exec(text);
  return m ? m.index : -1;
}
