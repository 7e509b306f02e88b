import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse, type ParseError } from 'jsonc-parser';
import { LineIndex } from '../../../src/core/policy/lineIndex';
import { analyzeDocument, validateDocument } from '../../../src/core/policy/validator';
import { stripJsonc } from '../../../src/core/policy/textScan';
import { codes, findingOf, policy, rangeText } from './policyTestKit';

describe('validator', () => {
  it('gives the same findings for JSONC and for the same text as strict JSON (fast and slow paths agree)', () => {
    const jsonc =
      '{\n  // comment\n  "displayName": "a<b", /* block */\n  "provisioningType": "dedicate",\n  "assignments": [ { "target": { "groupId": "x" } }, ],\n}\n';
    const strict = stripJsonc(jsonc)!;
    assert.equal(strict.length, jsonc.length);
    const strip = (t: string) => validateDocument(t).map((f) => [f.code, f.range.offset, f.range.length]);
    assert.deepEqual(strip(jsonc), strip(strict));
    // and with a syntax error elsewhere (slow path) the same schema/domain findings appear
    const broken = jsonc.replace('// comment', '"bad" "x",');
    const slow = validateDocument(broken)
      .filter((f) => f.code !== 'CPC101' && f.code !== 'CPC202')
      .map((f) => f.code);
    assert.deepEqual(
      slow,
      validateDocument(jsonc).map((f) => f.code),
    );
  });

  it('keeps offsets of the editor text when a BOM is present', () => {
    const text = '\uFEFF{ "displayName": "a<b", "domainJoinConfigurations": [] }';
    assert.equal(rangeText(text, findingOf(text, 'CPC307')), '"a<b"');
  });

  it('partial (PATCH bodies): no required-property rules, no couplings to absent provisioningType', () => {
    const patch =
      '{ "description": "new", "userSettingsPersistenceConfiguration": { "userSettingsPersistenceEnabled": true } }';
    assert.deepEqual(codes(patch, { partial: true }), []);
    assert.ok(codes(patch).includes('CPC308') && codes(patch).includes('CPC302'));
    assert.deepEqual(codes('{ "displayName": "x<" }', { partial: true }), ['CPC307']);
  });

  it('finds duplicate keys in strict JSON too (colon count), and not in strings with colons', () => {
    assert.ok(codes(policy('"description": "a"', '"description": "b"')).includes('CPC104'));
    assert.ok(!codes(policy('"description": "a: b: c"', '"cloudPcNamingTemplate": "X-%RAND:5%"')).includes('CPC104'));
    assert.ok(
      !codes(policy('"description": "\\u003a"')).includes('CPC104'),
      'escaped colon falls back to the tree without a false finding',
    );
  });

  it('analyzeDocument returns the value and each policy with its findings', () => {
    const text = readFileSync(
      path.resolve(__dirname, '../../../samples/invalid/image-id-does-not-match-image-type.cpcpolicy.json'),
      'utf8',
    );
    const a = analyzeDocument(text);
    assert.equal(a.policies.length, 3);
    assert.deepEqual(
      a.policies.map((p) => p.path),
      [
        ['policies', 0],
        ['policies', 1],
        ['policies', 2],
      ],
    );
    assert.deepEqual(
      a.policies.map((p) => p.findings.map((f) => f.code)),
      [['CPC303'], ['CPC303'], ['CPC304']],
    );
    assert.equal(a.policies[1]!.value['displayName'], 'GUID with imageType gallery');
  });

  it('findings are sorted by position', () => {
    const f = validateDocument('{ "provisioningType": "x", "displayName": "<", "imageTyp": 1 }');
    const offsets = f.map((x) => x.range.offset);
    assert.deepEqual(
      offsets,
      [...offsets].sort((a, b) => a - b),
    );
  });

  it('names the object an unknown property sits in: the policy of a fleet, the item of a list', () => {
    const fleet = '{ "policies": [ { "displayName": "a" }, { "displayName": "b", "imageTyp": "gallery" } ] }';
    assert.match(
      findingOf(fleet, 'CPC202').message,
      /^Unknown property 'imageTyp' in policy 1 \(a Cloud PC provisioning policy\): did you mean 'imageType'\?$/,
    );
    const item = policy('"assignments": [ { "target": { "groupId": "x" }, "targett": 1 } ]');
    assert.match(findingOf(item, 'CPC202').message, /in item 0 of 'assignments'/);
    assert.match(
      findingOf(policy('"imageTyp": "gallery"'), 'CPC202').message,
      /in a Cloud PC provisioning policy: did you mean 'imageType'/,
    );
  });

  it('places annotation findings deep in a fleet: read-only in policy 1, an open-enum typo in its first network', () => {
    const fleet =
      '{ "policies": [ { "displayName": "a" }, { "displayName": "b", "id": "x", "domainJoinConfigurations": [ { "domainJoinType": "azureADJoin", "regionName": "automatic", "regionGroup": "usEastt" } ] } ] }';
    assert.equal(rangeText(fleet, findingOf(fleet, 'CPC310')), '"id": "x"');
    assert.equal(rangeText(fleet, findingOf(fleet, 'CPC204')), '"usEastt"');
    assert.deepEqual(
      findingOf(fleet, 'CPC204').fixes?.[0]?.edits.map((e) =>
        rangeText(fleet, { ...findingOf(fleet, 'CPC204'), range: e }),
      ),
      ['"usEastt"'],
    );
    // The message and the fix carry the closest known member.
    assert.match(
      findingOf(fleet, 'CPC204').message,
      /^'usEastt' is not a regionGroup we know: did you mean 'usEast'\?/,
    );
    assert.deepEqual(
      findingOf(fleet, 'CPC204').fixes?.map((f) => [f.title, f.edits[0]?.newText]),
      [["Change to 'usEast'", '"usEast"']],
    );
  });

  it('reports a block comment that is never closed, as Deploy (jsonc-parser) would refuse it', () => {
    for (const text of ['{ "displayName": "x" } /* old settings', '{ "displayName": "x" } /*/']) {
      const f = findingOf(text, 'CPC101');
      assert.match(f.message, /not closed/);
    }
    assert.deepEqual(
      codes('{ "displayName": "x", "domainJoinConfigurations": [] } /* closed */').filter((c) => c === 'CPC101'),
      [],
    );
  });

  it('places naming problems inside the string, or on the whole value when it has escapes', () => {
    const plain = policy('"cloudPcNamingTemplate": "CPC-%RAND:4%"');
    assert.equal(rangeText(plain, findingOf(plain, 'CPC408')), '%RAND:4%');
    const escaped = policy('"cloudPcNamingTemplate": "C\\u0050C-%RAND:4%"');
    assert.equal(rangeText(escaped, findingOf(escaped, 'CPC408')), '"C\\u0050C-%RAND:4%"');
  });
});

