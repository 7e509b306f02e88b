// What the engine refuses before anything is written, each with a message that says what to do: files with
// errors, two policies bound to one id, a binding to a deleted policy, a rename onto another policy's name,
// an immutable property, a group that does not exist. A refused plan changes nothing at all.
import * as assert from 'node:assert/strict';
import { applyPlan } from '../../../src/core/deploy/applyPlan';
import { planIsBlocked } from '../../../src/core/deploy/deployPlan';
import type { DeployFile, DeployPlan } from '../../../src/core/deploy/deployPlan';
import { planDeploy } from '../../../src/core/deploy/planDeploy';
import { DEMO, groups, openDemo, pulled } from './deployKit';
import type { DemoTenant } from './deployKit';

describe('deploy engine: refusals', () => {
  let demo: DemoTenant;
  beforeEach(() => {
    demo = openDemo();
  });
  afterEach(() => demo.close());

  /** Applies the plan and checks that it was refused whole and the tenant's policies did not change. */
  async function refusedWhole(plan: DeployPlan): Promise<string> {
    const before = JSON.stringify(await demo.api.listPolicies());
    assert.equal(planIsBlocked(plan), true);
    const outcome = await applyPlan(plan, demo.api, { allowGrace: true });
    assert.ok(outcome.refused.length > 0);
    assert.equal(outcome.complete, false);
    assert.ok(outcome.policies.every((o) => o.done.length === 0));
    assert.equal(JSON.stringify(await demo.api.listPolicies()), before, 'nothing changed');
    return outcome.refused.join('\n');
  }

  it('never applies a file with validator errors, and names the line', async () => {
    const file = await pulled(demo.api, DEMO.finance, (o) => {
      o.description = 'Changed';
      o.imageType = 'not-a-type';
    });
    const plan = await planDeploy([file], demo.api);
    assert.ok(
      plan.problems.some((p) => p.code && p.line! > 1),
      JSON.stringify(plan.problems),
    );
    await refusedWhole(plan);
  });

  it('refuses two policies bound to one id, naming both', async () => {
    const a = await pulled(demo.api, DEMO.finance);
    const b: DeployFile = {
      ...(await pulled(demo.api, DEMO.finance, (o) => (o.displayName = 'Copy'))),
      path: 'copy.cpcpolicy.json',
    };
    const plan = await planDeploy([a, b], demo.api);
    assert.deepEqual(
      plan.policies.map((p) => p.action),
      ['refused', 'refused'],
    );
    assert.match(
      plan.policies[1]!.refusals.join(' '),
      /stand for the deployed policy .*remove the `policy id` comment/,
    );
    await refusedWhole(plan);
  });

  it('refuses a binding to a policy the tenant no longer has, saying how to create it anew', async () => {
    const file = await pulled(demo.api, DEMO.frontline);
    await demo.api.deletePolicy(DEMO.frontline);
    const plan = await planDeploy([file], demo.api);
    assert.equal(plan.policies[0]!.missingId, DEMO.frontline);
    assert.match(plan.policies[0]!.refusals[0]!, /does not have .*remove the id/);
    await refusedWhole(plan);
    const editor = await planDeploy([file], demo.api, { createMissing: true });
    assert.equal(editor.policies[0]!.action, 'create', 'the editor asks, then creates');
  });

  it("refuses a rename onto another policy's name, unless that one is renamed away in the same plan", async () => {
    const onto = await pulled(demo.api, DEMO.standard, (o) => (o.displayName = 'Contoso Finance (hybrid)'));
    const plan = await planDeploy([onto], demo.api);
    assert.match(plan.policies[0]!.refusals.join(' '), /already has this name.*choose another name/);
    await refusedWhole(plan);
    const swap = await planDeploy(
      [onto, await pulled(demo.api, DEMO.finance, (o) => (o.displayName = 'Contoso Finance (renamed)'))],
      demo.api,
    );
    assert.deepEqual(
      swap.policies.map((p) => p.action),
      ['update', 'update'],
    );
  });

  it('refuses a change of an immutable property and an unknown group, before writing anything', async () => {
    const file = await pulled(demo.api, DEMO.finance, (o) => {
      o.description = 'Changed too';
      o.userExperienceType = 'cloudApp';
      o.provisioningType = 'sharedByEntraGroup';
    });
    const other = await pulled(demo.api, DEMO.standard, (o) => {
      o.assignments = [...groups(o), { target: { groupId: '00000000-0000-4000-8000-000000000000' } }];
    });
    const plan = await planDeploy([file, other], demo.api);
    assert.match(plan.policies[0]!.refusals.join(' '), /provisioningType cannot change after the policy is created/);
    assert.match(plan.policies[1]!.refusals.join(' '), /no group with the id 00000000-0000-4000-8000-000000000000/);
    await refusedWhole(plan);
  });
});
