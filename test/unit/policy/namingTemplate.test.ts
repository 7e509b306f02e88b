import * as assert from 'node:assert/strict';
import { checkNamingTemplate, collisionProbability, expandNamingTemplate, nameLengthRange, parseNamingTemplate, userNamePart } from '../../../src/core/policy/namingTemplate';
import { NAMING_RULES, NAMING_RULES_2024_FRONTLINE_SHARED } from '../../../src/core/policy/namingRules';
import { createSeededRandom } from '../../../src/core/policy/seededRandom';

const codes = (template: string, type?: string, fleet?: number) => checkNamingTemplate(template, type, fleet).map((p) => p.code);

describe('naming template parser', () => {
  it('splits literals and tokens with offsets', () => {
    const { tokens, problems } = parseNamingTemplate('CPC-%USERNAME:4%-%RAND:5%');
    assert.deepEqual(problems, []);
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.text, t.length, t.offset]),
      [
        ['literal', 'CPC-', 4, 0],
        ['username', '%USERNAME:4%', 4, 4],
        ['literal', '-', 1, 16],
        ['rand', '%RAND:5%', 5, 17],
      ],
    );
  });
  it('reads token names case-insensitively with a warning (CPC411)', () => {
    const p = parseNamingTemplate('A-%rand:5%');
    assert.equal(p.tokens[1]!.kind, 'rand');
    assert.deepEqual(p.problems.map((x) => [x.code, x.severity, x.offset, x.length]), [['CPC411', 'warning', 3, 4]]);
  });
  it('CPC403 %RAND% without a length', () => {
    assert.deepEqual(parseNamingTemplate('CPC-%RAND%').problems.map((x) => [x.code, x.offset, x.length]), [['CPC403', 4, 6]]);
  });
  it('CPC403 %RAND:0% points at the length', () => {
    assert.deepEqual(parseNamingTemplate('CPC-%RAND:0%').problems.map((x) => [x.code, x.offset, x.length]), [['CPC403', 10, 1]]);
  });
  it('CPC402 unknown token names, with a suggestion', () => {
    const [p] = parseNamingTemplate('X-%RANDOM:5%').problems;
    assert.equal(p!.code, 'CPC402');
    assert.match(p!.message, /%RAND:n%/);
    assert.deepEqual([p!.offset, p!.length], [2, 10]);
  });
  it('CPC401 an unclosed % runs to the end', () => {
    assert.deepEqual(parseNamingTemplate('CPC-%RAND:5').problems.map((x) => [x.code, x.offset, x.length]), [['CPC401', 4, 7]]);
  });
  it('a stray % is fixed text, reported by CPC405', () => {
    const probs = checkNamingTemplate('A50%-%RAND:5%');
    assert.deepEqual(probs.map((x) => [x.code, x.offset, x.length]), [['CPC405', 3, 1]]);
  });
});

describe('naming template rules (2026)', () => {
  it('accepts Graph\'s example template CPC-%USERNAME:4%-%RAND:5% for a dedicated policy', () => assert.deepEqual(codes('CPC-%USERNAME:4%-%RAND:5%', 'dedicated'), []));
  it('CPC404: a template whose names can exceed 15 characters', () => assert.deepEqual(codes('CPC-%USERNAME:6%-%RAND:6%'), ['CPC404']));
  it('CPC404 too short is impossible with RAND ≥ 5 but exact-15 rules catch short names', () => {
    assert.deepEqual(checkNamingTemplate('AB-%RAND:8%', 'sharedByEntraGroup', 10, NAMING_RULES_2024_FRONTLINE_SHARED).map((p) => p.code), ['CPC404']);
  });
  it('CPC405 spaces and underscores in fixed text', () => {
    const probs = checkNamingTemplate('A B_%RAND:5%');
    assert.deepEqual(probs.map((x) => [x.code, x.offset, x.length]), [['CPC405', 1, 1], ['CPC405', 3, 1]]);
  });
  it('CPC406 more than 10 fixed characters', () => assert.deepEqual(codes('ABCDEFGHIJK%RAND:5%'), ['CPC404', 'CPC406']));
  it('CPC407: a template without a %RAND:y% token', () => assert.deepEqual(codes('CPC-%USERNAME:5%'), ['CPC407']));
  it('CPC408 %RAND:4% is below 5', () => assert.deepEqual(codes('CPC-%RAND:4%', undefined, 1), ['CPC408']));
  it('CPC409 %USERNAME% only for dedicated', () => {
    assert.deepEqual(codes('C-%USERNAME:3%-%RAND:5%', 'sharedByEntraGroup'), ['CPC409']);
    assert.deepEqual(codes('C-%USERNAME:3%-%RAND:5%', 'dedicated'), []);
  });
  it('CPC410 collision odds above 1% for the fleet', () => {
    assert.deepEqual(codes('CPC-%RAND:5%', 'dedicated', 100), []);
    assert.deepEqual(codes('CPC-%RAND:5%', 'dedicated', 100_000), ['CPC410']);
  });
  it('the 2024 Frontline shared rules: exactly 15, prefix ≤ 7, y ≥ 8', () => {
    const r = NAMING_RULES_2024_FRONTLINE_SHARED;
    assert.deepEqual(checkNamingTemplate('FLS-SH-%RAND:8%', 'sharedByEntraGroup', 10, r).map((p) => p.code), []);
    assert.deepEqual(checkNamingTemplate('FLS-SHARED-%RAND:5%', 'sharedByEntraGroup', 10, r).map((p) => p.code), ['CPC404', 'CPC406', 'CPC408']);
  });
  it('rules are data with versions', () => assert.ok(NAMING_RULES.every((r) => /^\d{4}-\d\d/.test(r.version))));
});

describe('naming template expansion', () => {
  it('length range counts USERNAME as 1..x', () => assert.deepEqual(nameLengthRange('CPC-%USERNAME:4%-%RAND:5%'), { min: 11, max: 14 }));
  it('user part drops characters outside [A-Za-z0-9-] then takes x', () => {
    assert.equal(userNamePart('adele.vance@contoso.com', 4), 'adel');
    assert.equal(userNamePart('a.b_c@contoso.com', 5), 'abc');
  });
  it('expands deterministically with a seed', () => {
    const a = expandNamingTemplate('CPC-%USERNAME:4%-%RAND:5%', 'adele.vance@contoso.com', createSeededRandom(7));
    const b = expandNamingTemplate('CPC-%USERNAME:4%-%RAND:5%', 'adele.vance@contoso.com', createSeededRandom(7));
    assert.equal(a, b);
    assert.match(a, /^CPC-adel-[A-Z0-9]{5}$/);
  });
  it('seeded random is in [0,1) for numbers and strings', () => {
    for (const seed of [0, 1, 'x', '']) {
      const r = createSeededRandom(seed);
      for (let i = 0; i < 1000; i++) {
        const v = r();
        assert.ok(v >= 0 && v < 1);
      }
    }
  });
  it('collision probability follows the birthday bound', () => {
    const p = collisionProbability('X-%RAND:5%', 1000);
    assert.ok(p > 0.008 && p < 0.009, String(p));
  });
});
