// The Cloud PC actions as tools (retry, reprovision, end the grace period): each takes only the Cloud PCs its
// action allows, names the others with why they are skipped, in the confirmation and in the answer.
import * as assert from 'node:assert/strict';
import { CHANGE_TOOLS } from '../../../src/core/agent/tools/changeTools';
import type { CloudPc } from '../../../src/core/model/cloudPc';
import { openAgentWorld } from './agentKit';
import type { AgentWorld } from './agentKit';

const TENANT = 'Simulator (demo tenant)';
const tool = (name: string) => CHANGE_TOOLS.find((t) => t.name === name)!;
const shown = (pc: CloudPc) => `${JSON.stringify(pc.managedDeviceName ?? pc.displayName)} (${pc.userPrincipalName})`;

describe('agent Cloud PC action tools', () => {
  let world: AgentWorld;
  let failed: CloudPc;
  let provisioned: CloudPc;
  let grace: CloudPc;
  beforeEach(async () => {
    world = await openAgentWorld({ allowChanges: true });
    const pcs = await world.api.listCloudPcs();
    failed = pcs.find((pc) => pc.status === 'failed')!;
    provisioned = pcs.find((pc) => pc.status === 'provisioned')!;
    grace = pcs.find((pc) => pc.status === 'inGracePeriod')!;
  });
  afterEach(() => world.close());

  it('retry: confirms the failed ones and names the skipped, unknown ids first; runs only the failed', async () => {
    const input = { cloudPcIds: [provisioned.id, failed.id, 'no-such-pc'] };
    const summary = await tool('cpcpolicy_retry_provisioning').describeChange!(input, world.env);
    assert.equal(summary.title, `Retry 1 failed Cloud PC(s) on ${TENANT}?`);
    assert.equal(
      summary.message,
      `Provision again on ${TENANT}: ${shown(failed)}. A failed Cloud PC holds no user data. Not failed, skipped: no-such-pc: no such Cloud PC; ${provisioned.id}: provisioned.`,
    );
    const r = await tool('cpcpolicy_retry_provisioning').run(input, world.env);
    assert.deepEqual(r, {
      text: `Retry started for 1 of 1 Cloud PC(s) on ${TENANT}.\nSkipped: no-such-pc: no such Cloud PC; ${provisioned.id}: provisioned`,
      isError: false,
    });
  });

  it('reprovision: skips a Cloud PC in the grace period, says so in the confirmation and the answer', async () => {
    const input = { cloudPcIds: [provisioned.id, grace.id] };
    const summary = await tool('cpcpolicy_reprovision_cloud_pcs').describeChange!(input, world.env);
    assert.equal(summary.title, `Reprovision 1 Cloud PC(s) on ${TENANT}?`);
    assert.equal(
      summary.message,
      `Reprovisioning deletes 1 Cloud PC(s) on ${TENANT} and everything their users stored on them, then creates them again from their policies. This cannot be undone. ${shown(provisioned)}. Skipped: ${grace.id}: inGracePeriod`,
    );
    const r = await tool('cpcpolicy_reprovision_cloud_pcs').run(input, world.env);
    assert.equal(
      r.text,
      `Reprovisioning started for 1 of 1 Cloud PC(s) on ${TENANT}.\nSkipped: ${grace.id}: inGracePeriod`,
    );
    assert.equal(r.isError, false);
  });

  it('end grace: with nothing in the grace period, the confirmation says none and the run refuses', async () => {
    const input = { cloudPcIds: [provisioned.id] };
    const summary = await tool('cpcpolicy_end_grace_period').describeChange!(input, world.env);
    assert.equal(summary.title, `End the grace period of 0 Cloud PC(s) on ${TENANT}?`);
    assert.match(summary.message, new RegExp(`\\. Not in grace, skipped: ${provisioned.id}: provisioned$`));
    const r = await tool('cpcpolicy_end_grace_period').run(input, world.env);
    assert.deepEqual(r, { text: `Nothing to do: ${provisioned.id}: provisioned.`, isError: true });
    const ended = await tool('cpcpolicy_end_grace_period').run({ cloudPcIds: [grace.id] }, world.env);
    assert.equal(ended.text, `Ending the grace period started for 1 of 1 Cloud PC(s) on ${TENANT}.`);
  });
});
