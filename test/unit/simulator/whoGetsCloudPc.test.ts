// Which assignments provision a Cloud PC for whom (docs/simulator.md rules 2 and 4), through the REST contract.
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../src/core/simulator/simulator';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import { PLAN_FRONTLINE_2VCPU, SKU_FRONTLINE_2VCPU } from '../../../src/core/simulator/catalogSeed';
import { TenantClient, handlerTransport } from './tenantClient';

const shift = { servicePlanId: PLAN_FRONTLINE_2VCPU, allotmentDisplayName: 'Shift', allotmentLicensesCount: 1 };
const frontlineDedicated = { provisioningType: 'sharedByUser', cloudPcNamingTemplate: 'FLW-%RAND:6%' };

function tenant(): TenantClient {
  return new TenantClient(handlerTransport(createSimulatorHandler(new Simulator(createSeedData('empty')))));
}

describe('who gets a Cloud PC from an assignment', () => {
  it('gives a user holding only a Frontline licence no Cloud PC from an Enterprise policy', async () => {
    const t = tenant();
    const u = await t.user('Frontline Only', [SKU_FRONTLINE_2VCPU]);
    await t.assign(await t.policy(), [await t.group('G', [u.id])]);
    assert.deepEqual(await t.cloudPcsOf(u.upn), []);
  });

  it('provisions nothing on assigning a Reserve policy: its Cloud PCs come from a device action', async () => {
    const t = tenant();
    const u = await t.user('Reserve User');
    await t.assign(await t.policy({ provisioningType: 'reserve', cloudPcNamingTemplate: 'RSV-%RAND:6%' }), [
      await t.group('G', [u.id]),
    ]);
    assert.deepEqual(await t.cloudPcsOf(u.upn), []);
  });

  it('gives a disabled account none', async () => {
    const t = tenant();
    const r = await t.ok('POST', '/v1.0/users', {
      displayName: 'Disabled',
      userPrincipalName: 'disabled@contoso.onmicrosoft.com',
      accountEnabled: false,
      mailNickname: 'disabled',
    });
    await t.assign(
      await t.policy({ provisioningType: 'sharedByUser', cloudPcNamingTemplate: 'FLW-%RAND:6%' }),
      [await t.group('G', [r.json.id])],
      { servicePlanId: PLAN_FRONTLINE_2VCPU, allotmentDisplayName: 'Shift', allotmentLicensesCount: 1 },
    );
    assert.deepEqual(await t.cloudPcsOf('disabled@contoso.onmicrosoft.com'), []);
  });

  it('lets neither a Frontline shared pool nor a Reserve policy assigned first claim a user: the Frontline dedicated policy gives the Cloud PC', async () => {
    for (const first of [
      { provisioningType: 'sharedByEntraGroup', cloudPcNamingTemplate: 'SHR-%RAND:8%' },
      { provisioningType: 'reserve', cloudPcNamingTemplate: 'RSV-%RAND:6%' },
    ]) {
      const t = tenant();
      const u = await t.user('Shift Worker', []);
      const earlier = await t.policy(first);
      await t.assign(earlier, [await t.group('First', [u.id])], first.provisioningType === 'reserve' ? {} : shift);
      const dedicated = await t.policy(frontlineDedicated);
      await t.assign(dedicated, [await t.group('Second', [u.id])], shift);
      assert.deepEqual(
        (await t.cloudPcsOf(u.upn)).map((c) => c.provisioningPolicyId),
        [dedicated],
        first.provisioningType,
      );
    }
  });

  it('gives a user of two Frontline dedicated allotments a Cloud PC from the first assigned that has room', async () => {
    const t = tenant();
    const users = [];
    for (let i = 1; i <= 4; i++) users.push(await t.user(`Worker ${i}`, []));
    const full = await t.policy(frontlineDedicated);
    await t.assign(
      full,
      [
        await t.group(
          'Full',
          users.map((u) => u.id),
        ),
      ],
      shift,
    );
    const roomy = await t.policy(frontlineDedicated);
    await t.assign(roomy, [await t.group('Roomy', [users[3].id])], shift);
    const owners = (await t.cloudPcs())
      .map((c) => [c.userPrincipalName, c.provisioningPolicyId === full ? 'full' : 'roomy'])
      .sort();
    assert.deepEqual(
      owners,
      users.map((u, i) => [u.upn, i < 3 ? 'full' : 'roomy']),
    );
  });
});
