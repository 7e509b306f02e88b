import * as assert from 'node:assert/strict';
import {
  checkNamingTemplate,
  collisionProbability,
  expandNamingTemplate,
  nameLengthRange,
  parseNamingTemplate,
  userNamePart,
} from '../../../src/core/policy/namingTemplate';
import { NAMING_RULES, NAMING_RULES_2024_FRONTLINE_SHARED } from '../../../src/core/policy/namingRules';
import { createSeededRandom } from '../../../src/core/policy/seededRandom';

const codes = (template: string, type?: string, fleet?: number) =>
  checkNamingTemplate(template, type, fleet).map((p) => p.code);

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
    assert.deepEqual(
      p.problems.map((x) => [x.code, x.severity, x.offset, x.length]),
      [['CPC411', 'warning', 3, 4]],
    );
  });
  it('CPC403 %RAND% without a length', () => {
    assert.deepEqual(
      parseNamingTemplate('CPC-%RAND%').problems.map((x) => [x.code, x.offset, x.length]),
      [['CPC403', 4, 6]],
    );
  });
  it('CPC403 %RAND:0% points at the length', () => {
    assert.deepEqual(
      parseNamingTemplate('CPC-%RAND:0%').problems.map((x) => [x.code, x.offset, x.length]),
      [['CPC403', 10, 1]],
    );
  });
  it('CPC402 unknown token names, with a suggestion', () => {
    const [p] = parseNamingTemplate('X-%RANDOM:5%').problems;
    assert.equal(p!.code, 'CPC402');
    assert.match(p!.message, /%RAND:n%/);
    assert.deepEqual([p!.offset, p!.length], [2, 10]);
  });
  it('CPC401 an unclosed % runs to the end', () => {
    assert.deepEqual(
      parseNamingTemplate('CPC-%RAND:5').problems.map((x) => [x.code, x.offset, x.length]),
      [['CPC401', 4, 7]],
    );
  });
  it('token names are ASCII letters: %Z% and %z% are unknown tokens (CPC402); %@%, %[%, %_%, %`% and %{% are stray % in fixed text', () => {
    for (const name of ['Z', 'z', 'A', 'a'])
      assert.deepEqual(
        parseNamingTemplate(`X%${name}%`).problems.map((x) => x.code),
        ['CPC402'],
        name,
      );
    for (const notLetter of ['@', '[', '_', '`', '{']) {
      assert.deepEqual(parseNamingTemplate(`X%${notLetter}%-%RAND:5%`).problems, [], notLetter);
      assert.ok(
        checkNamingTemplate(`X%${notLetter}%-%RAND:5%`).some((x) => x.code === 'CPC405'),
        notLetter,
      );
    }
  });
  it('a line break ends a token attempt: the % before it is stray text, not a token with a bad length', () => {
    for (const lineBreak of ['\n', '\r', '\u2028', '\u2029']) {
      const parsed = parseNamingTemplate(`A%RAND:5${lineBreak}%-%RAND:5%`);
      assert.deepEqual(parsed.problems, [], JSON.stringify(lineBreak));
      assert.deepEqual(
        parsed.tokens.map((t) => [t.kind, t.offset]),
        [
          ['literal', 0],
          ['rand', 11],
        ],
        JSON.stringify(lineBreak),
      );
    }
  });
  it('a token length is one to three digits and nothing else (CPC403 for %RAND:5 % or %RAND: 5%)', () => {
    for (const token of ['%RAND:5 %', '%RAND: 5%', '%RAND:1000%', '%RAND:x%']) {
      assert.deepEqual(
        parseNamingTemplate(`A-${token}`).problems.map((x) => [x.code, x.offset]),
        [['CPC403', 2 + '%RAND:'.length]],
        token,
      );
    }
  });
  it('a message quotes at most 40 characters of what it names: a 1 MB token must not make a 1 MB diagnostic', () => {
    const long = '9'.repeat(100_000);
    for (const template of [
      `A%RAND:${long}%`,
      `A%${'x'.repeat(100_000)}%`,
      `A%:${long}%`,
      `A${'#'.repeat(100_000)}-%RAND:5%`,
    ]) {
      const problems = checkNamingTemplate(template);
      assert.ok(problems.length > 0);
      for (const p of problems) assert.ok(p.message.length < 200, `${p.code}: ${p.message.length} characters`);
    }
    assert.match(
      checkNamingTemplate(`A%RAND:${long}%`)[0]!.message,
      new RegExp(`^The length of %RAND:${'9'.repeat(40)}…% must be`),
    );
  });
  it('no empty fixed text between adjacent tokens or before an unclosed one', () => {
    assert.deepEqual(
      parseNamingTemplate('%RAND:5%%USERNAME:3%').tokens.map((t) => [t.kind, t.offset]),
      [
        ['rand', 0],
        ['username', 8],
      ],
    );
    assert.deepEqual(
      parseNamingTemplate('%RAND').tokens.map((t) => [t.kind, t.offset, t.malformed]),
      [['literal', 0, true]],
    );
    assert.deepEqual(
      parseNamingTemplate('A%RAND:5%%Q').tokens.map((t) => [t.kind, t.offset, t.malformed]),
      [
        ['literal', 0, undefined],
        ['rand', 1, undefined],
        ['literal', 9, true],
      ],
    );
  });
  it('a stray % is fixed text, reported by CPC405', () => {
    const probs = checkNamingTemplate('A50%-%RAND:5%');
    assert.deepEqual(
      probs.map((x) => [x.code, x.offset, x.length]),
      [['CPC405', 3, 1]],
    );
  });
});

