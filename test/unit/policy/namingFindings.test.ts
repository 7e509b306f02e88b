// Naming template findings in a document (docs/rules.md "Naming template", CPC401–CPC411): the quick fixes
// rewrite the template as the table says, the expected fleet sizes CPC410, and long templates get no fixes.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { expectedFleetSize, MAX_FIXABLE_TEMPLATE } from '../../../src/core/policy/namingFindings';
import { nameLengthRange } from '../../../src/core/policy/namingTemplate';
import { validateDocument } from '../../../src/core/policy/validator';
import { applyEdits, GUID_A, GUID_B, policy } from './policyTestKit';

function doc(template: string, ...members: string[]): string {
  return policy(...members, `"cloudPcNamingTemplate": ${JSON.stringify(template)}`);
}

/** The template after the preferred fix of the first `code` finding, or undefined when it has no fix. */
function fixed(template: string, code: string, ...members: string[]): string | undefined {
  const text = doc(template, ...members);
  const f = validateDocument(text).find((x) => x.code === code);
  assert.ok(f, `no ${code} for ${template}: ${JSON.stringify(validateDocument(text).map((x) => x.code))}`);
  const fix = f.fixes?.find((x) => x.isPreferred) ?? f.fixes?.[0];
  if (!fix) return undefined;
  return (JSON.parse(applyEdits(text, fix.edits)) as { cloudPcNamingTemplate: string }).cloudPcNamingTemplate;
}

describe('naming template quick fixes rewrite the template', () => {
  it('CPC411 upper-cases the token name only', () => {
    assert.equal(fixed('ab-%rand:5%-x', 'CPC411'), 'ab-%RAND:5%-x');
    assert.equal(fixed('A-%Username:3%-%RAND:5%', 'CPC411'), 'A-%USERNAME:3%-%RAND:5%');
  });
  it('CPC403 replaces the token with a valid one of its kind', () => {
    assert.equal(fixed('CPC-%RAND:0%', 'CPC403'), 'CPC-%RAND:5%');
    assert.equal(fixed('C-%USERNAME:0%-%RAND:5%', 'CPC403'), 'C-%USERNAME:4%-%RAND:5%');
    assert.equal(fixed('C-%username%-%RAND:5%', 'CPC403'), 'C-%USERNAME:4%-%RAND:5%');
  });
  it('CPC408 lengthens the short %RAND% it points at, wherever it sits', () => {
    assert.equal(fixed('A%RAND:5%B%RAND:3%C', 'CPC408'), 'A%RAND:5%B%RAND:5%C');
    assert.equal(fixed('A%RAND:5%B%RAND:3%', 'CPC408'), 'A%RAND:5%B%RAND:5%');
    assert.equal(fixed('%RAND:2%-X-%USERNAME:2%-%RAND:5%', 'CPC408'), '%RAND:5%-X-%USERNAME:2%-%RAND:5%');
    assert.equal(fixed('A-%USERNAME:2%-B-%RAND:1%-%RAND:5%', 'CPC408'), 'A-%USERNAME:2%-B-%RAND:5%-%RAND:5%');
  });
  it('CPC402 replaces an unknown token with the closest one, and offers nothing without a guess', () => {
    assert.equal(fixed('X-%RANDOM:5%', 'CPC402'), 'X-%RAND:5%');
    assert.equal(fixed('X-%USER:3%-%RAND:5%', 'CPC402'), 'X-%USERNAME:4%-%RAND:5%');
    assert.equal(fixed('X-%FOO:3%-%RAND:5%', 'CPC402'), undefined);
  });
  it('CPC405 removes just the characters the name cannot hold', () =>
    assert.equal(fixed('A_B-%RAND:5%', 'CPC405'), 'AB-%RAND:5%'));
  it('CPC409 removes the %USERNAME% token', () => {
    assert.equal(fixed('C-%USERNAME:3%-%RAND:8%', 'CPC409', '"provisioningType": "sharedByEntraGroup"'), 'C--%RAND:8%');
  });
  it('CPC407 appends -%RAND:5%', () => assert.equal(fixed('CPC-%USERNAME:4%', 'CPC407'), 'CPC-%USERNAME:4%-%RAND:5%'));
  it('CPC401 closes the token', () => assert.equal(fixed('CPC-%RAND:5', 'CPC401'), 'CPC-%RAND:5%'));
  it('CPC404 too long shortens %USERNAME% first, then %RAND% down to 5, and says the template it writes', () => {
    assert.equal(fixed('CPC-%USERNAME:6%-%RAND:6%', 'CPC404'), 'CPC-%USERNAME:4%-%RAND:6%');
    assert.equal(fixed('CPC-%USERNAME:2%-%RAND:10%', 'CPC404'), 'CPC-%USERNAME:1%-%RAND:9%');
    assert.equal(fixed('AB-%RAND:13%', 'CPC404'), 'AB-%RAND:12%');
    const text = doc('CPC-%USERNAME:6%-%RAND:6%');
    assert.deepEqual(
      validateDocument(text)
        .find((f) => f.code === 'CPC404')
        ?.fixes?.map((f) => f.title),
      ['Shorten names to 15 characters at most: CPC-%USERNAME:4%-%RAND:6%'],
    );
  });
  it('CPC404 too long with tokens at their floor cuts the end of the fixed text, keeping its start', () => {
    assert.equal(fixed('CONTOSO-SALES-%RAND:5%', 'CPC404'), 'CONTOSO-SA%RAND:5%');
    assert.equal(fixed('CONTOSO-%RAND:5%-SALES', 'CPC404'), 'CONTOSO-%RAND:5%-S');
  });
  it('CPC404 too short lengthens %RAND% (to 5 at least); without %RAND% CPC407 adds one and CPC404 guesses nothing', () => {
    assert.equal(fixed('AB%RAND:1%', 'CPC404'), 'AB%RAND:5%');
    assert.equal(fixed('AB', 'CPC404'), undefined);
    assert.equal(fixed('AB', 'CPC407'), 'AB-%RAND:5%');
  });
  it('CPC404: whatever the template, its fix leaves names within 5–15 characters and no new error', () => {
    const piece = fc.oneof(
      fc.stringMatching(/^[A-Z0-9-]{1,6}$/),
      fc.integer({ min: 1, max: 12 }).map((n) => `%USERNAME:${n}%`),
      fc.integer({ min: 5, max: 14 }).map((n) => `%RAND:${n}%`),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 5 }), (pieces) => {
        const template = `${pieces.join('')}%RAND:5%`;
        const before = validateDocument(doc(template)).map((f) => f.code);
        fc.pre(before.includes('CPC404'));
        const after = fixed(template, 'CPC404');
        // Two %RAND:5% and four %USERNAME:1% fit in 15: only more random parts than that leave no fix.
        if ((template.match(/%RAND/g) ?? []).length <= 2) assert.ok(after !== undefined, `${template}: no fix`);
        if (after === undefined) return;
        const { min, max } = nameLengthRange(after);
        assert.ok(min >= 5 && max <= 15, `${template} → ${after}: ${min}–${max}`);
        const left = validateDocument(doc(after))
          .filter((f) => f.severity === 'error')
          .map((f) => f.code);
        assert.ok(!left.includes('CPC404'), `${template} → ${after}: ${left.join(',')}`);
        for (const code of left) assert.ok(before.includes(code), `${template} → ${after}: new ${code}`);
      }),
      { seed: 404, numRuns: 300 },
    );
  });
  it(`a template of ${MAX_FIXABLE_TEMPLATE} characters has fixes, a longer one only findings`, () => {
    const at = (n: number) => `${'_'.repeat(n - 8)}%RAND:5%`;
    assert.equal(at(MAX_FIXABLE_TEMPLATE).length, MAX_FIXABLE_TEMPLATE);
    assert.equal(fixed(at(MAX_FIXABLE_TEMPLATE), 'CPC405'), '%RAND:5%');
    assert.equal(fixed(at(MAX_FIXABLE_TEMPLATE + 1), 'CPC405'), undefined);
  });
});

