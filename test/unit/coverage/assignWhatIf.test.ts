// The assign what-if, from the rules in docs/simulator.md "The behaviour it models" (rules 2, 4, 8), and its
// agreement with the simulator: the users it says get a Cloud PC are the ones the simulator provisions.
import * as assert from 'node:assert/strict';
import { computeWhatIf } from '../../../src/core/coverage/assignWhatIf';
import type { WhatIfInput } from '../../../src/core/coverage/assignWhatIf';
import type { CloudPc } from '../../../src/core/model/cloudPc';
import type { LicenseDetails } from '../../../src/core/model/directory';
import { Simulator } from '../../../src/core/simulator/simulator';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { toLicenseDetails } from '../../../src/core/simulator/rest/directoryShapes';
import {
  IMAGE_WIN11_24H2_M365,
  PLAN_FRONTLINE_2VCPU,
  SKU_ENTERPRISE_2VCPU,
} from '../../../src/core/simulator/catalogSeed';

const plain = (message: string, ...args: (string | number)[]): string =>
  message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));

function workers(n: number, prefix = 'u') {
  return Array.from({ length: n }, (_, i) => ({
    '@odata.type': '#microsoft.graph.user',
    id: `${prefix}${i}`,
    displayName: `Worker ${i}`,
    userPrincipalName: `${prefix}${i}@contoso.com`,
  }));
}

const W365: LicenseDetails[] = [{ id: 'l', skuId: 's', skuPartNumber: 'CPC_E_2C_8GB_128GB', servicePlans: [] }];
const OFFICE: LicenseDetails[] = [
  {
    id: 'l',
    skuId: 's',
    skuPartNumber: 'ENTERPRISEPACK',
    servicePlans: [
      {
        servicePlanId: 'x',
        servicePlanName: 'EXCHANGE_S_ENTERPRISE',
        provisioningStatus: 'Success',
        appliesTo: 'User',
      },
    ],
  },
];

function whatIf(over: Partial<WhatIfInput>) {
  return computeWhatIf(
    {
      policy: { id: 'p', displayName: 'Standard', provisioningType: 'dedicated', cloudPcNamingTemplate: null },
      groups: [],
      licenses: new Map(),
      coveredElsewhere: new Map(),
      existing: [],
      sampleName: (upn) => `CPC-${upn.slice(0, 2).toUpperCase()}`,
      ...over,
    },
    plain,
  );
}

function cloudPc(id: string, upn: string, policyId: string, status: CloudPc['status'] = 'provisioned'): CloudPc {
  return { id, userPrincipalName: upn, provisioningPolicyId: policyId, status, displayName: `PC ${upn}` } as CloudPc;
}

describe('assign what-if', () => {
  it('gives each licensed direct member a Cloud PC with a sample name and skips the unlicensed and nested groups (rule 2)', () => {
    const [a, b] = workers(2);
    const r = whatIf({
      groups: [
        {
          id: 'g',
          displayName: 'Sales',
          members: [a, b, { '@odata.type': '#microsoft.graph.group', id: 'n', displayName: 'Nested' }],
        },
      ],
      licenses: new Map([
        ['u0', W365],
        ['u1', OFFICE],
      ]),
    });
    assert.deepEqual(
      r.gets.map((u) => [u.userId, u.sampleName]),
      [['u0', 'CPC-U0']],
    );
    assert.deepEqual(
      r.skipped.map((s) => [s.name, s.reason]),
      [
        ['Worker 1', 'no Windows 365 license'],
        ['Nested', 'nested group: Cloud PC assignments use direct members only'],
      ],
    );
  });

  it('says why when the licences could not be read', () => {
    const r = whatIf({
      groups: [{ id: 'g', displayName: 'Sales', members: workers(1) }],
      licenses: new Map([['u0', { error: 'HTTP 403' }]]),
    });
    assert.deepEqual(
      r.skipped.map((s) => s.reason),
      ['licenses could not be read: HTTP 403'],
    );
  });

  it('skips a user another policy covers first, naming it (rule 4)', () => {
    const r = whatIf({
      groups: [{ id: 'g', displayName: 'Sales', members: workers(1) }],
      licenses: new Map([['u0', W365]]),
      coveredElsewhere: new Map([['u0', 'Finance']]),
    });
    assert.deepEqual(
      r.skipped.map((s) => s.reason),
      ['already covered by an earlier policy (Finance)'],
    );
    assert.equal(r.gets.length, 0);
  });

  it("keeps this policy's Cloud PCs of members, and sends the others' into grace (rule 8)", () => {
    const [a] = workers(1);
    const r = whatIf({
      groups: [{ id: 'g', displayName: 'Sales', members: [a] }],
      existing: [
        cloudPc('c0', 'u0@contoso.com', 'p'),
        cloudPc('c1', 'gone@contoso.com', 'p'),
        cloudPc('c2', 'grace@contoso.com', 'p', 'inGracePeriod'),
        cloudPc('c3', 'other@contoso.com', 'q'),
      ],
    });
    assert.deepEqual(
      r.keeps.map((u) => u.userId),
      ['u0'],
    );
    assert.deepEqual(
      r.loses.map((l) => l.cloudPcId),
      ['c1'],
    );
  });

  it('gives a user in two selected groups one Cloud PC', () => {
    const [a] = workers(1);
    const r = whatIf({
      groups: [
        { id: 'g1', displayName: 'A', members: [a] },
        { id: 'g2', displayName: 'B', members: [a] },
      ],
      licenses: new Map([['u0', W365]]),
    });
    assert.equal(r.gets.length, 1);
    assert.equal(r.skipped.length, 0);
  });

  for (const provisioningType of ['sharedByUser', 'shared'] as const) {
    it(`gives three users per ${provisioningType} licence a Cloud PC and skips the rest (rule 2)`, () => {
      const r = whatIf({
        policy: { id: 'p', displayName: 'Shift', provisioningType, cloudPcNamingTemplate: 'FLW-%RAND:6%' },
        groups: [{ id: 'g', displayName: 'Shift', members: workers(7), allotment: 2 }],
      });
      assert.deepEqual(
        r.gets.map((u) => u.userId),
        ['u0', 'u1', 'u2', 'u3', 'u4', 'u5'],
      );
      assert.deepEqual(
        r.skipped.map((u) => [u.name, u.reason]),
        [['Worker 6', 'beyond the allotment of 2 (6 Cloud PCs)']],
      );
    });
  }

  it('counts a member who keeps a Frontline Cloud PC in the allotment (rule 2)', () => {
    const r = whatIf({
      policy: { id: 'p', displayName: 'Shift', provisioningType: 'sharedByUser', cloudPcNamingTemplate: null },
      groups: [{ id: 'g', displayName: 'Shift', members: workers(4), allotment: 1 }],
      existing: [cloudPc('c3', 'u3@contoso.com', 'p')],
    });
    assert.deepEqual(
      r.keeps.map((u) => u.userId),
      ['u3'],
    );
    assert.deepEqual(
      r.gets.map((u) => u.userId),
      ['u0', 'u1'],
    );
  });

  it('keeps Frontline shared at one pooled Cloud PC per licence (rule 2)', () => {
    const r = whatIf({
      policy: {
        id: 'p',
        displayName: 'Pool',
        provisioningType: 'sharedByEntraGroup',
        cloudPcNamingTemplate: 'SHR-%RAND:6%',
      },
      groups: [{ id: 'g', displayName: 'Pool', members: workers(7), allotment: 2 }],
    });
    assert.deepEqual(r.pools, [{ group: 'Pool', count: 2 }]);
  });

  it('promises no Reserve Cloud PC on assignment: they come from a device action (rule 2)', () => {
    const r = whatIf({
      policy: { id: 'p', displayName: 'Reserve', provisioningType: 'reserve', cloudPcNamingTemplate: null },
      groups: [{ id: 'g', displayName: 'G', members: workers(1) }],
    });
    assert.equal(r.gets.length, 0);
    assert.deepEqual(
      r.skipped.map((s) => s.reason),
      ['Reserve Cloud PCs come from a device action, not from an assignment'],
    );
  });
});

