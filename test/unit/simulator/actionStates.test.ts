// From which Cloud PC statuses an admin's action applies: reprovision (provisioned, provisioned with warnings or
// failed: docs/service-facts.md "Cloud PC states and actions"), retry (failed) and end the grace period (in grace).
// The simulator answers each status exactly as the shared rule the views, commands and agent tools read.
import * as assert from 'node:assert/strict';
import { CLOUD_PC_STATUSES } from '../../../src/core/model/cloudPc';
import type { CloudPcStatus } from '../../../src/core/model/cloudPc';
import {
  REPROVISIONABLE_STATUSES,
  canEndGracePeriod,
  canReprovision,
  canRetryProvisioning,
} from '../../../src/core/model/reprovisionRule';
import { Simulator } from '../../../src/core/simulator/simulator';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import { TenantClient, handlerTransport, onePc, VE } from './tenantClient';

/** A delivered Cloud PC, then put in `status` on the model (no REST request reaches every status on demand). */
async function cloudPcIn(status: CloudPcStatus): Promise<{ t: TenantClient; id: string; policyId: string }> {
  const sim = new Simulator(createSeedData('empty'));
  const t = new TenantClient(handlerTransport(createSimulatorHandler(sim)));
  const { u, p } = await onePc(t);
  await t.advance({ hours: 3 });
  const [pc] = await t.cloudPcsOf(u.upn);
  sim.cloudPcs.get(pc.id)!.status = status;
  return { t, id: pc.id, policyId: p };
}

describe('Cloud PC actions by status: the simulator and the shared rule agree', () => {
  it('the shared rule is the documented one (docs/service-facts.md "Cloud PC states and actions")', () => {
    // Written from the sources, not from the rule: the comparisons below would agree with a wrong list.
    const documented = { reprovision: ['provisioned', 'provisionedWithWarnings', 'failed'], retry: ['failed'] };
    assert.deepEqual(CLOUD_PC_STATUSES.filter(canReprovision).sort(), [...documented.reprovision].sort());
    assert.deepEqual([...REPROVISIONABLE_STATUSES].sort(), [...documented.reprovision].sort());
    assert.deepEqual(CLOUD_PC_STATUSES.filter(canRetryProvisioning), documented.retry);
    assert.deepEqual(CLOUD_PC_STATUSES.filter(canEndGracePeriod), ['inGracePeriod']);
  });

  for (const status of CLOUD_PC_STATUSES) {
    it(`reprovision, retry and end grace from ${status}`, async () => {
      const repro = await cloudPcIn(status);
      const r = await repro.t.call('POST', `${VE}/cloudPCs/${repro.id}/reprovision`, '{}');
      assert.equal(r.status === 204, canReprovision(status), `reprovision from ${status}: ${r.status}`);

      const retry = await cloudPcIn(status);
      await retry.t.ok('POST', `${VE}/provisioningPolicies/${retry.policyId}/retry`, {});
      const [after] = (await retry.t.cloudPcs()).filter((c) => c.id === retry.id);
      assert.equal(after.status !== status, canRetryProvisioning(status), `retry from ${status}: ${after.status}`);

      const grace = await cloudPcIn(status);
      const g = await grace.t.call('POST', `${VE}/cloudPCs/${grace.id}/endGracePeriod`, '{}');
      assert.equal(g.status === 204, canEndGracePeriod(status), `endGracePeriod from ${status}: ${g.status}`);
    });
  }

  it('names every status it can be reprovisioned from when it refuses', async () => {
    const { t, id } = await cloudPcIn('provisioning');
    const refused = await t.call('POST', `${VE}/cloudPCs/${id}/reprovision`, '{}');
    assert.equal(refused.status, 400);
    for (const s of REPROVISIONABLE_STATUSES)
      assert.match(refused.json.error.innerError.message, new RegExp(`\\b${s}\\b`));
  });
});
