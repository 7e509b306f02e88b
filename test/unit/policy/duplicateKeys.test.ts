// Duplicate keys (docs/rules.md CPC104) found by walking strict JSON text must be the ones jsonc-parser's
// tree gives: same keys, ranges, messages and fixes, and the same first ones when a limit cuts them.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTree } from 'jsonc-parser';
import { scannedDuplicateKeyFindings } from '../../../src/core/policy/duplicateKeys';
import { MAX_FINDINGS } from '../../../src/core/policy/findingCap';
import { scannerLocator } from '../../../src/core/policy/locator';
import { RULES } from '../../../src/core/policy/ruleCodes';
import { duplicateKeyFindings } from '../../../src/core/policy/syntaxCheck';
import { scanJsonc } from '../../../src/core/policy/textScan';
import { validateDocument } from '../../../src/core/policy/validator';

/** JSON text from a few keys (so they repeat), nested objects and lists, with comments and trailing commas. */
const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('1', '"s"', 'null', '"a\\"b"'),
    fc
      .array(fc.tuple(fc.constantFrom('"a"', '"b"', '"c"', '"\\u0061"', '"d:e"'), tie('value')), { maxLength: 6 })
      .chain((members) =>
        fc
          .constantFrom('', ',', ' /* c */')
          .map((tail) => `{${members.map(([k, v]) => `${k}: ${v}`).join(', ')}${members.length > 0 ? tail : ''}}`),
      ),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
  ),
})).value;

function scanned(text: string, limit?: number): ReturnType<typeof scannedDuplicateKeyFindings> {
  const scan = scanJsonc(text);
  return scannedDuplicateKeyFindings(scannerLocator(scan.strict, scan), limit);
}

describe('duplicate keys without a tree', () => {
  it("agree with jsonc-parser's tree on every object, with and without a limit", () => {
    fc.assert(
      fc.property(jsonText, fc.nat(4), (text, limit) => {
        const tree = parseTree(text, [], { allowTrailingComma: true });
        assert.deepEqual(scanned(text), duplicateKeyFindings(tree), text);
        const cut = scanned(text, limit);
        const reference = duplicateKeyFindings(tree, limit);
        assert.deepEqual([...cut], [...reference], text);
        assert.equal(cut.more, reference.more, text);
      }),
      { numRuns: 2000 },
    );
  });

  it("a key repeated 50,000 times: the first 1000 warnings in order, the rest counted with the policy's own findings", () => {
    const text = `{ ${Array.from({ length: 50_000 }, (_, i) => `"displayName": "n${i}"`).join(', ')} }`;
    const findings = validateDocument(text);
    const duplicates = findings.filter((f) => f.code === RULES.duplicateKey.code);
    assert.equal(duplicates.length, MAX_FINDINGS);
    assert.deepEqual(duplicates[0]!.range, { offset: 2, length: '"displayName"'.length });
    assert.deepEqual(duplicates[0]!.fixes![0]!.edits[0], {
      offset: 2,
      length: '"displayName": "n0", '.length,
      newText: '',
    });
    assert.equal(duplicates[999]!.range.offset, text.indexOf('"displayName": "n999"'));
    const summary = findings.find((f) => f.code === RULES.tooManyFindings.code);
    assert.match(summary!.message, /… and 49000 more findings/);
    assert.equal(summary!.severity, 'warning');
  });
});