describe('assign what-if and the simulator agree', () => {
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  it('names exactly the users the simulator then provisions: licensed Enterprise members, Frontline up to the allotment', () => {
    const sim = new Simulator(createSeedData('empty', { units: { e2: 10, e4: 0, frontline: 2 }, randomSeed: 'agree' }));
    const enterprise = must(sim.createGroup({ displayName: 'Office' }));
    const shift = must(sim.createGroup({ displayName: 'Shift' }));
    for (let i = 0; i < 8; i++) {
      const u = must(sim.createUser({ displayName: `U${i}`, userPrincipalName: `u${i}@contoso.onmicrosoft.com` }));
      if (i % 2 === 0) must(sim.assignLicense(u.id, [SKU_ENTERPRISE_2VCPU], []));
      must(sim.addMember(enterprise.id, u.id));
      must(sim.addMember(shift.id, u.id));
    }
    const network = {
      domainJoinConfigurations: [{ domainJoinType: 'azureADJoin' as const, regionName: 'eastus2' }],
      imageType: 'gallery' as const,
      imageId: IMAGE_WIN11_24H2_M365,
    };
    const standard = must(sim.createPolicy({ displayName: 'Standard', ...network }));
    const frontline = must(sim.createPolicy({ displayName: 'Shift', provisioningType: 'sharedByUser', ...network }));
    const members = (groupId: string) =>
      sim.groups.get(groupId)!.members.map((id) => {
        const u = sim.users.get(id)!;
        return {
          '@odata.type': '#microsoft.graph.user',
          id,
          displayName: u.displayName,
          userPrincipalName: u.userPrincipalName,
        };
      });
    const licenses = new Map(
      [...sim.users.values()].map((u) => [u.id, u.licenses.map((s) => toLicenseDetails(sim.skus.get(s)!))]),
    );
    const cases = [
      {
        policy: standard.policy,
        group: enterprise.id,
        target: {
          groupId: enterprise.id,
          servicePlanId: null,
          allotmentDisplayName: null,
          allotmentLicensesCount: null,
        },
      },
      {
        policy: frontline.policy,
        group: shift.id,
        target: {
          groupId: shift.id,
          servicePlanId: PLAN_FRONTLINE_2VCPU,
          allotmentDisplayName: 'Shift',
          allotmentLicensesCount: 1,
        },
      },
    ];
    for (const { policy, group, target } of cases) {
      const predicted = computeWhatIf(
        {
          policy,
          groups: [{ id: group, displayName: 'G', members: members(group), allotment: target.allotmentLicensesCount }],
          licenses,
          coveredElsewhere: new Map(),
          existing: [],
          sampleName: () => '',
        },
        plain,
      );
      must(sim.assignPolicy(policy.id, [target]));
      const provisioned = [...sim.cloudPcs.values()]
        .filter((c) => c.policyId === policy.id)
        .map((c) => c.userId)
        .sort();
      assert.deepEqual(predicted.gets.map((u) => u.userId).sort(), provisioned, policy.displayName);
      assert.ok(provisioned.length > 0 && provisioned.length < 8, `${policy.displayName} covers some, not all`);
    }
  });
});