describe('naming template rules (2026)', () => {
  it("accepts Graph's example template CPC-%USERNAME:4%-%RAND:5% for a dedicated policy", () =>
    assert.deepEqual(codes('CPC-%USERNAME:4%-%RAND:5%', 'dedicated'), []));
  it('CPC404: a template whose names can exceed 15 characters', () =>
    assert.deepEqual(codes('CPC-%USERNAME:6%-%RAND:6%'), ['CPC404']));
  it('CPC404 too short is impossible with RAND ≥ 5 but exact-15 rules catch short names', () => {
    assert.deepEqual(
      checkNamingTemplate('AB-%RAND:8%', 'sharedByEntraGroup', 10, NAMING_RULES_2024_FRONTLINE_SHARED).map(
        (p) => p.code,
      ),
      ['CPC404'],
    );
  });
  it('CPC405 spaces and underscores in fixed text', () => {
    const probs = checkNamingTemplate('A B_%RAND:5%');
    assert.deepEqual(
      probs.map((x) => [x.code, x.offset, x.length]),
      [
        ['CPC405', 1, 1],
        ['CPC405', 3, 1],
      ],
    );
  });
  it('CPC406 more than 10 fixed characters', () =>
    assert.deepEqual(codes('ABCDEFGHIJK%RAND:5%'), ['CPC404', 'CPC406']));
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
    assert.deepEqual(
      checkNamingTemplate('FLS-SH-%RAND:8%', 'sharedByEntraGroup', 10, r).map((p) => p.code),
      [],
    );
    assert.deepEqual(
      checkNamingTemplate('FLS-SHARED-%RAND:5%', 'sharedByEntraGroup', 10, r).map((p) => p.code),
      ['CPC404', 'CPC406', 'CPC408'],
    );
  });
  it('rules are data with versions', () => assert.ok(NAMING_RULES.every((r) => /^\d{4}-\d\d/.test(r.version))));
});

