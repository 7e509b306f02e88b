// Text output is one finding per line: a file name or message must not break a line (a newline in a file
// name could forge a second finding or a CI annotation such as `::error`), so control characters are escaped.

// The bidi controls (Unicode Annex 9, UAX9) too: they would show a line in another order than it is.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
