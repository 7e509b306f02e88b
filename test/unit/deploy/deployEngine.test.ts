// The deploy engine over the in-process simulator: plan says what apply will do (settings, rename,
// assignments and who they affect), apply does exactly that and says so, a second apply changes nothing.
import * as assert from 'node:assert/strict';
import { applyPlan } from '../../../src/core/deploy/applyPlan';
import { planHasChanges } from '../../../src/core/deploy/deployPlan';
import { planDeploy } from '../../../src/core/deploy/planDeploy';
import { cloudPcsOf, DEMO, groups, openDemo, pulled } from './deployKit';
import type { DemoTenant } from './deployKit';

describe('deploy engine: plan and apply', () => {
  let demo: DemoTenant;
  beforeEach(() => {
    demo = openDemo();
  });
  afterEach(() => demo.close());

  it('plans an exported policy as unchanged', async () => {
    const plan = await planDeploy([await pulled(demo.api, DEMO.standard)], demo.api);
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(
      plan.policies.map((p) => [p.action, p.policyId, p.matchedBy]),
      [['unchanged', DEMO.standard, 'binding']],
    );
    assert.equal(planHasChanges(plan), false);
  });

  it('creates a new policy, then a second plan finds it by name and changes nothing', async () => {
    const file = await pulled(demo.api, DEMO.finance, (o) => {
      o.displayName = 'Brand new';
      o.assignments = [];
    });
    const text = file.text.replace(/^\/\/.*\n/, '');
    const plan = await planDeploy([{ path: 'new.cpcpolicy.json', text }], demo.api);
    assert.deepEqual(
      plan.policies.map((p) => [p.action, p.matchedBy]),
      [['create', 'none']],
    );
    const outcome = await applyPlan(plan, demo.api);
    assert.equal(outcome.complete, true);
    assert.deepEqual(outcome.policies[0]!.done, ['created']);
    const [created] = await demo.api.findPoliciesByName('Brand new');
    assert.equal(outcome.policies[0]!.policyId, created!.id);
    const again = await planDeploy([{ path: 'new.cpcpolicy.json', text }], demo.api);
    assert.equal(again.policies[0]!.action, 'unchanged');
    const twice = await applyPlan(again, demo.api);
    assert.deepEqual(twice.policies[0]!.done, [], 'idempotent: nothing to do');
  });

  it('renames a bound policy and changes a setting: one update that names both', async () => {
    const file = await pulled(demo.api, DEMO.standard, (o) => {
      o.displayName = 'Contoso Standard v2';
      o.description = 'Edited in the repository';
    });
    const plan = await planDeploy([file], demo.api);
    const [p] = plan.policies;
    assert.equal(p!.action, 'update');
    assert.deepEqual(p!.rename, { from: 'Contoso Standard (East US 2)', to: 'Contoso Standard v2' });
    assert.deepEqual(
      p!.changes.map((c) => [c.property, c.file]),
      [['description', 'Edited in the repository']],
    );
    assert.equal(p!.assignments, undefined);
    const outcome = await applyPlan(plan, demo.api);
    assert.deepEqual(outcome.policies[0]!.done, ['renamed', 'settings']);
    const after = await demo.api.getPolicy(DEMO.standard);
    assert.equal(after.displayName, 'Contoso Standard v2');
    assert.equal(after.description, 'Edited in the repository');
    assert.equal((await planDeploy([file], demo.api)).policies[0]!.action, 'unchanged');
  });

  it('counts the Cloud PCs a removed group sends into grace, exactly as the simulator then does', async () => {
    const before = await cloudPcsOf(demo.api, DEMO.standard);
    const file = await pulled(demo.api, DEMO.standard, (o) => {
      o.assignments = groups(o).filter((a) => a.target.groupId !== DEMO.sales);
    });
    const plan = await planDeploy([file], demo.api);
    const [p] = plan.policies;
    assert.deepEqual(p!.assignments, { added: [], removed: [{ groupId: DEMO.sales }] });
    assert.ok(p!.whatIf && p!.whatIf.entersGrace > 0, `some Cloud PCs enter grace: ${JSON.stringify(p!.whatIf)}`);
    assert.equal(p!.whatIf.gets, 0);

    const refused = await applyPlan(plan, demo.api);
    assert.match(refused.refused.join(' '), /enter the 7-day grace period/);
    assert.equal(refused.policies[0]!.status, 'refused');
    assert.equal(await cloudPcsOf(demo.api, DEMO.standard), before, 'nothing changed without leave');

    const outcome = await applyPlan(plan, demo.api, { allowGrace: true });
    assert.deepEqual(outcome.policies[0]!.done, ['assignments']);
    assert.deepEqual(outcome.intents.assignmentsChanged, [DEMO.standard]);
    assert.equal(await cloudPcsOf(demo.api, DEMO.standard), before - p!.whatIf.entersGrace);
  });

  it('counts who gets a Cloud PC from an added group, exactly as the simulator then provisions', async () => {
    const before = await cloudPcsOf(demo.api, DEMO.finance);
    const file = await pulled(demo.api, DEMO.finance, (o) => {
      o.assignments = [...groups(o), { target: { groupId: DEMO.allUsers } }];
    });
    const plan = await planDeploy([file], demo.api);
    const [p] = plan.policies;
    assert.deepEqual(p!.assignments, { added: [{ groupId: DEMO.allUsers }], removed: [] });
    assert.equal(p!.whatIf?.entersGrace, 0);
    assert.ok(p!.whatIf!.gets > 0, `someone gets a Cloud PC: ${JSON.stringify(p!.whatIf)}`);
    const outcome = await applyPlan(plan, demo.api);
    assert.equal(outcome.complete, true);
    assert.equal(await cloudPcsOf(demo.api, DEMO.finance), before + p!.whatIf!.gets);
  });

  it('shows drift: a policy edited outside the files plans as a change back to the file', async () => {
    const file = await pulled(demo.api, DEMO.finance, (o) => {
      o.description = 'As in the repository';
    });
    await applyPlan(await planDeploy([file], demo.api), demo.api);
    await demo.api.updatePolicy(DEMO.finance, { description: 'Edited in the portal' });
    const plan = await planDeploy([file], demo.api);
    assert.equal(planHasChanges(plan), true);
    assert.deepEqual(
      plan.policies[0]!.changes.map((c) => [c.property, c.deployed, c.file]),
      [['description', 'Edited in the portal', 'As in the repository']],
    );
  });

  it('deletes a policy no file names only with prune, unassigning it first', async () => {
    const files = [await pulled(demo.api, DEMO.standard), await pulled(demo.api, DEMO.finance)];
    const plain = await planDeploy(files, demo.api);
    assert.ok(!plain.policies.some((p) => p.action === 'delete'));
    const pruned = await planDeploy(files, demo.api, { prune: true });
    assert.deepEqual(
      pruned.policies.filter((p) => p.action === 'delete').map((p) => p.policyId),
      [DEMO.frontline],
    );
    const outcome = await applyPlan(pruned, demo.api);
    assert.deepEqual(outcome.policies.find((o) => o.action === 'delete')!.done, ['deleted']);
    assert.equal((await demo.api.listPolicies()).length, 2);
  });
});
