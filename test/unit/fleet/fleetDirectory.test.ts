// Licences per SKU and who is left out, from the service rules: the first assigned policy wins, a dedicated
// policy needs a Windows 365 licence per user, a Frontline licence enables up to three Cloud PCs; and the
// same answers read from the demo tenant through the REST contract.
import * as assert from 'node:assert/strict';
import { createInProcessCloudPcApi } from '../../../src/core/graph/createCloudPcApi';
import { computeLeftOut } from '../../../src/core/fleet/leftOutUsers';
import type { LeftOutInput, LeftOutMember } from '../../../src/core/fleet/leftOutUsers';
import { licenceRows } from '../../../src/core/fleet/licenceUse';
import { loadFleetDirectory } from '../../../src/core/fleet/loadFleetDirectory';
import type { SubscribedSku } from '../../../src/core/model/directory';
import { SimulatorService } from '../../../src/core/simulator/hosting/simulatorService';

const E2 = 'sku-e2';

function member(name: string, skuIds: string[] = [E2]): LeftOutMember {
  return { id: `id-${name}`, displayName: name, userPrincipalName: `${name}@contoso.com`, skuIds };
}

function input(fields: Partial<LeftOutInput>): LeftOutInput {
  return { policies: [], groups: new Map(), enterpriseSkuIds: new Set([E2]), holders: [], ...fields };
}

const reasons = (out: ReturnType<typeof computeLeftOut>) =>
  out.map((u) => [u.name, u.policyName, u.reason, u.coveringPolicyName ?? '']);

describe('fleet aggregates: who is left out', () => {
  it('a dedicated policy skips users without a Windows 365 licence', () => {
    const out = computeLeftOut(
      input({
        policies: [
          { id: 'p1', displayName: 'Standard', provisioningType: 'dedicated', assignments: [{ groupId: 'g1' }] },
        ],
        groups: new Map([
          ['g1', { displayName: 'Sales', members: [member('ann'), member('bob', []), member('cy', ['sku-other'])] }],
        ]),
      }),
    );
    assert.deepEqual(reasons(out), [
      ['bob', 'Standard', 'noLicence', ''],
      ['cy', 'Standard', 'noLicence', ''],
    ]);
    assert.equal(out[0].groupName, 'Sales');
  });

  it("the first assigned policy wins: a user in two policies' groups is covered by the earlier one", () => {
    const out = computeLeftOut(
      input({
        policies: [
          { id: 'p1', displayName: 'First', assignments: [{ groupId: 'g1' }] },
          { id: 'p2', displayName: 'Second', provisioningType: 'dedicated', assignments: [{ groupId: 'g2' }] },
        ],
        groups: new Map([
          ['g1', { displayName: 'G1', members: [member('ann')] }],
          ['g2', { displayName: 'G2', members: [member('ann'), member('bob')] }],
        ]),
      }),
    );
    assert.deepEqual(reasons(out), [['ann', 'Second', 'coveredByOtherPolicy', 'First']]);
  });

  it('a Cloud PC that exists pins its user to its policy, whatever the order', () => {
    const out = computeLeftOut(
      input({
        policies: [
          { id: 'p1', displayName: 'First', assignments: [{ groupId: 'g1' }] },
          { id: 'p2', displayName: 'Second', assignments: [{ groupId: 'g1' }] },
        ],
        groups: new Map([['g1', { displayName: 'G1', members: [member('ann'), member('bob')] }]]),
        holders: [{ userPrincipalName: 'ANN@contoso.com', policyId: 'p2' }],
      }),
    );
    assert.deepEqual(reasons(out), [
      ['ann', 'First', 'coveredByOtherPolicy', 'Second'],
      ['bob', 'Second', 'coveredByOtherPolicy', 'First'],
    ]);
  });

  it('Frontline dedicated: each licence of the assignment enables up to three Cloud PCs, then no capacity', () => {
    const members = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7'].map((n) => member(n, []));
    const out = computeLeftOut(
      input({
        policies: [
          {
            id: 'f',
            displayName: 'Frontline',
            provisioningType: 'sharedByUser',
            assignments: [{ groupId: 'g', allotmentLicensesCount: 2 }],
          },
        ],
        groups: new Map([['g', { displayName: 'Store', members }]]),
      }),
    );
    assert.deepEqual(reasons(out), [['u7', 'Frontline', 'noCapacity', '']]);
  });

  it('Frontline keeps the places of users who already hold a Cloud PC from it', () => {
    const members = ['u1', 'u2', 'u3', 'u4'].map((n) => member(n, []));
    const out = computeLeftOut(
      input({
        policies: [
          {
            id: 'f',
            displayName: 'Frontline',
            provisioningType: 'sharedByUser',
            assignments: [{ groupId: 'g', allotmentLicensesCount: 1 }],
          },
        ],
        groups: new Map([['g', { displayName: 'Store', members }]]),
        holders: [{ userPrincipalName: 'u4@contoso.com', policyId: 'f' }],
      }),
    );
    assert.deepEqual(reasons(out), [['u3', 'Frontline', 'noCapacity', '']]);
  });

  it('Frontline shared pools and Enterprise licences do not compete: nobody is left out of a shared pool', () => {
    const out = computeLeftOut(
      input({
        policies: [
          {
            id: 's',
            displayName: 'Shared',
            provisioningType: 'sharedByEntraGroup',
            assignments: [{ groupId: 'g', allotmentLicensesCount: 1 }],
          },
          { id: 'e', displayName: 'Enterprise', assignments: [{ groupId: 'g' }] },
        ],
        groups: new Map([['g', { displayName: 'G', members: [member('ann'), member('bob')] }]]),
      }),
    );
    assert.deepEqual(out, []);
  });
});

