// A 1 MB text of 140,000 members with no commas between them (docs/rules.md "Bounds"): the first 100 syntax
// errors in order, one finding that counts every other one, and the duplicate keys past the cap counted.
import * as assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import { MAX_FINDINGS } from '../../../src/core/policy/findingCap';
import { RULES } from '../../../src/core/policy/ruleCodes';
import { MAX_SYNTAX_FINDINGS } from '../../../src/core/policy/syntaxCheck';
import { validateDocument } from '../../../src/core/policy/validator';

describe('hostile syntax: 140,000 missing commas', () => {
  const text = `{ "displayName": "x" ${'"a": 1 '.repeat(140_000)} }`;
  // Validated in a hook, not at load time: a throw then fails this suite, not the whole run.
  let findings: ReturnType<typeof validateDocument> = [];
  let syntax: typeof findings = [];
  before(() => {
    findings = validateDocument(text);
    syntax = findings.filter((f) => f.code === RULES.syntaxError.code);
  });

  it('shows the first 100 syntax errors where the commas are missing, in order', () => {
    assert.equal(syntax.length, MAX_SYNTAX_FINDINGS + 1);
    const first = text.indexOf('"a"');
    assert.deepEqual(syntax[0]!.range, { offset: first, length: 3 });
    assert.equal(syntax[0]!.message, "A ',' is expected between the two items.");
    assert.deepEqual(
      syntax.slice(0, MAX_SYNTAX_FINDINGS).map((f) => f.range.offset),
      Array.from({ length: MAX_SYNTAX_FINDINGS }, (_, i) => first + i * '"a": 1 '.length),
    );
  });

  it('counts every other syntax error in one finding', () => {
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: true });
    assert.equal(
      syntax[MAX_SYNTAX_FINDINGS]!.message,
      `${errors.length - MAX_SYNTAX_FINDINGS} more syntax errors not shown: fix the ones above first.`,
    );
    assert.ok(errors.length >= 140_000);
  });

  it('reports the repeated key up to the cap and counts the rest', () => {
    assert.equal(findings.length, MAX_FINDINGS + 1);
    assert.equal(findings.filter((f) => f.code === RULES.duplicateKey.code).length, MAX_FINDINGS - syntax.length);
    assert.match(
      findings.find((f) => f.code === RULES.tooManyFindings.code)!.message,
      /^… and more findings: a document reports at most 1000/,
    );
  });
});
