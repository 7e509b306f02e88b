// The default naming template has one home (src/core/model/defaultNamingTemplate.ts): the views' sample name
// and the simulator's device names follow it for every provisioning type, a shared pool's too
// (docs/service-facts.md "Naming template").
import * as assert from 'node:assert/strict';
import { PLAN_FRONTLINE_2VCPU } from '../../../src/core/simulator/catalogSeed';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import { Simulator } from '../../../src/core/simulator/simulator';
import { effectiveNamingTemplate, sampleName } from '../../../src/core/policy/sampleName';
import { handlerTransport, TenantClient } from '../simulator/tenantClient';

describe('default naming template: the views and the simulator agree', () => {
  it('a Frontline shared policy without a template: CPC- and 8 random characters in both', async () => {
    const t = new TenantClient(handlerTransport(createSimulatorHandler(new Simulator(createSeedData('empty')))));
    const p = await t.policy({ provisioningType: 'sharedByEntraGroup', cloudPcNamingTemplate: null });
    await t.assign(p, [await t.group('Desk')], { servicePlanId: PLAN_FRONTLINE_2VCPU, allotmentLicensesCount: 1 });
    await t.advance({ hours: 4 });
    const [pc] = await t.cloudPcs();
    const policy = { id: p, provisioningType: 'sharedByEntraGroup' as const, cloudPcNamingTemplate: null };
    assert.equal(effectiveNamingTemplate(policy), 'CPC-%RAND:8%');
    const sample = sampleName(policy, 'adele.vance@contoso.com');
    assert.match(sample, /^CPC-[A-Z0-9]{8}$/);
    assert.match(pc.managedDeviceName, /^CPC-[A-Z0-9]{8}$/);
  });

  it('a dedicated policy without a template: Graph example in both', () => {
    assert.match(
      sampleName({ id: 'p', cloudPcNamingTemplate: null }, 'adele.vance@contoso.com'),
      /^CPC-ADEL-[A-Z0-9]{5}$/i,
    );
  });
});
