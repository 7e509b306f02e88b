// Overlapping targets (docs/rules.md CPC325): "a user gets a Cloud PC from the first assigned policy; the
// others are ignored" (Learn: "Create a provisioning policy"). In a fleet file, the policy written first is
// assigned first (Deploy assigns in file order); a policy already assigned in the tenant comes before both.
import * as assert from 'node:assert/strict';
import { validateDocument } from '../../../src/core/policy/validator';
import type { DeployedPolicy } from '../../../src/core/policy/overlapRules';
import { cliCodes } from './agreementKit';

const SALES = '64ff06de-9c00-4a5a-98b5-7f5abe26ffff';
const HR = '35d09841-af73-43e6-a59f-024fef1b6b95';
const PLAN = '057efbfe-a95d-4263-acb0-12b4a31fed8d';
const NET = [{ domainJoinType: 'azureADJoin', regionName: 'automatic' }];

function policy(displayName: string, groups: string[], provisioningType = 'dedicated'): Record<string, unknown> {
  const frontline = provisioningType !== 'dedicated';
  return {
    displayName,
    provisioningType,
    domainJoinConfigurations: NET,
    assignments: groups.map((groupId) => ({ target: frontline ? { groupId, servicePlanId: PLAN } : { groupId } })),
  };
}

function fleet(...policies: Record<string, unknown>[]): string {
  return JSON.stringify({ policies }, null, 2);
}

function overlaps(text: string, deployedPolicies?: DeployedPolicy[]): { message: string; at: string }[] {
  return validateDocument(text, { deployedPolicies })
    .filter((f) => f.code === 'CPC325')
    .map((f) => ({ message: f.message, at: text.slice(f.range.offset, f.range.offset + f.range.length) }));
}