describe('line index', () => {
  it('maps offsets to 0-based lines and characters for LF, CRLF and CR', () => {
    const index = new LineIndex('ab\ncd\r\nef\rg');
    assert.deepEqual(
      [0, 2, 3, 5, 7, 10, 11].map((o) => index.position(o)),
      [
        { line: 0, character: 0 },
        { line: 0, character: 2 },
        { line: 1, character: 0 },
        { line: 1, character: 2 },
        { line: 2, character: 0 },
        { line: 3, character: 0 },
        { line: 3, character: 1 },
      ],
    );
  });
});

describe('comment stripping (fast path) is sound', () => {
  it('whenever the stripped text parses as JSON, jsonc-parser agrees: no errors, same value', () => {
    const piece = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ',',
      ']',
      '[1',
      '{"k":',
      ':',
      ' ',
      '\n',
      '"a"',
      '"b/c"',
      '"//"',
      '"/*"',
      '"\\""',
      '"\\\\"',
      '1',
      'true',
      'null',
      '// c\n',
      '/* c */',
      '/* "q" */',
      '/*\n*/',
      '"x, ]"',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).map((a) => a.join('')),
        (text) => {
          const strict = stripJsonc(text) ?? text;
          assert.equal(strict.length, text.length);
          let value: unknown;
          try {
            value = JSON.parse(strict);
          } catch {
            return;
          }
          const errors: ParseError[] = [];
          const expected: unknown = parse(text, errors, { allowTrailingComma: true, allowEmptyContent: false });
          assert.deepEqual(errors, [], text);
          assert.deepEqual(value, expected);
        },
      ),
      {
        numRuns: 3000,
        seed: 11,
        examples: [
          ['[,]'],
          ['{"a":,}'],
          ['[1,,]'],
          ['{"a": "//", }'],
          ['[1 /* x */ ,]'],
          ['{"u": "a/*", "v": "*/" , }'],
          ['["x, ]"]'],
        ],
      },
    );
  });
});
