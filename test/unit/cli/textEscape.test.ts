// CLI text output is one finding per line and reads as written: control characters, line separators and
// the Unicode bidirectional controls (Unicode Annex 9, UAX9: U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C)
// are escaped, so a file name cannot break a line or show its text in another order (the "Trojan Source" trick).
import * as assert from 'node:assert/strict';
import { escapeControl } from '../../../src/cli/textEscape';

describe('CLI text escaping', () => {
  it('escapes the bidi controls as \\uXXXX and leaves other text alone', () => {
    for (const c of [
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200e',
      '\u200f',
      '\u061c',
    ])
      assert.equal(escapeControl(`a${c}b`), `a\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}b`);
    assert.equal(escapeControl('Contoso – Büro ✓'), 'Contoso – Büro ✓');
    assert.equal(escapeControl('a\nb'), 'a\\nb');
  });
});