describe('fleet aggregates: licences per SKU', () => {
  const sku = (skuId: string, part: string, consumed: number, enabled: number): SubscribedSku => ({
    id: skuId,
    skuId,
    skuPartNumber: part,
    appliesTo: 'User',
    capabilityStatus: 'Enabled',
    consumedUnits: consumed,
    prepaidUnits: { enabled, suspended: 0, warning: 0, lockedOut: 0 },
    servicePlans: [],
  });

  it('lists Windows 365 SKUs with used and available units and leaves other SKUs out', () => {
    const rows = licenceRows(
      [
        sku('a', 'CPC_E_2C_8GB_128GB', 43, 45),
        sku('b', 'ENTERPRISEPACK', 10, 20),
        sku('c', 'Windows_365_S_2vCPU_8GB_128GB', 1, 5),
        sku('d', 'CPC_E_4C_16GB_256GB', 12, 10),
      ],
      [],
    );
    assert.deepEqual(
      rows.map((r) => [r.name, r.kind, r.used, r.total, r.available]),
      [
        ['CPC_E_2C_8GB_128GB', 'enterprise', 43, 45, 2],
        ['CPC_E_4C_16GB_256GB', 'enterprise', 12, 10, 0],
        ['Windows_365_S_2vCPU_8GB_128GB', 'frontline', 1, 5, 4],
      ],
    );
  });

  it('counts Frontline through its service plans when the tenant serves them', () => {
    const rows = licenceRows(
      [sku('c', 'Windows_365_S_2vCPU_8GB_128GB', 1, 5)],
      [{ id: 'plan', displayName: 'Cloud PC Frontline 2vCPU', totalCount: 9, usedCount: 4 }],
    );
    assert.deepEqual(
      rows.map((r) => [r.name, r.used, r.total, r.available]),
      [['Cloud PC Frontline 2vCPU', 4, 9, 5]],
    );
  });
});

describe('fleet aggregates: the demo tenant through the REST contract', () => {
  it('reads licences, who is left out and reprovision starts from the simulator', async () => {
    const service = SimulatorService.open({ seed: 'demo', timeScale: 0 });
    try {
      const api = createInProcessCloudPcApi(service.handler);
      const [pcs, policies] = await Promise.all([api.listCloudPcs(), api.listPolicies()]);
      const provisioned = pcs.find((pc) => pc.status === 'provisioned')!;
      await api.reprovisionCloudPc(provisioned.id);
      const dir = await loadFleetDirectory(api, policies, pcs, service.simulator.now());
      assert.equal(dir.error, undefined);
      // Demo: 45 two-core licences, 43 assigned; 10 four-core, 3 assigned; the Frontline plan (read from frontLineServicePlans) unused.
      assert.deepEqual(
        dir.licences.map((r) => [r.name, r.used, r.total]),
        [
          ['CPC_E_2C_8GB_128GB', 43, 45],
          ['CPC_E_4C_16GB_256GB', 3, 10],
          ['Cloud PC Frontline 2vCPU/8GB/128GB', 0, 5],
        ],
      );
      // One sales user has no licence; the three sales people also in Engineering are covered by the same policy.
      assert.deepEqual(
        dir.leftOut.map((u) => [u.userPrincipalName, u.groupName, u.reason]),
        [['henrietta.harris@contoso.onmicrosoft.com', 'W365 Sales', 'noLicence']],
      );
      assert.deepEqual(
        dir.auditStarts.map((s) => s.cloudPcId),
        [provisioned.id],
      );
    } finally {
      service.close();
    }
  });
});
