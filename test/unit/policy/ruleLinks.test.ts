// Every finding's code links to its rule: the anchor the link names is in docs/rules.md, for every code the
// engine and the tenant checks emit (CPC100 is the validator's own failure, not a rule).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES_DOC_URL, ruleAnchor, ruleDocUrl } from '../../../src/core/policy/ruleLinks';

const root = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
}

describe('rule links', () => {
  it('point at docs/rules.md with the code as the anchor', () => {
    assert.equal(ruleDocUrl('CPC209'), `${RULES_DOC_URL}#cpc209`);
    assert.match(RULES_DOC_URL, /\/docs\/rules\.md$/);
  });

  it('land on an anchor of docs/rules.md for every code src/core emits', () => {
    const rules = fs.readFileSync(path.join(root, 'docs/rules.md'), 'utf8');
    const codes = new Set(
      sourceFiles(path.join(root, 'src/core')).flatMap((f) =>
        [...fs.readFileSync(f, 'utf8').matchAll(/'(CPC\d{3})'/g)].map((m) => m[1]),
      ),
    );
    codes.delete('CPC100');
    assert.ok(codes.size > 50, `the codes were found (${codes.size})`);
    const missing = [...codes].filter((c) => !rules.includes(`<a id="${ruleAnchor(c)}"></a>`));
    assert.deepEqual(missing, [], 'every code has its anchor in docs/rules.md');
  });
});