describe('naming template expansion', () => {
  it('length range counts USERNAME as 1..x', () =>
    assert.deepEqual(nameLengthRange('CPC-%USERNAME:4%-%RAND:5%'), { min: 11, max: 14 }));
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

// docs/rules.md "Naming template": each rule's message, range and version, as an admin reads them.
const only = (template: string, type?: string, fleet?: number) =>
  checkNamingTemplate(template, type, fleet).map((p) => [p.code, p.offset, p.length, p.message]);

describe('naming template problems: messages and ranges', () => {
  it('a template without %RAND% and more problems than the cap still shows CPC407 first (the cap keeps the leftmost; it spans the template)', () => {
    const template = '%USERNAME:1%'.repeat(25);
    const problems = checkNamingTemplate(template, 'sharedByEntraGroup');
    assert.equal(problems.length, 20);
    assert.deepEqual([problems[0]!.code, problems[0]!.offset, problems[0]!.length], ['CPC407', 0, template.length]);
    assert.deepEqual(new Set(problems.slice(1).map((p) => p.code)), new Set(['CPC404', 'CPC409']));
    assert.match(problems[19]!.message, /\(… and 7 more in this template\)$/);
  });
  it('CPC404 says how long names get and the bounds of the rules in force', () => {
    const [long] = checkNamingTemplate('CPC-%USERNAME:6%-%RAND:6%');
    assert.deepEqual([long!.offset, long!.length], [0, 'CPC-%USERNAME:6%-%RAND:6%'.length]);
    assert.match(long!.message, /^Names can reach 17 characters; they must be 5–15 \(Windows 365 device names\)/);
    const r = NAMING_RULES_2024_FRONTLINE_SHARED;
    assert.match(
      checkNamingTemplate('AB-%RAND:8%', undefined, 10, r)[0]!.message,
      /^Names have 11 characters; they must be exactly 15 \(Frontline shared device names\)/,
    );
    assert.match(
      checkNamingTemplate('A-%USERNAME:4%-%RAND:8%', 'dedicated', 10, r)[0]!.message,
      /^Names can be as short as 12 characters; they must be exactly 15/,
    );
    assert.deepEqual(codes('ABCDEFGH-%RAND:6%', 'dedicated', 1), [], 'exactly 15 is allowed');
    assert.deepEqual(codes('ABCDEFGHI-%RAND:6%', 'dedicated', 1), ['CPC404']);
  });
  it('the 2023 rules: 4–15 characters, %RAND:1% allowed, %USERNAME% for any type, 15 fixed characters', () => {
    const r = NAMING_RULES.find((x) => x.version === '2023-05')!;
    assert.deepEqual(
      checkNamingTemplate('A-%USERNAME:3%-%RAND:1%', 'sharedByEntraGroup', 1, r).map((p) => p.code),
      [],
    );
    assert.deepEqual(
      checkNamingTemplate('AB%RAND:1%', undefined, 1, r).map((p) => p.code),
      ['CPC404'],
    );
    assert.deepEqual(
      checkNamingTemplate('ABC%RAND:1%', undefined, 1, r).map((p) => p.code),
      [],
    );
    assert.deepEqual(
      checkNamingTemplate('ABCDEFGHIJKLMN%RAND:1%', undefined, 1, r).map((p) => p.code),
      [],
    );
  });
  it('CPC406 points at the fixed characters past the limit and counts them all', () => {
    assert.deepEqual(only('ABCDEF-%RAND:5%-GHIJ')[1]?.slice(0, 3), ['CPC406', 18, 2]);
    const [, p] = checkNamingTemplate('ABCDEF-%RAND:5%-GHIJ');
    assert.match(
      p!.message,
      /^At most 10 fixed characters are allowed \(Windows 365 device names\); this template has 12/,
    );
    assert.deepEqual(codes('ABCDEFGHIJ%RAND:5%'), [], '10 fixed characters are allowed');
  });
  it('CPC405 names what it found: a space, spaces, an underscore, other characters', () => {
    assert.match(
      checkNamingTemplate('A B%RAND:5%')[0]!.message,
      /^A space cannot be part of a Cloud PC name: use only ASCII letters, digits and hyphens/,
    );
    assert.match(checkNamingTemplate('A  B%RAND:5%')[0]!.message, /^Spaces cannot/);
    assert.match(checkNamingTemplate('A__B%RAND:5%')[0]!.message, /^An underscore cannot/);
    assert.deepEqual(
      only('A.é-%RAND:5%').map((p) => p.slice(0, 4)),
      [
        [
          'CPC405',
          1,
          2,
          "'.é' cannot be part of a Cloud PC name: use only ASCII letters, digits and hyphens (no spaces, no underscores).",
        ],
      ],
    );
    assert.deepEqual(
      only('AB.%RAND:5%.C').map((p) => p.slice(0, 3)),
      [
        ['CPC405', 2, 1],
        ['CPC405', 11, 1],
      ],
    );
  });
  it('CPC407 covers the template and waits until its tokens are well formed', () => {
    assert.deepEqual(
      only('CPC-%USERNAME:5%').map((p) => p.slice(0, 3)),
      [['CPC407', 0, 16]],
    );
    assert.match(
      checkNamingTemplate('CPC-%USERNAME:5%')[0]!.message,
      /^Add a %RAND:y% token with y ≥ 5: names must carry a random part \(Windows 365 device names\)/,
    );
    assert.deepEqual(codes('CPC-%RAND%'), ['CPC403']);
    assert.deepEqual(codes('CPC-%FOO:5%'), ['CPC402']);
  });
  it('CPC408 and CPC409 point at the token and say what to use', () => {
    assert.deepEqual(
      only('C-%RAND:4%-%RAND:5%').map((p) => p.slice(0, 4)),
      [['CPC408', 2, 8, '%RAND:4% is too short: use at least %RAND:5% (Windows 365 device names).']],
    );
    const [p] = checkNamingTemplate('C-%USERNAME:3%-%RAND:8%', 'reserve');
    assert.deepEqual([p!.code, p!.offset, p!.length], ['CPC409', 2, 12]);
    assert.match(p!.message, /not 'reserve'/);
    assert.deepEqual(codes('C-%USERNAME:3%-%RAND:8%', 'shared'), [], 'the deprecated shared is Frontline dedicated');
    assert.deepEqual(codes('C-%USERNAME:3%-%RAND:8%'), [], 'no type given: no %USERNAME% rule');
  });
  it('CPC410 gives the odds the way an admin reads them, and only above 1 %', () => {
    const msg = (template: string, fleet: number) =>
      checkNamingTemplate(template, 'dedicated', fleet).find((p) => p.code === 'CPC410')?.message;
    assert.equal(msg('CPC-%RAND:5%', 1000), undefined, '0.8 % is below the threshold');
    assert.equal(
      msg('CPC-%RAND:5%', 2000),
      'With 2000 Cloud PCs there is a 3.3% chance two draw the same 5-character random part (36-character alphabet): lengthen %RAND:y%.',
    );
    assert.match(msg('CPC-%RAND:5%', 5000) ?? '', / a 19% chance /);
    assert.match(msg('CPC-%RAND:5%', 100_000) ?? '', / a ≈100% chance /);
    assert.match(msg('A%RAND:5%B%RAND:5%', 10_000_000) ?? '', /same 10-character random part/);
    const [p] = checkNamingTemplate('AB-%RAND:5%', 'dedicated', 5000);
    assert.deepEqual([p!.code, p!.severity, p!.offset, p!.length], ['CPC410', 'warning', 3, 8]);
    assert.deepEqual(codes('AB_-%RAND:5%', 'dedicated', 5000), ['CPC405'], 'no odds while the template has an error');
  });
  it('collision probability: none for a fleet of one, the birthday bound otherwise', () => {
    assert.equal(collisionProbability('X-%RAND:5%', 1), 0);
    assert.equal(collisionProbability('X-%RAND:5%', 0), 0);
    assert.ok(Math.abs(collisionProbability('X-%RAND:1%', 2) - (1 - Math.exp(-1 / 36))) < 1e-12);
    assert.ok(Math.abs(collisionProbability('X-%RAND:1%-%RAND:1%', 3) - (1 - Math.exp(-3 / 1296))) < 1e-12);
    assert.ok(
      Math.abs(
        collisionProbability(
          'X-%RAND:2%',
          2,
          NAMING_RULES.find((x) => x.version === '2023-05'),
        ) -
          (1 - Math.exp(-1 / 100)),
      ) < 1e-12,
    );
  });
});

describe('naming template tokens', () => {
  it('CPC402 suggests the token a misspelling was after', () => {
    const hint = (template: string) =>
      /use (%\w+:n%|%USERNAME:x% or %RAND:y%)\.$/.exec(parseNamingTemplate(template).problems[0]!.message)?.[1];
    for (const t of ['%USER:3%', '%USERN:3%', '%UPN:3%', '%name:3%', '%U:3%', '%USERNAMES:3%'])
      assert.equal(hint(t), '%USERNAME:n%', t);
    for (const t of ['%RANDOM:5%', '%RAN:5%', '%RND:5%', '%R:5%', '%RANDY:5%']) assert.equal(hint(t), '%RAND:n%', t);
    assert.equal(hint('%FOO:5%'), '%USERNAME:x% or %RAND:y%');
    assert.equal(hint('%NAMES:5%'), '%USERNAME:x% or %RAND:y%');
  });
  it('an empty token says so', () => {
    assert.deepEqual(
      parseNamingTemplate('A%%B').problems.map((p) => [p.code, p.offset, p.length, p.message]),
      [['CPC402', 1, 2, 'Empty token %%: use %USERNAME:x% or %RAND:y%.']],
    );
    assert.equal(parseNamingTemplate('A%:5%').problems[0]!.message, 'Empty token %:5%: use %USERNAME:x% or %RAND:y%.');
  });
  it('CPC403: a length is 1 to 3 digits, at least 1', () => {
    const p = (template: string) =>
      parseNamingTemplate(template).problems.map((x) => [x.code, x.offset, x.length, x.message]);
    assert.deepEqual(p('A%RAND:%'), [['CPC403', 1, 7, '%RAND% needs a length: write %RAND:5%.']]);
    assert.deepEqual(p('A%USERNAME%'), [['CPC403', 1, 10, '%USERNAME% needs a length: write %USERNAME:4%.']]);
    assert.deepEqual(p('A%RAND:x5%'), [
      ['CPC403', 7, 2, 'The length of %RAND:x5% must be a whole number from 1 to 15, e.g. %RAND:5%.'],
    ]);
    assert.deepEqual(
      p('A%USERNAME:1000%').map((x) => x.slice(0, 3)),
      [['CPC403', 11, 4]],
    );
    assert.deepEqual(
      p('A%RAND:-1%').map((x) => x.slice(0, 3)),
      [['CPC403', 7, 2]],
    );
    assert.deepEqual(parseNamingTemplate('A%RAND:015%').tokens[1], {
      kind: 'rand',
      text: '%RAND:015%',
      length: 15,
      offset: 1,
    });
    assert.deepEqual(parseNamingTemplate('A%USERNAME:1%').problems, []);
  });
  it('CPC411 covers the token name and keeps parsing the token', () => {
    const { tokens, problems } = parseNamingTemplate('A%Username:3%');
    assert.deepEqual(
      problems.map((x) => [x.code, x.offset, x.length, x.message]),
      [['CPC411', 2, 8, 'Write the token in upper case as the service documents it: %USERNAME%.']],
    );
    assert.deepEqual(tokens[1], { kind: 'username', text: '%Username:3%', length: 3, offset: 1 });
  });
  it('a % with no token shape is fixed text; text after an unclosed % is one malformed piece', () => {
    assert.deepEqual(
      parseNamingTemplate('A%1%-%RAND:5%').tokens.map((t) => [t.kind, t.text]),
      [
        ['literal', 'A%1%-'],
        ['rand', '%RAND:5%'],
      ],
    );
    const { tokens } = parseNamingTemplate('A%RAND:5%B%RAND');
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.text, t.offset, t.malformed ?? false]),
      [
        ['literal', 'A', 0, false],
        ['rand', '%RAND:5%', 1, false],
        ['literal', 'B', 9, false],
        ['literal', '%RAND', 10, true],
      ],
    );
  });
  it('the problem cap: the first 20, the 20th says how many more', () => {
    const p = parseNamingTemplate('%x%'.repeat(22), 20);
    assert.equal(p.problems.length, 20);
    assert.equal(p.moreProblems, 2);
    const checked = checkNamingTemplate('%x%'.repeat(21));
    assert.equal(checked.length, 20);
    assert.match(checked[19]!.message, /\(… and 1 more in this template\)$/);
    assert.ok(!checkNamingTemplate('%x%'.repeat(20)).some((x) => x.message.includes('more in this template')));
  });
  it('problems come back sorted by position, and as copies', () => {
    const a = checkNamingTemplate('A_%RAND:3%%x%');
    assert.deepEqual(
      a.map((x) => x.code),
      ['CPC405', 'CPC408', 'CPC402'],
    );
    a[0]!.message = 'changed';
    assert.notEqual(checkNamingTemplate('A_%RAND:3%%x%')[0]!.message, 'changed');
  });
});

