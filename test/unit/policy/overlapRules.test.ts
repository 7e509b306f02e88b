// CPC325 overlapping targets (docs/rules.md "Overlapping targets") at its edges: shapes the schema refuses,
// unnamed policies, several tenant policies on one group, a group listed twice in one policy, ids in the file.
import * as assert from 'node:assert/strict';
import type { DeployedPolicy } from '../../../src/core/policy/overlapRules';
import { validateDocument } from '../../../src/core/policy/validator';
import { GUID_A, GUID_B } from './policyTestKit';

const NET = [{ domainJoinType: 'azureADJoin', regionName: 'automatic' }];
const dedicated = (members: Record<string, unknown>, ...groups: unknown[]): Record<string, unknown> => ({
  ...members,
  domainJoinConfigurations: NET,
  assignments: groups.map((g) => (typeof g === 'string' ? { target: { groupId: g } } : g)),
});
const fleet = (...policies: Record<string, unknown>[]): string => JSON.stringify({ policies }, null, 2);
const deployedOn = (p: Omit<DeployedPolicy, 'assignments'>, ...groups: string[]): DeployedPolicy => ({
  provisioningType: 'dedicated',
  ...p,
  assignments: groups.map((groupId) => ({ target: { groupId } })),
});

function overlaps(text: string, deployedPolicies?: DeployedPolicy[]): string[] {
  const all = validateDocument(text, { deployedPolicies });
  assert.ok(!all.some((f) => f.code === 'CPC100'), JSON.stringify(all));
  return all.filter((f) => f.code === 'CPC325').map((f) => f.message);
}

describe('CPC325 overlapping targets at the edges', () => {
  it('assignments that are not objects, or targets without a group, are skipped, not a crash', () => {
    const odd = [null, 7, { target: 'y' }, { target: { servicePlanId: GUID_B } }, { target: { groupId: 5 } }];
    const text = fleet(
      dedicated({ displayName: 'A' }, ...odd, GUID_A),
      dedicated({ displayName: 'B' }, ...odd, GUID_A),
    );
    const deployed = [
      {
        id: 'd1',
        displayName: 'D',
        provisioningType: 'dedicated',
        assignments: [null, { target: {} }, { target: { groupId: GUID_B } }],
      },
    ] as unknown as DeployedPolicy[];
    assert.equal(overlaps(text, deployed).length, 1, JSON.stringify(overlaps(text, deployed)));
  });

  it('policies without a name are named "this policy", a deployed one by its id, else "a deployed policy"', () => {
    assert.match(
      overlaps(fleet(dedicated({}, GUID_A), dedicated({}, GUID_A)))[0]!,
      /also targeted by 'this policy' \(earlier in this file, so assigned first\).*'this policy' provisions nothing/,
    );
    assert.match(
      overlaps(fleet(dedicated({ displayName: 'F' }, GUID_A)), [deployedOn({ id: 'p-7' }, GUID_A)])[0]!,
      /also targeted by 'p-7' \(already assigned in the tenant\)/,
    );
    assert.match(
      overlaps(fleet(dedicated({ displayName: 'F' }, GUID_A)), [deployedOn({}, GUID_A)])[0]!,
      /also targeted by 'a deployed policy'/,
    );
  });

  it('a nameless file policy is not the nameless deployed one', () => {
    assert.equal(overlaps(JSON.stringify(dedicated({}, GUID_A)), [deployedOn({}, GUID_A)]).length, 1);
  });

  it('several tenant policies on the group: the file policy hears which, and that the first assigned of them wins', () => {
    const found = overlaps(fleet(dedicated({ displayName: 'New' }, GUID_A)), [
      deployedOn({ id: '1', displayName: 'Old A' }, GUID_A),
      deployedOn({ id: '2', displayName: 'Old B' }, GUID_A.toUpperCase()),
    ]);
    assert.deepEqual(found, [
      `Group ${GUID_A} is assigned to several policies in the tenant ('Old A', 'Old B'): each user gets a Cloud PC from the one assigned first, and the others provision nothing for them. Keep one.`,
    ]);
  });

  it('a group listed twice in one policy is one claim: the other policy gets one warning, the first none', () => {
    const text = fleet(dedicated({ displayName: 'A' }, GUID_A, GUID_A), dedicated({ displayName: 'B' }, GUID_A));
    const found = validateDocument(text).filter((f) => f.code === 'CPC325');
    assert.equal(found.length, 1);
    assert.ok(found[0]!.range.offset > text.indexOf('"B"'));
    assert.deepEqual(
      overlaps(fleet(dedicated({ displayName: 'A' }, GUID_A, GUID_A), dedicated({ displayName: 'B' }, GUID_B))),
      [],
    );
  });

  it('an id in the file matches only the deployed policy with that id', () => {
    assert.deepEqual(
      overlaps(JSON.stringify(dedicated({ id: 'p-1', displayName: 'Renamed' }, GUID_A)), [
        deployedOn({ id: 'p-1', displayName: 'Original' }, GUID_A),
      ]),
      [],
    );
    assert.equal(
      overlaps(JSON.stringify(dedicated({ id: 'p-2', displayName: 'Original' }, GUID_A)), [
        deployedOn({ id: 'p-1', displayName: 'Original' }, GUID_A),
      ]).length,
      1,
    );
  });
});
