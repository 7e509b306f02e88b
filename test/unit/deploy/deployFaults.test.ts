// Apply against a tenant that fails mid-way (the fault server in front of the simulator): when the client's
// retries give up, the outcome says exactly which policies changed and which did not, and a rerun of plan
// and apply finishes the job without redoing what was done.
import * as assert from 'node:assert/strict';
import { applyPlan } from '../../../src/core/deploy/applyPlan';
import { planHasChanges } from '../../../src/core/deploy/deployPlan';
import { planDeploy } from '../../../src/core/deploy/planDeploy';
import { createFetchCloudPcApi } from '../../../src/core/graph/createCloudPcApi';
import { createSeededRandom } from '../../../src/core/policy/seededRandom';
import { answerJson, resetConnection, startFaultServer } from '../graph/faultServer';
import type { FaultServer, RecordedRequest } from '../graph/faultServer';
import { fakeTime } from '../graph/testKit';
import { DEMO, groups, openDemo, pulled } from './deployKit';
import type { DemoTenant } from './deployKit';

describe('deploy engine: faults mid-apply', () => {
  let demo: DemoTenant;
  let server: FaultServer;
  let failing = true;
  const assignOf = (id: string) => (r: RecordedRequest) =>
    r.method === 'POST' && r.url.includes(`provisioningPolicies/${id}/assign`);

  beforeEach(async () => {
    demo = openDemo();
    failing = true;
    server = await startFaultServer(
      [
        {
          name: 'throttled assign',
          match: assignOf(DEMO.finance),
          respond: (_req, res) =>
            failing
              ? answerJson(
                  res,
                  429,
                  { error: { code: 'TooManyRequests', message: 'Slow down' } },
                  { 'retry-after': '1' },
                )
              : 'pass',
        },
        {
          name: 'dropped patch',
          match: (r) => r.method === 'PATCH' && r.url.includes(DEMO.frontline),
          respond: (_req, res) => (failing ? resetConnection(res) : 'pass'),
        },
      ],
      demo.service.handler,
    );
  });
  afterEach(async () => {
    await server.close();
    demo.close();
  });

  const api = () =>
    createFetchCloudPcApi({
      baseUrl: server.url,
      getToken: async () => 'token',
      sleep: fakeTime().sleep,
      random: createSeededRandom(3),
      timeoutMs: 5_000,
    });

  it('stops at a throttled assign that never clears: says what changed and what did not; a rerun finishes', async () => {
    const files = [
      await pulled(demo.api, DEMO.standard, (o) => (o.description = 'Standard, edited')),
      await pulled(demo.api, DEMO.finance, (o) => {
        o.description = 'Finance, edited';
        o.assignments = [...groups(o), { target: { groupId: DEMO.allUsers } }];
      }),
      await pulled(demo.api, DEMO.frontline, (o) => (o.description = 'Frontline, edited')),
    ];
    const first = await applyPlan(await planDeploy(files, api()), api());
    assert.equal(first.complete, false);
    assert.deepEqual(
      first.policies.map((o) => [o.name, o.status, o.done, o.notDone]),
      [
        ['Contoso Standard (East US 2)', 'changed', ['settings'], []],
        ['Contoso Finance (hybrid)', 'partial', ['settings'], ['assignments']],
        ['Frontline Retail (draft)', 'notTried', [], ['settings']],
      ],
    );
    assert.match(first.policies[1]!.error!, /Slow down|429|throttl/i);
    assert.ok(server.hits('throttled assign') > 1, 'the client retried before giving up');

    failing = false;
    const rerun = await planDeploy(files, api());
    assert.deepEqual(
      rerun.policies.map((p) => [p.action, p.changes.length, !!p.assignments]),
      [
        ['unchanged', 0, false],
        ['update', 0, true],
        ['update', 1, false],
      ],
    );
    const second = await applyPlan(rerun, api());
    assert.equal(second.complete, true);
    assert.equal(planHasChanges(await planDeploy(files, api())), false, 'done: a third plan has nothing to do');
  });

  it('stops at a dropped connection without trying the rest', async () => {
    const before = (await demo.api.getPolicy(DEMO.standard)).description;
    const files = [
      await pulled(demo.api, DEMO.frontline, (o) => (o.description = 'Frontline, edited')),
      await pulled(demo.api, DEMO.standard, (o) => (o.description = 'Standard, edited')),
    ];
    const outcome = await applyPlan(await planDeploy(files, api()), api());
    assert.deepEqual(
      outcome.policies.map((o) => o.status),
      ['failed', 'notTried'],
    );
    assert.equal((await demo.api.getPolicy(DEMO.standard)).description, before, 'not tried: unchanged');
    failing = false;
    assert.equal((await applyPlan(await planDeploy(files, api()), api())).complete, true);
  });
});