describe('naming template findings and the policy', () => {
  it('%USERNAME% on a provisioningType this version does not know: no CPC409 (the type rules judge known types)', () => {
    const found = validateDocument(doc('C-%USERNAME:3%-%RAND:5%', '"provisioningType": "futureType"')).map(
      (f) => f.code,
    );
    assert.ok(found.includes('CPC204') && !found.includes('CPC409'), JSON.stringify(found));
  });
  it('the expected fleet is the sum of the positive allotmentLicensesCount numbers, else 1000', () => {
    const fleet = (...counts: unknown[]) =>
      expectedFleetSize({
        assignments: [
          null,
          'x',
          { target: 'y' },
          ...counts.map((n) => ({ target: { groupId: GUID_A, allotmentLicensesCount: n } })),
        ],
      });
    assert.equal(fleet(), 1000);
    assert.equal(expectedFleetSize({ assignments: 'x' }), 1000);
    assert.equal(fleet(0, -5, '900'), 1000);
    assert.equal(fleet(2000, -100, '500', 300), 2300);
    assert.equal(fleet(1), 1);
  });
  it('CPC410 names the expected fleet from the allotments', () => {
    const members = [
      `"provisioningType": "sharedByEntraGroup"`,
      `"assignments": [{ "target": { "groupId": "${GUID_A}", "servicePlanId": "${GUID_B}", "allotmentLicensesCount": 2000 } }, { "target": { "groupId": "${GUID_B}", "servicePlanId": "${GUID_B}", "allotmentLicensesCount": -100 } }]`,
    ];
    const f = validateDocument(doc('CPC-%RAND:5%', ...members)).find((x) => x.code === 'CPC410');
    assert.match(f?.message ?? '', /^With 2000 Cloud PCs /);
  });
});
