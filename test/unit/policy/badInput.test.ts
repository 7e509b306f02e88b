// Any text gives findings, never an exception; ranges stay inside the text; same text, same findings.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../../src/core/policy/finding';
import { validateDocument } from '../../../src/core/policy/validator';
import { getCompletions } from '../../../src/core/policy/completion';
import { getHover } from '../../../src/core/policy/hover';
import { getDocumentSymbols } from '../../../src/core/policy/documentSymbols';
import { getNamePreviews } from '../../../src/core/policy/namePreview';
import { applyEdits } from './policyTestKit';

const samplesDir = path.resolve(__dirname, '../../../samples');
const SAMPLES = [
  ...readdirSync(samplesDir),
  ...readdirSync(path.join(samplesDir, 'invalid')).map((f) => `invalid/${f}`),
]
  .filter((f) => f.endsWith('.cpcpolicy.json'))
  .map((f) => readFileSync(path.join(samplesDir, f), 'utf8'));

function assertWellFormed(text: string, findings: Finding[]): void {
  for (const f of findings) {
    assert.notEqual(f.code, 'CPC100', `internal error: ${f.message}`);
    assert.ok(
      f.range.offset >= 0 && f.range.length >= 0 && f.range.offset + f.range.length <= text.length,
      `range ${JSON.stringify(f.range)} outside ${text.length}`,
    );
    for (const fix of f.fixes ?? [])
      for (const e of fix.edits)
        assert.ok(e.offset >= 0 && e.offset + e.length <= text.length, 'fix edit inside the text');
  }
}

function check(text: string): Finding[] {
  const a = validateDocument(text);
  assertWellFormed(text, a);
  assert.deepEqual(validateDocument(text), a, 'same text, same findings');
  return a;
}

describe('bad input never throws', () => {
  const cases: Record<string, string> = {
    empty: '',
    whitespace: ' \n\t ',
    bom: '\uFEFF{ "displayName": "x", "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic" }] }',
    'bom only': '\uFEFF',
    binary: String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 7919) % 256)),
    'replacement chars': '{ "displayName": "\uFFFD\uFFFD" }',
    'nested arrays 10,000': '['.repeat(10_000) + ']'.repeat(10_000),
    'nested objects 10,000': '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
    'deep inside a policy': '{ "displayName": "x", "description": ' + '['.repeat(5000) + ']'.repeat(5000) + ' }',
    'numbers where strings belong':
      '{ "displayName": 1, "description": 2, "imageId": 3, "cloudPcNamingTemplate": 4, "domainJoinConfigurations": [{ "domainJoinType": 5, "regionName": 6, "onPremisesConnectionId": 7 }], "assignments": [{ "target": { "groupId": 8, "servicePlanId": 9 } }] }',
    'null everywhere':
      '{ "displayName": null, "description": null, "provisioningType": null, "userExperienceType": null, "imageId": null, "imageType": null, "cloudPcNamingTemplate": null, "domainJoinConfigurations": [null, { "domainJoinType": null, "regionName": null }], "windowsSetting": null, "windowsSettings": { "language": null }, "microsoftManagedDesktop": { "type": null }, "assignments": [null, { "target": null }, { "target": { "groupId": null } }], "policies": null }',
    'policies of junk': '{ "policies": [1, "a", null, [], {}, { "displayName": "x" }] }',
    'policies not a list': '{ "policies": { "displayName": "x" } }',
    'proto keys': '{ "__proto__": { "displayName": "x" }, "constructor": 1, "displayName": "y" }',
    'escaped keys and template': '{ "display\\u004eame": "x", "cloudPcNamingTemplate": "C\\u0050C-%RAND:4%" }',
    'unterminated string': '{ "displayName": "x',
    'unterminated comment': '{ "displayName": "x" /* never closed',
    'lone surrogates': '{ "displayName": "\uD800\uDC00\uD800" }',
    'huge number': '{ "displayName": "x", "gracePeriodInHours": 1e400 }',
    'string root': '"just a string"',
    'two roots': '{} {}',
    CRLF: '{\r\n  "displayName": "a<b"\r\n}\r\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      const findings = check(text);
      if (name !== 'bom') assert.ok(findings.length > 0 || name === 'proto keys', `expected findings for ${name}`);
    });
  }

  it('a 10 MB fleet file gets well-formed findings (ranges inside the text, no crash)', function () {
    this.timeout(30_000);
    const one = SAMPLES[0]!.replace(/\/\/[^\n]*/g, '');
    const parts: string[] = [];
    let size = 0;
    while (size < 10_000_000) {
      parts.push(one);
      size += one.length;
    }
    const text = `{ "policies": [${parts.join(',')}] }`;
    const findings = validateDocument(text);
    assertWellFormed(text, findings);
  });

  it('editor features survive the same inputs', () => {
    for (const text of Object.values(cases)) {
      for (const offset of [0, Math.floor(text.length / 2), text.length]) {
        getCompletions(text, offset);
        getHover(text, offset);
      }
      getDocumentSymbols(text);
      getNamePreviews(text, [], 1);
    }
  });
});

describe('property-based: random and mutated documents', () => {
  it('random strings from a JSON-ish alphabet', () => {
    const alphabet = fc.constantFrom(
      ...'{}[]":,\\/*\n 0123456789-.etrufalsn%RANDUSERNAME_<>&|^'.split(''),
      '"displayName"',
      '"policies"',
      '"cloudPcNamingTemplate"',
      '"assignments"',
      '"target"',
      '"groupId"',
      '"provisioningType"',
      '"domainJoinConfigurations"',
      '//',
      '/*',
      '*/',
      'null',
      'true',
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')),
        (text) => void check(text),
      ),
      { numRuns: 1000, seed: 365 },
    );
  });

  it('samples with random edits (insert, delete, replace)', () => {
    const edit = fc.record({
      sample: fc.nat(SAMPLES.length - 1),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      del: fc.nat(12),
      insert: fc.string({ maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = SAMPLES[edits[0]!.sample]!;
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(at + e.del);
        }
        check(text);
      }),
      { numRuns: 800, seed: 42 },
    );
  });

  it('random JSON values shaped like policies', () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        tie('obj'),
        fc.array(tie('any'), { maxLength: 3 }),
      ),
      obj: fc.dictionary(
        fc.constantFrom(
          'displayName',
          'provisioningType',
          'userExperienceType',
          'imageId',
          'imageType',
          'cloudPcNamingTemplate',
          'domainJoinConfigurations',
          'domainJoinType',
          'regionName',
          'onPremisesConnectionId',
          'assignments',
          'target',
          'groupId',
          'servicePlanId',
          'windowsSettings',
          'language',
          'type',
          'x',
        ),
        tie('any'),
        { maxKeys: 5 },
      ),
    }));
    fc.assert(
      fc.property(value.obj, fc.boolean(), (v, pretty) => void check(JSON.stringify(v, null, pretty ? 2 : 0))),
      { numRuns: 600, seed: 7 },
    );
  });

  it('applying any offered fix keeps the text parseable when it was', () => {
    for (const text of SAMPLES) {
      for (const f of validateDocument(text)) {
        for (const fix of f.fixes ?? []) {
          const fixed = applyEdits(text, fix.edits);
          const before = validateDocument(text).filter((x) => x.code === 'CPC101').length;
          const after = validateDocument(fixed).filter((x) => x.code === 'CPC101').length;
          assert.ok(after <= before, `${f.code} '${fix.title}' broke syntax:\n${fixed}`);
        }
      }
    }
  });
});
