// The naming-template rule versions as data (docs/rules.md "Naming template", its table of versions): each
// version's bounds, as a template shows them through checkNamingTemplate.
import * as assert from 'node:assert/strict';
import {
  checkNamingTemplate,
  collisionProbability,
  expandNamingTemplate,
} from '../../../src/core/policy/namingTemplate';
import {
  COLLISION_WARNING_THRESHOLD,
  CURRENT_NAMING_RULES,
  DEFAULT_FLEET_SIZE,
  NAMING_RULES,
  NAMING_RULES_2023,
  NAMING_RULES_2024_FRONTLINE_SHARED,
  NAMING_RULES_2026,
} from '../../../src/core/policy/namingRules';
import type { NamingRules } from '../../../src/core/policy/namingRules';

const codes = (template: string, rules: NamingRules, type?: string) =>
  checkNamingTemplate(template, type, 1, rules).map((p) => p.code);

describe('naming rule versions (docs/rules.md "Naming template")', () => {
  it('the newest version, 2026-03, is the one in force and listed first', () => {
    assert.equal(CURRENT_NAMING_RULES, NAMING_RULES_2026);
    assert.deepEqual(
      NAMING_RULES.map((r) => r.version),
      ['2026-03', '2024-09-frontline-shared', '2023-05'],
    );
  });
  it('each version names its Learn page and the docs date it encodes', () => {
    for (const r of NAMING_RULES) {
      const date = /^Learn: Create a provisioning policy \((\d{4}-\d\d)\)/.exec(r.source)?.[1];
      assert.equal(date, r.version.slice(0, 7), r.source);
    }
    assert.match(NAMING_RULES_2024_FRONTLINE_SHARED.source, /Frontline shared$/);
  });
  it('every version requires %RAND:y% and allows only letters, digits and hyphens in fixed text', () => {
    for (const r of NAMING_RULES) {
      assert.ok(codes('ABCDEFG-%USERNAME:7%', r, 'dedicated').includes('CPC407'), r.version);
      assert.deepEqual(
        codes('Ab-9_%RAND:8%', r, 'dedicated').filter((c) => c === 'CPC405'),
        ['CPC405'],
        r.version,
      );
      assert.ok(!codes('aZ-09%RAND:10%', r, 'dedicated').includes('CPC405'), r.version);
      assert.ok(codes('A B.%RAND:8%', r, 'dedicated').includes('CPC405'), r.version);
    }
    assert.match(
      checkNamingTemplate('A_%RAND:5%')[0]!.message,
      /use only ASCII letters, digits and hyphens \(no spaces, no underscores\)\.$/,
    );
    assert.match(
      checkNamingTemplate('A_%RAND:3%', undefined, 1, NAMING_RULES_2023)[0]!.message,
      /use only ASCII letters, digits and hyphens\.$/,
    );
    assert.match(
      checkNamingTemplate('A_%RAND:8%', undefined, 1, NAMING_RULES_2024_FRONTLINE_SHARED).find(
        (p) => p.code === 'CPC405',
      )!.message,
      /use only ASCII letters, digits and hyphens \(no spaces, no underscores\)\.$/,
    );
  });
  it('2026-03: 5–15 characters, fixed text ≤ 10, y ≥ 5, %USERNAME% for Enterprise and Frontline dedicated', () => {
    const r = NAMING_RULES_2026;
    assert.deepEqual(codes('%RAND:5%', r), []);
    assert.deepEqual(codes('A%RAND:4%', r), ['CPC408']);
    assert.deepEqual(codes('ABCDEFGHIJ%RAND:5%', r), []);
    assert.ok(codes('ABCDEFGHIJK%RAND:5%', r).includes('CPC406'));
    for (const type of ['dedicated', 'sharedByUser', 'shared'])
      assert.deepEqual(codes('A-%USERNAME:3%-%RAND:5%', r, type), [], type);
    for (const type of ['sharedByEntraGroup', 'reserve'])
      assert.deepEqual(codes('A-%USERNAME:3%-%RAND:5%', r, type), ['CPC409'], type);
  });
  it('2024-09 Frontline shared: exactly 15, fixed text ≤ 7, y ≥ 8, %USERNAME% as 2026', () => {
    const r = NAMING_RULES_2024_FRONTLINE_SHARED;
    assert.deepEqual(codes('ABCDEFG%RAND:8%', r), []);
    assert.deepEqual(codes('ABCDEF%RAND:9%', r), []);
    assert.deepEqual(codes('ABCDEFG%RAND:7%X', r), ['CPC408', 'CPC406']);
    assert.deepEqual(codes('ABC-%RAND:8%', r), ['CPC404']);
    assert.deepEqual(codes('ABCDEF%USERNAME:1%%RAND:8%', r, 'sharedByEntraGroup'), ['CPC409']);
    assert.deepEqual(codes('ABCDEF%USERNAME:1%%RAND:8%', r, 'sharedByUser'), []);
    assert.match(
      checkNamingTemplate('ABCDEFGH%RAND:8%', undefined, 1, r).find((p) => p.code === 'CPC406')!.message,
      /^At most 7 fixed characters are allowed \(Frontline shared device names\); this template has 8/,
    );
  });
  it('2023-05: 4–15 characters, fixed text ≤ 15, y ≥ 1, %USERNAME% for any type, digits', () => {
    const r = NAMING_RULES_2023;
    assert.deepEqual(codes('ABC%RAND:1%', r), []);
    assert.deepEqual(codes('AB%RAND:1%', r), ['CPC404']);
    assert.deepEqual(codes('ABCDEFGHIJKLMN%RAND:1%', r), []);
    assert.ok(codes('ABCDEFGHIJKLMNOP%RAND:1%', r).includes('CPC406'));
    assert.deepEqual(codes('A-%USERNAME:3%-%RAND:1%', r, 'sharedByEntraGroup'), []);
    assert.equal(
      expandNamingTemplate('X%RAND:4%', 'u@x', () => 0.99, r),
      'X9999',
    );
    assert.ok(Math.abs(collisionProbability('X-%RAND:1%', 2, r) - (1 - Math.exp(-1 / 10))) < 1e-12);
  });
  it('CPC410 warns above 1 % for an expected fleet of 1000 by default', () => {
    assert.equal(COLLISION_WARNING_THRESHOLD, 0.01);
    assert.equal(DEFAULT_FLEET_SIZE, 1000);
    // 1000 Cloud PCs over 36^5 names: 0.83 %, no warning; over 10^5 (2023 digits): a warning.
    assert.deepEqual(
      checkNamingTemplate('CPC-%RAND:5%').map((p) => p.code),
      [],
    );
    assert.deepEqual(
      checkNamingTemplate('CPC-%RAND:5%', undefined, undefined, NAMING_RULES_2023).map((p) => p.code),
      ['CPC410'],
    );
  });
});
