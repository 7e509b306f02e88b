// The samples deploy whole on the demo tenant: every group and Frontline plan they name exists there and
// their allotments fit its licenses, so trying a sample never half-deploys (created, then assignment refused).
// Also the frontLineServicePlans collection that lets Deploy check an allotment before it assigns.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RestHandler } from '../../../src/core/model/rest';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { Simulator } from '../../../src/core/simulator/simulator';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import { parsePolicyFiles } from '../../../src/core/deploy/policyFileShape';

const VE = '/beta/deviceManagement/virtualEndpoint';
const samples = path.join(__dirname, '..', '..', '..', 'samples');

async function send(
  handler: RestHandler,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const r = await handler({
    method,
    url,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, json: r.body ? JSON.parse(r.body) : {} };
}

describe('samples on the demo tenant', () => {
  for (const name of fs.readdirSync(samples).filter((f) => f.endsWith('.cpcpolicy.json'))) {
    it(`${name}: every policy is created and assigned as written`, async () => {
      const handler = createSimulatorHandler(new Simulator(createSeedData('demo')));
      const set = parsePolicyFiles(fs.readFileSync(path.join(samples, name), 'utf8'));
      assert.deepEqual(set.errors, []);
      for (const policy of set.policies) {
        const created = await send(handler, 'POST', `${VE}/provisioningPolicies`, policy.fields);
        assert.equal(created.status, 201, `${policy.fields.displayName}: ${JSON.stringify(created.json)}`);
        if (!policy.assignments) continue;
        const assigned = await send(handler, 'POST', `${VE}/provisioningPolicies/${created.json.id}/assign`, {
          assignments: policy.assignments.map((target) => ({ target })),
        });
        assert.equal(
          assigned.status,
          204,
          `${policy.fields.displayName} assignments: ${JSON.stringify(assigned.json)}`,
        );
      }
    });
  }

  it('lists Frontline service plans with licenses and what assignments allot', async () => {
    const sim = new Simulator(createSeedData('demo'));
    const handler = createSimulatorHandler(sim);
    const before = await send(handler, 'GET', `${VE}/frontLineServicePlans`);
    assert.equal(before.status, 200);
    const [plan] = before.json.value as { id: string; totalCount: number; allotmentLicensesCount: number }[];
    assert.equal(plan.totalCount, 5);
    assert.equal(plan.allotmentLicensesCount, 0);
    const retail = [...sim.policies.values()].find((p) => p.policy.provisioningType === 'sharedByUser')!;
    const group = [...sim.groups.values()][0];
    assert.equal(
      (
        await send(handler, 'POST', `${VE}/provisioningPolicies/${retail.policy.id}/assign`, {
          assignments: [{ target: { groupId: group.id, servicePlanId: plan.id, allotmentLicensesCount: 2 } }],
        })
      ).status,
      204,
    );
    const after = await send(handler, 'GET', `${VE}/frontLineServicePlans`);
    assert.equal((after.json.value as { allotmentLicensesCount: number }[])[0].allotmentLicensesCount, 2);
  });
});
