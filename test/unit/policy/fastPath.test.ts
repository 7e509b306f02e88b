// The fast paths (single-pass JSONC stripping + JSON.parse, compiled naming templates) must agree with
// the slow, obviously correct ones on every input: property tests over mutated policy documents.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse, parseTree, type ParseError } from 'jsonc-parser';
import {
  compileNamingTemplate,
  expandNamingTemplate,
  parseNamingTemplate,
} from '../../../src/core/policy/namingTemplate';
import { createSeededRandom } from '../../../src/core/policy/seededRandom';
import { scannerLocator, treeLocator } from '../../../src/core/policy/locator';
import type { JsonPath } from '../../../src/core/policy/finding';
import { scanJsonc, skipString, stripJsonc } from '../../../src/core/policy/textScan';

const SEEDS = [
  '{\n  // c\n  "displayName": "a//b /* c */", /* x */\n  "assignments": [ { "target": { "groupId": "x" } }, ],\n  "n": [1, 2 /* two */ , ],\n}\n',
  '{ "a": "\\"//", "b": [ , ], "c": { , }, "d": "x\\\\", // end\n }',
  '[1, // one\n 2,\r\n /* ] */ ]',
  '{"policies":[{"displayName":"x",},],}',
];
const ALPHABET = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  '\\',
  '/',
  '*',
  '\n',
  '\r',
  ' ',
  'a',
  '1',
  '//',
  '/*',
  '*/',
  ', ]',
  ',}',
  // Comments in a row are blanked as one: what lies between them must still reach JSON.parse.
  '/* a */ /* b */',
  '\t',
  '\u0001',
];

/** A seed with a few random insertions and deletions. */
const mutated = fc
  .tuple(
    fc.constantFrom(...SEEDS),
    fc.array(fc.tuple(fc.nat(), fc.array(fc.constantFrom(...ALPHABET), { maxLength: 3 }), fc.nat(4)), { maxLength: 4 }),
  )
  .map(([seed, edits]) =>
    edits.reduce(
      (t, [at, insert, del]) =>
        t.slice(0, at % (t.length + 1)) + insert.join('') + t.slice((at % (t.length + 1)) + del),
      seed,
    ),
  );

/** The validator's fast path: one scan, then JSON.parse (an unclosed block comment goes to jsonc-parser). */
function strictParse(text: string): { ok: true; value: unknown } | { ok: false } {
  const scan = scanJsonc(text);
  if (scan.unclosedComment) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(scan.strict) as unknown };
  } catch {
    return { ok: false };
  }
}

/** End of the value at `i`, bracket by bracket and string by string: the reference for the bracket index. */
function reference(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 34) return skipString(text, i);
  if (c === 123 || c === 91) {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === 34) j = skipString(text, j) - 1;
      else if (d === 123 || d === 91) depth++;
      else if (d === 125 || d === 93) {
        if (--depth === 0) return j + 1;
      }
    }
    return text.length;
  }
  let j = i;
  while (j < text.length && !/[,}\] \t\r\n]/.test(text[j]!)) j++;
  return j;
}