describe('naming template expansion details', () => {
  it('%RAND% draws from the alphabet of the rules in force, one draw per character', () => {
    assert.equal(
      expandNamingTemplate('X%RAND:3%', 'u@x', () => 0),
      'XAAA',
    );
    assert.equal(
      expandNamingTemplate('X%RAND:3%', 'u@x', () => 0.99999),
      'X999',
    );
    assert.equal(
      expandNamingTemplate('X%RAND:2%', 'u@x', () => 0.5),
      'XSS',
    );
    const digits = NAMING_RULES.find((x) => x.version === '2023-05')!;
    assert.equal(
      expandNamingTemplate('X%RAND:3%', 'u@x', () => 0.99999, digits),
      'X999',
    );
    assert.equal(
      expandNamingTemplate('X%RAND:2%', 'u@x', () => 0.5, digits),
      'X55',
    );
    let draws = 0;
    expandNamingTemplate('%RAND:5%-%RAND:2%', 'u@x', () => (draws++, 0));
    assert.equal(draws, 7);
  });
  it('malformed tokens stay as written; the user part comes from the UPN', () => {
    assert.equal(
      expandNamingTemplate('A-%FOO:3%-%USERNAME:3%-%RAND:1%', 'li.wu@contoso.com', () => 0),
      'A-%FOO:3%-liw-A',
    );
    assert.equal(
      expandNamingTemplate('%USERNAME:20%', 'adele.vance@contoso.com', () => 0),
      'adelevance',
    );
    assert.equal(userNamePart('adele.vance', 4), 'adel');
    assert.equal(userNamePart('a-b@c', 5), 'a-b');
  });
  it('length range: literals and %RAND% count fully, %USERNAME:x% as 1..x', () => {
    assert.deepEqual(nameLengthRange('AB%RAND:5%'), { min: 7, max: 7 });
    assert.deepEqual(nameLengthRange('%USERNAME:1%%RAND:5%'), { min: 6, max: 6 });
    assert.deepEqual(nameLengthRange(''), { min: 0, max: 0 });
  });
});

