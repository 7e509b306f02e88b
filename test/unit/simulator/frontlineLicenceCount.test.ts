// frontLineServicePlans counts licences, not Cloud PCs: a Frontline dedicated licence enables up to three
// Cloud PCs and counts once (docs/service-facts.md "Frontline licence counts": Graph "cloudPcFrontLineServicePlan
// resource type"); the Fleet Overview's licence table reads the same numbers.
import * as assert from 'node:assert/strict';
import { createInProcessCloudPcApi } from '../../../src/core/graph/createCloudPcApi';
import { loadFleetDirectory } from '../../../src/core/fleet/loadFleetDirectory';
import { PLAN_FRONTLINE_2VCPU } from '../../../src/core/simulator/catalogSeed';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import { Simulator } from '../../../src/core/simulator/simulator';
import { handlerTransport, TenantClient, VE } from './tenantClient';

const allotment = (allotmentLicensesCount: number) => ({
  servicePlanId: PLAN_FRONTLINE_2VCPU,
  allotmentDisplayName: 'Shift',
  allotmentLicensesCount,
});

async function frontlineTenant(dedicatedUsers: number) {
  const sim = new Simulator(createSeedData('empty')); // five Frontline licences
  const handler = createSimulatorHandler(sim);
  const t = new TenantClient(handlerTransport(handler));
  const ids = [];
  for (let i = 1; i <= dedicatedUsers; i++) ids.push((await t.user(`Worker ${i}`, [])).id);
  const dedicated = await t.policy({ provisioningType: 'sharedByUser', cloudPcNamingTemplate: 'FLW-%RAND:6%' });
  await t.assign(dedicated, [await t.group('Shift', ids)], allotment(Math.ceil(dedicatedUsers / 3)));
  const shared = await t.policy({ provisioningType: 'sharedByEntraGroup', cloudPcNamingTemplate: 'SHR-%RAND:8%' });
  await t.assign(shared, [await t.group('Desk')], allotment(2));
  await t.advance({ hours: 3 });
  return { t, handler, sim };
}

async function plan(t: TenantClient) {
  const r = await t.ok('GET', `${VE}/frontLineServicePlans`);
  return r.json.value.find((p: { id: string }) => p.id === PLAN_FRONTLINE_2VCPU);
}

describe('frontLineServicePlans: usedCount counts licences', () => {
  it('three Cloud PCs on one Frontline dedicated licence plus two shared count three of five, two available', async () => {
    const { t, handler, sim } = await frontlineTenant(3);
    assert.equal((await t.cloudPcs()).length, 5);
    const p = await plan(t);
    assert.deepEqual([p.usedCount, p.totalCount, p.allotmentLicensesCount], [3, 5, 3]);
    const api = createInProcessCloudPcApi(handler);
    const [pcs, policies] = await Promise.all([api.listCloudPcs(), api.listPolicies()]);
    const dir = await loadFleetDirectory(api, policies, pcs, sim.now());
    const row = dir.licences.find((r) => r.kind === 'frontline')!;
    assert.deepEqual([row.used, row.total, row.available], [3, 5, 2]);
  });

  it('a fourth Frontline dedicated Cloud PC takes a second licence', async () => {
    const { t } = await frontlineTenant(4);
    assert.equal((await plan(t)).usedCount, 4);
  });
});