describe('fast paths agree with the slow paths', () => {
  it('stripJsonc keeps every offset and blanks only comments and trailing commas', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const s = stripJsonc(text);
        if (s === undefined) return;
        assert.equal(s.length, text.length);
        for (let i = 0; i < text.length; i++)
          if (s[i] !== text[i]) assert.ok(s[i] === ' ' && text[i] !== '\n' && text[i] !== '\r', `offset ${i}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('whatever the strict path (stripJsonc + JSON.parse) accepts, jsonc-parser accepts with the same value', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const fast = strictParse(text);
        if (!fast.ok) return;
        const errors: ParseError[] = [];
        const slow = parse(text, errors, { allowTrailingComma: true, disallowComments: false }) as unknown;
        assert.deepEqual(errors, [], JSON.stringify(text));
        assert.deepEqual(fast.value, slow, JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('comments in a row are blanked as one, keeping line breaks, and leave a control character between them to JSON.parse', () => {
    const text = '{ "a": 1 /* x */ \t/* y\n */ // z\n// w\n/* v */ }';
    assert.equal(
      scanJsonc(text).strict,
      `{ "a": 1 ${' '.repeat(13)}\n${' '.repeat(8)}\n${' '.repeat(4)}\n${' '.repeat(7)} }`,
    );
    const control = '{ "a": 1 /* x */\u0001/* y */ }';
    assert.ok(scanJsonc(control).strict.includes('\u0001'));
    assert.equal(strictParse(control).ok, false);
  });

  it('text jsonc-parser accepts without errors takes the strict path', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const errors: ParseError[] = [];
        parse(text, errors, { allowTrailingComma: true, disallowComments: false });
        if (errors.length === 0 && text.trim() !== '') assert.ok(strictParse(text).ok, JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('compileNamingTemplate expands exactly like expandNamingTemplate (same random draws)', () => {
    const pieces = [
      'CPC-',
      '%USERNAME:4%',
      '%RAND:5%',
      '%rand:3%',
      '%RAND%',
      '%FOO:2%',
      '50%',
      '-',
      '%USERNAME:15%',
      '%%',
      'x',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 6 }),
        fc.constantFrom('adele.vance@contoso.com', "o'brien@x", '', 'no-at-sign'),
        fc.nat(),
        (parts, upn, seed) => {
          const template = parts.join('');
          const expand = compileNamingTemplate(template);
          const a = createSeededRandom(seed);
          const b = createSeededRandom(seed);
          assert.equal(expand(upn, a), expandNamingTemplate(template, upn, b));
          assert.equal(a(), b(), 'same number of random draws');
          assert.ok(parseNamingTemplate(template).tokens.length >= 0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('stripJsonc trailing commas', () => {
  it('blanks exactly the commas that the regex /,(?=[ \\t\\r\\n]*[\\]}])/ finds outside strings after a value', () => {
    assert.equal(stripJsonc('[1,\t\r\n ]'), '[1 \t\r\n ]');
    assert.equal(stripJsonc('{"a":1 , }'), '{"a":1   }');
    assert.equal(stripJsonc('[1,,]'), undefined, 'a comma after a comma is an error for JSON.parse, not blanked');
    assert.equal(stripJsonc('["a,]", 1, ]'), '["a,]", 1  ]');
    assert.equal(stripJsonc('[1, 2]'), undefined);
    assert.equal(stripJsonc('[1,'), undefined);
  });
});

describe('scanJsonc bracket index and key colons', () => {
  /** Every path to a value in a parsed document. */
  function pathsOf(value: unknown, path: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
    out.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
    return out;
  }

  it('pairs every bracket of text JSON.parse accepts exactly as a bracket-by-bracket scan does', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const scan = scanJsonc(text);
        if (!strictParse(text).ok) return;
        assert.equal(scan.opens.length, scan.closes.length);
        scan.opens.forEach((open, k) =>
          assert.equal(scan.closes[k]! + 1, reference(scan.strict, open), `${JSON.stringify(text)} at ${open}`),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('the scanner locator places every path where a jsonc-parser tree puts it', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const fast = strictParse(text);
        if (!fast.ok) return;
        const scan = scanJsonc(text);
        const indexed = scannerLocator(scan.strict, scan);
        const scanned = treeLocator(text, parseTree(text, [], { allowTrailingComma: true }));
        for (const p of pathsOf(fast.value)) {
          assert.deepEqual(indexed.value(p), scanned.value(p), `${JSON.stringify(text)} ${JSON.stringify(p)}`);
          assert.deepEqual(indexed.key(p), scanned.key(p));
          assert.deepEqual(indexed.removal(p), scanned.removal(p));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('places a root scalar that a comment touches by the value alone, in both locators', () => {
    // Found by the property above: the tree locator measured "1/*" as the root value.
    for (const text of ['1/* ] */', '1/*\r\n*/', '1//{ ]']) {
      const scan = scanJsonc(text);
      assert.deepEqual(scannerLocator(scan.strict, scan).value([]), { offset: 0, length: 1 }, text);
      assert.deepEqual(
        treeLocator(text, parseTree(text, [], { allowTrailingComma: true })).value([]),
        { offset: 0, length: 1 },
        text,
      );
    }
  });

  it('counts one colon per key, none inside strings or comments', () => {
    assert.equal(scanJsonc('{ "a:b": "c:d", // e:f\n "g": { "h": [1, "i:j"] } /* k: */ }').colons, 3);
    assert.equal(scanJsonc('{ "a": 1, "a": 2 }').colons, 2);
  });
});