describe('overlapping targets: the first assigned policy wins', () => {
  it('two Enterprise policies on one group in a fleet file: a warning on the later one names the winner', async () => {
    const text = fleet(policy('Finance', [SALES]), policy('Sales', [HR, SALES]));
    const found = overlaps(text);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.at, `"${SALES}"`);
    assert.match(
      found[0]!.message,
      /its members get their Cloud PC from 'Finance', the first assigned, and 'Sales' provisions nothing for them/,
    );
    const [f] = validateDocument(text).filter((x) => x.code === 'CPC325');
    assert.equal(f!.range.offset, text.lastIndexOf(`"${SALES}"`), 'on the second policy, not the first');
    const cli = await cliCodes(text);
    assert.equal(cli.exit, 0, 'a warning');
    assert.deepEqual(cli.codes, ['CPC325']);
  });

  it('the warning sits on the later policy, whichever group order the file uses', () => {
    const text = fleet(policy('Finance', [HR]), policy('Sales', [SALES]), policy('Late', [SALES.toUpperCase(), HR]));
    const found = validateDocument(text).filter((f) => f.code === 'CPC325');
    assert.equal(found.length, 2);
    const late = text.indexOf('"Late"');
    assert.ok(
      found.every((f) => f.range.offset > late),
      'both on the third policy',
    );
  });

  it('two Frontline dedicated policies on one group overlap too; Enterprise and Frontline, or Frontline shared pools, do not', () => {
    assert.equal(
      overlaps(fleet(policy('Store A', [SALES], 'sharedByUser'), policy('Store B', [SALES], 'shared'))).length,
      1,
    );
    assert.equal(overlaps(fleet(policy('Office', [SALES]), policy('Store', [SALES], 'sharedByUser'))).length, 0);
    assert.equal(
      overlaps(fleet(policy('Pool A', [SALES], 'sharedByEntraGroup'), policy('Pool B', [SALES], 'sharedByEntraGroup')))
        .length,
      0,
    );
    assert.equal(overlaps(fleet(policy('Finance', [SALES]), policy('Sales', [HR]))).length, 0);
  });

  it('a policy already assigned to the group in the tenant wins over the file', () => {
    const deployed: DeployedPolicy[] = [
      {
        id: 'p-old',
        displayName: 'Legacy',
        provisioningType: 'dedicated',
        assignments: [{ target: { groupId: SALES } }],
      },
    ];
    const single = JSON.stringify(policy('Sales', [SALES]));
    const found = overlaps(single, deployed);
    assert.equal(found.length, 1);
    assert.match(
      found[0]!.message,
      /'Legacy' \(already assigned in the tenant\): its members get their Cloud PC from 'Legacy', the first assigned, and 'Sales' provisions nothing for them/,
    );
    assert.deepEqual(overlaps(single), [], 'without a tenant, one policy overlaps nothing');
  });

  it('a file policy already deployed with that group is the same policy, not an overlap; it wins over a later one in the file', () => {
    const deployed: DeployedPolicy[] = [
      {
        id: 'p-sales',
        displayName: 'Sales',
        provisioningType: 'dedicated',
        assignments: [{ target: { groupId: SALES } }],
      },
    ];
    assert.deepEqual(overlaps(JSON.stringify(policy('Sales', [SALES])), deployed), []);
    const found = overlaps(fleet(policy('New', [SALES]), policy('Sales', [SALES])), deployed);
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /also targeted by 'Sales' \(assigned in the tenant\).*'New' provisions nothing/);
  });

  describe('a file bound to its deployed policy (the `policy id` comment Pull and Deploy write) is matched by id', () => {
    const BOUND = 'a1b2c3d4-0000-4000-8000-000000000001';
    const OTHER = 'a1b2c3d4-0000-4000-8000-000000000002';
    const deployedSales = (displayName: string, groupId = SALES): DeployedPolicy => ({
      id: BOUND,
      displayName,
      provisioningType: 'dedicated',
      assignments: [{ target: { groupId } }],
    });
    const pulled = (id: string, p: Record<string, unknown>): string =>
      `// ${String(p['displayName'])}: pulled from the tenant (policy id ${id}).\n${JSON.stringify(p, null, 2)}\n`;

    it('a bound file whose displayName was renamed does not overlap with its own deployed copy', () => {
      assert.deepEqual(overlaps(pulled(BOUND, policy('Sales (renamed)', [SALES])), [deployedSales('Sales')]), []);
    });

    it('each fleet entry is matched by the id in the comment before it', () => {
      const text = `{\n  "policies": [\n    ${JSON.stringify(policy('Finance', [HR]))},\n    // policy id ${BOUND}\n    ${JSON.stringify(policy('Sales renamed', [SALES]))}\n  ]\n}\n`;
      assert.deepEqual(overlaps(text, [deployedSales('Sales')]), []);
    });

    it('an unbound file is still matched by displayName, and a renamed unbound one overlaps its old copy', () => {
      assert.deepEqual(overlaps(JSON.stringify(policy('Sales', [SALES])), [deployedSales('Sales')]), []);
      const found = overlaps(JSON.stringify(policy('Sales (renamed)', [SALES])), [deployedSales('Sales')]);
      assert.equal(found.length, 1);
      assert.match(found[0]!.message, /also targeted by 'Sales' \(already assigned in the tenant\)/);
    });

    it('a file bound to one policy still overlaps a different deployed policy on the same group, even one with its displayName', () => {
      const other = (displayName: string): DeployedPolicy => ({
        id: OTHER,
        displayName,
        provisioningType: 'dedicated',
        assignments: [{ target: { groupId: SALES } }],
      });
      for (const name of ['Legacy', 'Sales']) {
        // The file adds SALES to its own policy (deployed with HR only); another policy already has SALES.
        const found = overlaps(pulled(BOUND, policy('Sales', [HR, SALES])), [
          deployedSales('Sales old', HR),
          other(name),
        ]);
        assert.equal(found.length, 1, name);
        assert.match(found[0]!.message, new RegExp(`also targeted by '${name}' \\(already assigned in the tenant\\)`));
      }
    });
  });
});
