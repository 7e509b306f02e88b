// The Graph contract details: OData options, paging, enum masking, envelopes, headers, directory queries.
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../src/core/simulator/simulator';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import { cloudPcJson, toGraphCloudPc } from '../../../src/core/simulator/rest/graphShapes';
import { TenantClient, handlerTransport, VE } from './tenantClient';

function demo(): { sim: Simulator; t: TenantClient } {
  const sim = new Simulator(createSeedData('demo'));
  return { sim, t: new TenantClient(handlerTransport(createSimulatorHandler(sim))) };
}

describe('simulator Graph contract', () => {
  it('pages with absolute @odata.nextLink and $skiptoken, counts with $count', async () => {
    const { t } = demo();
    const first = await t.ok('GET', `${VE}/cloudPCs?$top=5&$count=true`);
    assert.equal(
      first.json['@odata.context'],
      'https://graph.microsoft.com/beta/$metadata#deviceManagement/virtualEndpoint/cloudPCs',
    );
    assert.equal(first.json.value.length, 5);
    const total = first.json['@odata.count'];
    assert.ok(total > 5);
    assert.match(
      first.json['@odata.nextLink'],
      /^https:\/\/graph\.microsoft\.com\/beta\/deviceManagement\/virtualEndpoint\/cloudPCs\?.*\$skiptoken=/,
    );
    const all = await t.cloudPcs('?$top=5');
    assert.equal(all.length, total);
    assert.equal(new Set(all.map((c) => c.id)).size, total);
    const bad = await t.call('GET', `${VE}/cloudPCs?$skiptoken=garbage`);
    assert.equal(bad.status, 400);
  });

  it('filters with eq/and on string and enum properties, selects, expands', async () => {
    const { t } = demo();
    const failed = await t.ok(
      'GET',
      `${VE}/cloudPCs?$filter=status eq 'failed' and productType eq 'enterprise'&$select=id,status,statusDetail`,
    );
    assert.equal(failed.json.value.length, 1);
    assert.deepEqual(Object.keys(failed.json.value[0]).sort(), ['id', 'status', 'statusDetail']);
    const byName = await t.ok(
      'GET',
      `${VE}/provisioningPolicies?$filter=displayName eq 'Contoso Finance (hybrid)'&$expand=assignments`,
    );
    assert.equal(byName.json.value.length, 1);
    assert.equal(byName.json.value[0].assignments.length, 1);
    const noExpand = await t.ok('GET', `${VE}/provisioningPolicies`);
    assert.ok(
      noExpand.json.value.every((p: object) => !('assignments' in p)),
      'assignments only with $expand',
    );
    const badFilter = await t.call('GET', `${VE}/cloudPCs?$filter=status eq`);
    assert.equal(badFilter.status, 400);
    assert.equal(badFilter.json.error.code, 'badRequest');
  });

  it('masks evolvable enum members unless Prefer: include-unknown-enum-members', async () => {
    const { t } = demo();
    const pid = (await t.ok('GET', `${VE}/provisioningPolicies?$filter=displayName eq 'Frontline Retail (draft)'`)).json
      .value[0].id;
    assert.equal((await t.ok('GET', `${VE}/provisioningPolicies/${pid}`)).json.provisioningType, 'unknownFutureValue');
    assert.equal(
      (await t.ok('GET', `${VE}/provisioningPolicies/${pid}`, undefined, { prefer: 'include-unknown-enum-members' }))
        .json.provisioningType,
      'sharedByUser',
    );
  });

  it('answers unknown ids 404, unmodelled paths 501, wrong methods 405, all in the envelope with request ids', async () => {
    const { t } = demo();
    const missing = await t.call('GET', `${VE}/cloudPCs/00000000-0000-0000-0000-000000000000`, undefined, {
      'client-request-id': 'abc',
    });
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['client-request-id'], 'abc');
    assert.ok(missing.headers['request-id']);
    assert.equal(missing.json.error.innerError['client-request-id'], 'abc');
    assert.equal((await t.call('GET', `${VE}/cloudPCs/x/retrieveSnapshots()`)).status, 501);
    assert.equal((await t.call('GET', '/beta/me/drive')).status, 501);
    const wrong = await t.call('PUT', `${VE}/provisioningPolicies`);
    assert.equal(wrong.status, 405);
    assert.ok(wrong.json.error.message);
  });

  it('speaks the directory: $search, startswith, nested members, license details', async () => {
    const { t } = demo();
    const search = await t.ok('GET', '/v1.0/groups?$search="displayName:w365"', undefined, {
      consistencylevel: 'eventual',
    });
    assert.deepEqual(search.json.value.map((g: { displayName: string }) => g.displayName).sort(), [
      'W365 Engineering',
      'W365 Finance',
      'W365 Sales',
    ]);
    // Every word anywhere in the name, one clause per word joined by AND (as the Graph client sends it).
    const words = async (query: string): Promise<string[]> =>
      (
        await t.ok('GET', `/v1.0/groups?$search=${encodeURIComponent(query)}`, undefined, {
          consistencylevel: 'eventual',
        })
      ).json.value.map((g: { displayName: string }) => g.displayName);
    assert.deepEqual(await words('"displayName:cloud" AND "displayName:users"'), ['All Cloud PC Users']);
    assert.deepEqual(await words('"displayName:users" AND "displayName:pc"'), ['All Cloud PC Users']);
    assert.deepEqual(await words('"displayName:sales"'), ['W365 Sales']);
    assert.deepEqual(await words('"displayName:sales" AND "displayName:team"'), []);
    const starts = await t.ok('GET', "/beta/groups?$filter=startswith(displayName,'frontline')");
    assert.equal(starts.json.value.length, 1);
    const all = (await t.ok('GET', "/v1.0/groups?$filter=displayName eq 'All Cloud PC Users'")).json.value[0];
    const members = (await t.ok('GET', `/v1.0/groups/${all.id}/members`)).json.value;
    assert.ok(members.some((m: { '@odata.type': string }) => m['@odata.type'] === '#microsoft.graph.group'));
    const user = (await t.ok('GET', '/v1.0/users?$top=1')).json.value[0];
    const details = (await t.ok('GET', `/v1.0/users/${user.id}/licenseDetails`)).json.value;
    assert.equal(details[0].skuPartNumber, 'CPC_E_2C_8GB_128GB');
    const skus = (await t.ok('GET', '/v1.0/subscribedSkus')).json.value;
    const plans = (await t.ok('GET', `${VE}/servicePlans`)).json.value.map((p: { id: string }) => p.id);
    assert.equal(skus.length, 3);
    assert.ok(
      skus.every((s: { servicePlans: { servicePlanId: string }[] }) => plans.includes(s.servicePlans[0].servicePlanId)),
    );
  });

  it('builds the same demo tenant every time, in every state the issue asks for', async () => {
    const a = JSON.stringify(createSeedData('demo'));
    assert.equal(a, JSON.stringify(createSeedData('demo')));
    const { t } = demo();
    const statuses = new Set((await t.cloudPcs()).map((c) => c.status));
    for (const s of ['provisioned', 'provisioning', 'failed', 'inGracePeriod']) assert.ok(statuses.has(s), s);
    const ancs = (await t.ok('GET', `${VE}/onPremisesConnections`)).json.value;
    assert.deepEqual(ancs.map((a: { healthCheckStatus: string }) => a.healthCheckStatus).sort(), ['failed', 'passed']);
    assert.equal((await t.ok('GET', '/v1.0/users?$count=true&$top=1')).json['@odata.count'], 50);
  });

  it('writes the fast list JSON exactly as the object shape, in every state', () => {
    const { sim } = demo();
    sim.advanceBy(30 * 60_000);
    for (const c of sim.cloudPcs.values()) {
      for (const evolvable of [true, false])
        assert.equal(cloudPcJson(sim, c, evolvable), JSON.stringify(toGraphCloudPc(sim, c, evolvable)));
    }
  });

  it('notifies listeners of changes and stops after dispose', async () => {
    const { sim, t } = demo();
    const seen: string[] = [];
    const sub = sim.onDidChange((c) => seen.push(`${c.kind}:${c.change}`));
    await t.user('Listener Test');
    assert.ok(seen.includes('user:created'));
    sub.dispose();
    const n = seen.length;
    await t.advance({ hours: 1 });
    assert.equal(seen.length, n);
  });
});