describe('naming template checks: which run when', () => {
  it('the length check runs when parsing left only warnings, and waits when it left an error or too many problems', () => {
    assert.deepEqual(codes('ABCDEFGHIJ-%rand:6%'), ['CPC404', 'CPC406', 'CPC411']);
    assert.deepEqual(codes('CPC-%RAND:0%-%RAND:12%'), ['CPC403']);
    assert.ok(codes('%rand:5%'.repeat(21), 'dedicated', 1e9).every((c) => c === 'CPC411'));
  });
  it('CPC403: a length with a space is not a number', () =>
    assert.deepEqual(
      parseNamingTemplate('A%RAND: 5%').problems.map((p) => p.code),
      ['CPC403'],
    ));
  it('CPC406 once, however many literals pass the limit', () => {
    assert.deepEqual(codes('ABCDEFGHIJK%RAND:5%X-Y'), ['CPC404', 'CPC406']);
  });
  it('CPC405 finds a bad run at the start of fixed text', () => {
    assert.deepEqual(
      only('_A_%RAND:5%').map((p) => p.slice(0, 3)),
      [
        ['CPC405', 0, 1],
        ['CPC405', 2, 1],
      ],
    );
  });
  it('problems of every kind share the cap: the leftmost 20 are shown, the 20th says how many of all kinds are left', () => {
    // 25 bad characters, too much fixed text (from offset 10) and names too long: 27 problems, 20 shown.
    const problems = checkNamingTemplate(`${'_a'.repeat(25)}%RAND:5%`);
    assert.equal(problems.length, 20);
    assert.ok(problems.some((p) => p.code === 'CPC404'));
    assert.deepEqual(
      problems.filter((p) => p.code === 'CPC406').map((p) => p.offset),
      [10],
      'CPC406 at offset 10 is among the leftmost 20',
    );
    assert.equal(problems[19]!.offset, 34);
    assert.match(problems[19]!.message, /\(… and 7 more in this template\)$/);
  });
  it('an unclosed token counts as fixed text of its own length', () => {
    assert.deepEqual(nameLengthRange('A%RAND'), { min: 6, max: 6 });
    assert.equal(
      expandNamingTemplate('A%RAND', 'u@x', () => 0),
      'A%RAND',
    );
  });
  it('the user part without an @ is the whole name, and an empty local part gives nothing', () => {
    assert.equal(userNamePart('adele', 5), 'adele');
    assert.equal(userNamePart('@contoso.com', 5), '');
  });
});

