// Which assignments provision a Cloud PC for whom (docs/simulator.md rule 2), through the REST contract.
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../src/core/simulator/simulator';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import { PLAN_FRONTLINE_2VCPU, SKU_FRONTLINE_2VCPU } from '../../../src/core/simulator/catalogSeed';
import { TenantClient, handlerTransport } from './tenantClient';

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
    await t.assign(await t.policy({ provisioningType: 'reserve', cloudPcNamingTemplate: 'RSV-%RAND:6%' }), [await t.group('G', [u.id])]);
    assert.deepEqual(await t.cloudPcsOf(u.upn), []);
  });

  it('gives a disabled account none', async () => {
    const t = tenant();
    const r = await t.ok('POST', '/v1.0/users', { displayName: 'Disabled', userPrincipalName: 'disabled@contoso.onmicrosoft.com', accountEnabled: false, mailNickname: 'disabled' });
    await t.assign(await t.policy({ provisioningType: 'sharedByUser', cloudPcNamingTemplate: 'FLW-%RAND:6%' }), [await t.group('G', [r.json.id])],
      { servicePlanId: PLAN_FRONTLINE_2VCPU, allotmentDisplayName: 'Shift', allotmentLicensesCount: 1 });
    assert.deepEqual(await t.cloudPcsOf('disabled@contoso.onmicrosoft.com'), []);
  });
});
