// Hostile shapes (long templates, many tokens, many findings, many keys, deep nesting, long strings):
// findings stay correct and bounded, so the work stays linear in the text. Times are the bench's
// business (test/bench/policyBench.ts), not asserted here.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/policy/finding';
import { MAX_TEMPLATE_PROBLEMS, checkNamingTemplate } from '../../../src/core/policy/namingTemplate';
import { RULES } from '../../../src/core/policy/ruleCodes';
import { MAX_FINDINGS } from '../../../src/core/policy/findingCap';
import { analyzeDocument, validateDocument } from '../../../src/core/policy/validator';
import { ADVERSARIAL_SHAPES } from './adversarialShapes';

const SIZE = 64 * 1024;

function assertWellFormed(text: string, findings: Finding[]): void {
  for (const f of findings) {
    assert.notEqual(f.code, 'CPC100', f.message);
    assert.ok(
      f.range.offset >= 0 && f.range.offset + f.range.length <= text.length,
      `range ${JSON.stringify(f.range)}`,
    );
  }
}

const templateCodes = new Set<string>(
  Object.values(RULES)
    .filter((r) => r.code.startsWith('CPC4'))
    .map((r) => r.code),
);

describe('adversarial documents: findings stay correct and bounded', function () {
  this.timeout(60_000);

  for (const shape of ADVERSARIAL_SHAPES) {
    it(shape.name, () => {
      const text = shape.make(SIZE);
      const findings = validateDocument(text);
      assertWellFormed(text, findings);
      assert.ok(findings.length <= MAX_FINDINGS + 1, `${findings.length} findings`);
      const summary = findings.filter((f) => f.code === RULES.tooManyFindings.code);
      assert.ok(summary.length <= 1);
      if (findings.length > MAX_FINDINGS) assert.equal(summary.length, 1, 'a capped document says so');
      if (shape.name.startsWith('template:')) {
        const own = findings.filter((f) => templateCodes.has(f.code));
        assert.ok(own.length <= MAX_TEMPLATE_PROBLEMS, `${own.length} template findings`);
      }
      if (shape.clean) {
        // The bench's second floor: as many policies, not one finding.
        const clean = shape.clean(SIZE);
        assert.deepEqual(validateDocument(clean), []);
        const count = (t: string): number => (JSON.parse(t) as { policies: unknown[] }).policies.length;
        assert.equal(count(clean), count(text));
      }
    });
  }

  it('"%x%" × 4,000: the first 20 unknown tokens, in order, and the count of the rest', () => {
    const template = '%x%'.repeat(4000);
    const problems = checkNamingTemplate(template, 'dedicated');
    assert.equal(problems.length, MAX_TEMPLATE_PROBLEMS);
    assert.deepEqual(
      problems.map((p) => p.offset),
      Array.from({ length: 20 }, (_, i) => i * 3),
    );
    assert.ok(problems.every((p) => p.code === RULES.unknownToken.code));
    assert.match(problems[19]!.message, /\(… and 3980 more in this template\)$/);
    assert.ok(!problems[18]!.message.includes('more in this template'));
  });

  it('60 KB of "%USERNAME:": at most 20 problems, leftmost first, placed inside the string', () => {
    const template = '%USERNAME:'.repeat(6000);
    const text = `{ "displayName": "x", "cloudPcNamingTemplate": "${template}" }`;
    const start = text.indexOf(template);
    const own = validateDocument(text).filter((f) => templateCodes.has(f.code));
    assert.equal(own.length, MAX_TEMPLATE_PROBLEMS);
    assert.equal(own[0]!.code, RULES.badTokenLength.code);
    assert.deepEqual(own[0]!.range, { offset: start, length: '%USERNAME:%'.length });
    assert.match(own[own.length - 1]!.message, /… and \d+ more in this template/);
  });

  it('problems of different kinds interleave by position before the cap', () => {
    // Each unit: a bad character run, then an unknown token, then a too-short %RAND%.
    const problems = checkNamingTemplate('a_%x%%RAND:1%'.repeat(30), 'dedicated');
    assert.equal(problems.length, MAX_TEMPLATE_PROBLEMS);
    const offsets = problems.map((p) => p.offset);
    assert.deepEqual(
      offsets,
      [...offsets].sort((a, b) => a - b),
    );
    assert.deepEqual(
      problems.slice(0, 3).map((p) => p.code),
      [RULES.literalChars.code, RULES.unknownToken.code, RULES.randTooShort.code],
    );
  });

  it('a short template still gets every problem and its fixes', () => {
    const text = '{ "displayName": "x", "cloudPcNamingTemplate": "a_%x%%rand:1%" }';
    const own = validateDocument(text).filter((f) => templateCodes.has(f.code));
    assert.ok(own.length >= 3 && own.length < MAX_TEMPLATE_PROBLEMS);
    assert.ok(own.some((f) => (f.fixes ?? []).length > 0));
    assert.ok(!own.some((f) => f.message.includes('more in this template')));
  });

  it("a fleet with more than 1000 findings keeps the first policies' findings and counts the rest with their worst severity", () => {
    const policy =
      '{"displayName":"x<y","domainJoinConfigurations":[{"domainJoinType":"azureADJoin","regionName":"automatic"}]}';
    const text = `{ "policies": [${Array(1500).fill(policy).join(',')}] }`;
    const findings = validateDocument(text);
    assert.equal(findings.length, MAX_FINDINGS + 1);
    const summary = findings[0]!;
    assert.equal(summary.code, RULES.tooManyFindings.code);
    assert.equal(summary.severity, 'error');
    assert.match(
      summary.message,
      /… and more findings: a document reports at most 1000; the last 499 policies were not checked/,
    );
    const lastPlaced = findings[findings.length - 1]!;
    assert.ok(
      lastPlaced.range.offset < text.length * (1000 / 1500) + policy.length,
      "the kept findings are the first policies'",
    );
  });

  it('a fleet of warnings only is checked to its end: the count is exact and the verdict stays a warning', () => {
    const policy =
      '{"displayName":"x","provisioningType":"dedicated","domainJoinConfigurations":[{"domainJoinType":"azureADJoin","regionName":"automatic"}],"cloudPcNamingTemplate":"CPC-%username:4%-%RAND:5%"}';
    const text = `{ "policies": [${Array(1500).fill(policy).join(',')}] }`;
    const findings = validateDocument(text);
    const summary = findings.find((f) => f.code === RULES.tooManyFindings.code);
    assert.ok(summary, 'capped');
    assert.equal(summary.severity, 'warning');
    assert.match(summary.message, /… and 500 more findings: a document reports at most 1000\. /);
    assert.ok(!findings.some((f) => f.severity === 'error'));
  });

  it('past the cap a fleet of warnings still counts an error at its end, and the verdict is an error', () => {
    const policy =
      '{"displayName":"x","provisioningType":"dedicated","domainJoinConfigurations":[{"domainJoinType":"azureADJoin","regionName":"automatic"}],"cloudPcNamingTemplate":"CPC-%username:4%-%RAND:5%"}';
    // A policy whose name is a number: a type error and CPC324 (no network); an item that is not a policy: one error.
    for (const [last, more] of [
      ['{"displayName": 5}', 502],
      ['7', 501],
    ] as const) {
      const findings = validateDocument(`{ "policies": [${Array(1500).fill(policy).join(',')}, ${last}] }`);
      const summary = findings.find((f) => f.code === RULES.tooManyFindings.code)!;
      assert.equal(summary.severity, 'error', last);
      assert.ok(summary.message.startsWith(`… and ${more} more findings: a document reports at most 1000. `), last);
    }
  });

  it('a 1 MB object of 140,000 repeated keys with syntax errors gets capped findings, not an internal error', () => {
    // The error-tolerant path once spread every duplicate-key finding into one call: past ~100,000 the stack overflowed (CPC100).
    const text = `{ "displayName": "x" ${'"a": 1 '.repeat(140_000)} }`;
    const findings = validateDocument(text);
    assertWellFormed(text, findings);
    assert.equal(findings.length, MAX_FINDINGS + 1);
    assert.ok(findings.some((f) => f.code === RULES.duplicateKey.code));
    assert.ok(findings.some((f) => f.code === RULES.syntaxError.code));
  });

  it("a fleet whose every policy has errors reports its first policies' schema errors and says the rest were not checked", () => {
    const text = `{ "policies": [${Array(3000).fill('{"displayName": 5}').join(',')}] }`;
    const findings = validateDocument(text);
    assert.equal(findings.length, MAX_FINDINGS + 1);
    const summary = findings.find((f) => f.code === RULES.tooManyFindings.code)!;
    assert.equal(summary.severity, 'error');
    assert.match(summary.message, /the last \d+ policies were not checked/);
    const wrongType = findings.filter((f) => f.code === RULES.wrongType.code);
    assert.ok(wrongType.length > 0);
    assert.ok(
      wrongType.every((f) => f.range.offset < text.length / 2),
      "the kept findings are the first policies'",
    );
  });

  it('per-policy findings of a big fleet with syntax-level findings are attributed by position', () => {
    const policy = (i: number): string =>
      `{"displayName":"p${i}","displayName":"q${i}","domainJoinConfigurations":[{"domainJoinType":"azureADJoin","regionName":"automatic"}]}`;
    const text = `{ "policies": [${Array.from({ length: 300 }, (_, i) => policy(i)).join(',')}] }`;
    const analysis = analyzeDocument(text);
    assert.equal(analysis.policies.length, 300);
    for (const [i, p] of analysis.policies.entries()) {
      const dup = p.findings.filter((f) => f.code === RULES.duplicateKey.code);
      assert.equal(dup.length, 1, `policy ${i}`);
      assert.ok(
        text.slice(dup[0]!.range.offset).startsWith(`"displayName":"p${i}"`) ||
          text.slice(dup[0]!.range.offset).startsWith('"displayName"'),
        `policy ${i}`,
      );
    }
  });
});