describe('naming template edge cases', () => {
  it('CPC410 is judged beside warnings: a lower-case token does not hide the odds', () => {
    assert.deepEqual(codes('A-%rand:5%', 'dedicated', 5000), ['CPC410', 'CPC411']);
  });
  it('text between two % that is not a token name (letters, then an optional :length) is fixed text', () => {
    assert.deepEqual(
      parseNamingTemplate('A%R1:5%-%RAND:5%').tokens.map((t) => [t.kind, t.text]),
      [
        ['literal', 'A%R1:5%-'],
        ['rand', '%RAND:5%'],
      ],
    );
    assert.deepEqual(
      parseNamingTemplate('A%RAND5%-%RAND:5%').tokens.map((t) => [t.kind, t.text]),
      [
        ['literal', 'A%RAND5%-'],
        ['rand', '%RAND:5%'],
      ],
    );
  });
  it('CPC405 names mixed runs as written, not as spaces or underscores', () => {
    const first = (template: string) => checkNamingTemplate(template)[0]!.message;
    for (const bad of [' .', '. ', '_.', '._']) assert.ok(first(`A${bad}B%RAND:5%`).startsWith(`'${bad}' cannot`), bad);
  });
  it('too much fixed text from the first character of a literal is kept ahead of the bad characters after it', () => {
    const problems = checkNamingTemplate(`ABCDEFGHIJ%RAND:5%${'_a'.repeat(25)}`);
    assert.deepEqual(
      problems.filter((p) => p.code === 'CPC406').map((p) => p.offset),
      [18],
    );
  });
});
