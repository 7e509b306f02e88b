// Frontline through the REST contract: dedicated capacity per licence, and `apply` on a shared pool
// (docs/simulator.md rule 2 and "apply on a Frontline shared pool").
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../src/core/simulator/simulator';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import { IMAGE_WIN11_25H2, PLAN_FRONTLINE_2VCPU } from '../../../src/core/simulator/catalogSeed';
import { TenantClient, handlerTransport, VE } from './tenantClient';

function tenant(): TenantClient {
  return new TenantClient(handlerTransport(createSimulatorHandler(new Simulator(createSeedData('empty')))));
}

const allotment = (allotmentLicensesCount: number) => ({
  servicePlanId: PLAN_FRONTLINE_2VCPU,
  allotmentDisplayName: 'Shift',
  allotmentLicensesCount,
});

describe('Frontline dedicated: each licence enables up to three Cloud PCs', () => {
  for (const type of ['sharedByUser', 'shared']) {
    it(`gives three users of a one-licence ${type} allotment a Cloud PC and the fourth one when a Cloud PC is gone`, async () => {
      const t = tenant();
      const users = [];
      for (let i = 1; i <= 4; i++) users.push(await t.user(`Worker ${i}`, []));
      const g = await t.group(
        'Shift',
        users.map((u) => u.id),
      );
      const p = await t.policy({ provisioningType: type, cloudPcNamingTemplate: 'FLW-%RAND:6%' });
      await t.assign(p, [g], allotment(1));
      await t.advance({ hours: 3 });
      const owners = async () => (await t.cloudPcs()).map((c) => c.userPrincipalName).sort();
      assert.deepEqual(
        await owners(),
        users
          .slice(0, 3)
          .map((u) => u.upn)
          .sort(),
      );
      // The first worker leaves the shift: grace keeps the licence's Cloud PC; its end lets the fourth in.
      await t.removeMember(g, users[0].id);
      const [leaver] = await t.cloudPcsOf(users[0].upn);
      assert.equal(leaver.status, 'inGracePeriod');
      assert.deepEqual(await t.cloudPcsOf(users[3].upn), []);
      await t.ok('POST', `${VE}/cloudPCs/${leaver.id}/endGracePeriod`);
      await t.advance({ hours: 1 });
      assert.deepEqual(
        await owners(),
        users
          .slice(1)
          .map((u) => u.upn)
          .sort(),
      );
    });
  }

  it('goes into grace when its group is unassigned, although the user is still in the group', async () => {
    const t = tenant();
    const u = await t.user('Shift Lead', []);
    const p = await t.policy({ provisioningType: 'sharedByUser', cloudPcNamingTemplate: 'FLW-%RAND:6%' });
    await t.assign(p, [await t.group('Shift', [u.id])], allotment(1));
    await t.advance({ hours: 3 });
    await t.assign(p, []);
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'inGracePeriod');
  });

  it('takes an allotment without allotmentLicensesCount as one licence: three Cloud PCs, for dedicated and shared alike', async () => {
    const t = tenant();
    const ids = [];
    for (let i = 1; i <= 4; i++) ids.push((await t.user(`Porter ${i}`, [])).id);
    const plan = { servicePlanId: PLAN_FRONTLINE_2VCPU, allotmentDisplayName: 'Shift' };
    const dedicated = await t.policy({ provisioningType: 'sharedByUser', cloudPcNamingTemplate: 'FLW-%RAND:6%' });
    await t.assign(dedicated, [await t.group('Porters', ids)], plan);
    assert.equal((await t.cloudPcs()).filter((c) => c.provisioningPolicyId === dedicated).length, 3);
    const shared = await t.policy({ provisioningType: 'sharedByEntraGroup', cloudPcNamingTemplate: 'SHR-%RAND:8%' });
    await t.assign(shared, [await t.group('Desk')], plan);
    assert.equal((await t.cloudPcs()).filter((c) => c.provisioningPolicyId === shared).length, 1);
  });

  it('scales with the allotment: two licences, six Cloud PCs', async () => {
    const t = tenant();
    const ids = [];
    for (let i = 1; i <= 7; i++) ids.push((await t.user(`Nurse ${i}`, [])).id);
    await t.assign(
      await t.policy({ provisioningType: 'sharedByUser', cloudPcNamingTemplate: 'FLW-%RAND:6%' }),
      [await t.group('Ward', ids)],
      allotment(2),
    );
    assert.equal((await t.cloudPcs()).length, 6);
  });

  it('keeps Frontline shared at one Cloud PC per licence', async () => {
    const t = tenant();
    const p = await t.policy({ provisioningType: 'sharedByEntraGroup', cloudPcNamingTemplate: 'SHR-%RAND:8%' });
    await t.assign(p, [await t.group('Pool', [(await t.user('Shift Worker', [])).id])], allotment(2));
    assert.equal((await t.cloudPcs()).length, 2);
  });
});

describe('Frontline shared: a pool of one Cloud PC per licence of the allotment', () => {
  const target = (groupId: string, allotmentLicensesCount: number) => ({
    target: {
      '@odata.type': '#microsoft.graph.cloudPcManagementGroupAssignmentTarget',
      groupId,
      ...allotment(allotmentLicensesCount),
    },
  });
  const assign = (t: TenantClient, p: string, targets: unknown[]) =>
    t.ok('POST', `${VE}/provisioningPolicies/${p}/assign`, { assignments: targets });
  const byGroup = async (t: TenantClient, name: string) =>
    (await t.cloudPcs())
      .filter((c) => c.displayName.startsWith(`Pool policy - ${name} `))
      .map((c) => [c.displayName.slice(-2).trim(), c.status, c.id]);

  it('grows and shrinks with the allotment, keeps the Cloud PCs of groups still assigned and deprovisions the others at once', async () => {
    const t = tenant();
    const p = await t.policy({
      displayName: 'Pool policy',
      provisioningType: 'sharedByEntraGroup',
      cloudPcNamingTemplate: 'SHR-%RAND:8%',
    });
    const [ga, gb] = [await t.group('Alpha'), await t.group('Beta')];
    await assign(t, p, [target(ga, 2)]);
    await t.advance({ hours: 3 });
    const first = await byGroup(t, 'Shift');
    assert.deepEqual(
      first.map(([n, s]) => [n, s]),
      [
        ['0', 'provisioned'],
        ['1', 'provisioned'],
      ],
    );
    await assign(t, p, [target(ga, 3), target(gb, 1)]);
    const grown = await byGroup(t, 'Shift');
    assert.deepEqual(
      grown.map(([n, s]) => [n, s]),
      [
        ['0', 'provisioned'],
        ['1', 'provisioned'],
        ['2', 'notProvisioned'],
        ['0', 'notProvisioned'],
      ],
    );
    assert.deepEqual(
      grown.slice(0, 2).map(([, , id]) => id),
      first.map(([, , id]) => id),
    );
    await t.advance({ hours: 3 });
    await assign(t, p, [target(ga, 1)]);
    assert.deepEqual(
      (await byGroup(t, 'Shift')).map(([n, s]) => [n, s]),
      [
        ['0', 'provisioned'],
        ['1', 'deprovisioning'],
        ['2', 'deprovisioning'],
        ['0', 'deprovisioning'],
      ],
    );
    // Deprovisioning Cloud PCs no longer count: growing again before they are gone provisions new ones.
    await t.advance({ minutes: 10 });
    await assign(t, p, [target(ga, 2)]);
    const regrown = (await byGroup(t, 'Shift')).map(([n, s]) => [n, s]);
    assert.deepEqual(regrown, [
      ['0', 'provisioned'],
      ['1', 'deprovisioning'],
      ['2', 'deprovisioning'],
      ['0', 'deprovisioning'],
      ['1', 'notProvisioned'],
    ]);
    // Unassigning leaves what is already deprovisioning on its course (30 minutes from the first step).
    await assign(t, p, []);
    await t.advance({ minutes: 21 });
    assert.deepEqual(
      (await byGroup(t, 'Shift')).map(([n, s]) => [n, s]),
      [
        ['0', 'deprovisioning'],
        ['1', 'deprovisioning'],
      ],
    );
  });
});

describe('Frontline shared: an empty allotment', () => {
  it('provisions no pool for an allotment of 0 and unassigns it cleanly', async () => {
    const t = tenant();
    const p = await t.policy({ provisioningType: 'sharedByEntraGroup', cloudPcNamingTemplate: 'SHR-%RAND:8%' });
    await t.assign(p, [await t.group('Empty')], allotment(0));
    assert.deepEqual(await t.cloudPcs(), []);
    await t.assign(p, []);
    assert.equal((await t.ok('DELETE', `${VE}/provisioningPolicies/${p}`)).status, 204);
  });
});

describe('apply on a Frontline shared pool', () => {
  async function pool(t: TenantClient): Promise<string> {
    const p = await t.policy({ provisioningType: 'sharedByEntraGroup', cloudPcNamingTemplate: 'SHR-%RAND:8%' });
    await t.assign(p, [await t.group('Pool')], allotment(3));
    await t.advance({ hours: 3 });
    await t.ok('PATCH', `${VE}/provisioningPolicies/${p}`, {
      domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'westus3', regionGroup: 'usWest' }],
    });
    return p;
  }
  const statuses = async (t: TenantClient) => (await t.cloudPcs()).map((c) => c.status);

  it("takes the apply page's Example 2 (reservePercentage 80): 204, the share beyond the reserve is reprovisioned, the rest stays available", async () => {
    const t = tenant();
    const p = await pool(t);
    const r = await t.call(
      'POST',
      `${VE}/provisioningPolicies/${p}/apply`,
      JSON.stringify({ isForceUserLogoffEnabled: false, reservePercentage: 80 }),
    );
    assert.equal(r.status, 204, r.text);
    // Three Cloud PCs, 80 % kept: ⌊3 · 0.8⌋ = 2 stay available, 1 is reprovisioned.
    assert.deepEqual((await statuses(t)).sort(), ['provisioned', 'provisioned', 'provisioning']);
    await t.advance({ hours: 3 });
    // The next apply takes the oldest first: the two kept back.
    assert.equal(
      (await t.call('POST', `${VE}/provisioningPolicies/${p}/apply`, JSON.stringify({ reservePercentage: 50 }))).status,
      204,
    );
    assert.deepEqual((await statuses(t)).sort(), ['provisioned', 'provisioning', 'provisioning']);
  });

  it('refuses isForceUserLogoffEnabled with a reservePercentage other than 0', async () => {
    const t = tenant();
    const p = await pool(t);
    const r = await t.call(
      'POST',
      `${VE}/provisioningPolicies/${p}/apply`,
      JSON.stringify({ reservePercentage: 10, isForceUserLogoffEnabled: true }),
    );
    assert.equal(r.status, 400);
    assert.match(r.json.error.innerError.message, /isForceUserLogoffEnabled requires reservePercentage 0/);
  });

  it("reprovisions the whole pool from the policy's current settings with reservePercentage 0, with or without forced logoff", async () => {
    for (const extra of [{ reservePercentage: 0 }, { reservePercentage: 0, isForceUserLogoffEnabled: true }]) {
      const t = tenant();
      const p = await pool(t);
      const before = await t.cloudPcs();
      await t.ok('PATCH', `${VE}/provisioningPolicies/${p}`, {
        imageId: IMAGE_WIN11_25H2,
        imageDisplayName: 'Windows 11 Enterprise 25H2',
      });
      assert.equal(
        (await t.ok('POST', `${VE}/provisioningPolicies/${p}/apply`, { policySettings: 'region', ...extra })).status,
        204,
      );
      assert.deepEqual(await statuses(t), ['provisioning', 'provisioning', 'provisioning'], JSON.stringify(extra));
      await t.advance({ hours: 3 });
      const after = await t.cloudPcs();
      assert.deepEqual(
        after.map((c) => c.id),
        before.map((c) => c.id),
      );
      assert.deepEqual(
        after.map((c) => [c.status, c.imageDisplayName, c.deviceRegionName]),
        before.map(() => ['provisioned', 'Windows 11 Enterprise 25H2', 'westus3']),
      );
    }
  });

  it('applies the region alone when no reservePercentage is sent; forced logoff alone changes nothing else', async () => {
    const t = tenant();
    const p = await pool(t);
    assert.equal(
      (
        await t.ok('POST', `${VE}/provisioningPolicies/${p}/apply`, {
          policySettings: 'region',
          isForceUserLogoffEnabled: false,
        })
      ).status,
      204,
    );
    assert.deepEqual(await statuses(t), ['movingRegion', 'movingRegion', 'movingRegion']);
  });

  it('refuses the Frontline shared options on other policies and out-of-range percentages', async () => {
    const t = tenant();
    const dedicated = await t.policy();
    const r = await t.call(
      'POST',
      `${VE}/provisioningPolicies/${dedicated}/apply`,
      JSON.stringify({ reservePercentage: 0 }),
    );
    assert.equal(r.status, 400);
    assert.match(r.json.error.innerError.message, /only to Frontline shared/);
    const p = await pool(t);
    for (const reservePercentage of [-1, 100, 2.5]) {
      const bad = await t.call('POST', `${VE}/provisioningPolicies/${p}/apply`, JSON.stringify({ reservePercentage }));
      assert.equal(bad.status, 400, String(reservePercentage));
      assert.match(bad.json.error.innerError.message, /from 0 to 99/);
    }
  });

  it('counts the Cloud PCs it reprovisions in the audit event, and answers 204 for a pool that has none yet', async () => {
    const t = tenant();
    const p = await pool(t);
    await t.ok('POST', `${VE}/provisioningPolicies/${p}/apply`, { reservePercentage: 0 });
    const empty = await t.policy({ provisioningType: 'sharedByEntraGroup', cloudPcNamingTemplate: 'SHR-%RAND:8%' });
    assert.equal(
      (await t.ok('POST', `${VE}/provisioningPolicies/${empty}/apply`, { reservePercentage: 0 })).status,
      204,
    );
    const events = (await t.ok('GET', `${VE}/auditEvents`)).json.value.filter(
      (e: { activity: string }) => e.activity === 'Apply provisioning policy',
    );
    const changed = events.map(
      (e: { resources: { modifiedProperties: { displayName: string; newValue: string }[] }[] }) =>
        e.resources[0].modifiedProperties.find((m) => m.displayName === 'cloudPcsChanged')?.newValue,
    );
    assert.deepEqual(changed, ['3', '0']);
  });

  it('takes 99 as the highest percentage (one Cloud PC of three is still reprovisioned); forced logoff alone is Frontline shared only too', async () => {
    const t = tenant();
    const p = await pool(t);
    const top = await t.call(
      'POST',
      `${VE}/provisioningPolicies/${p}/apply`,
      JSON.stringify({ reservePercentage: 99 }),
    );
    assert.equal(top.status, 204, top.text);
    assert.deepEqual((await statuses(t)).sort(), ['provisioned', 'provisioned', 'provisioning']);
    const dedicated = await t.policy();
    for (const isForceUserLogoffEnabled of [true, false]) {
      const r = await t.call(
        'POST',
        `${VE}/provisioningPolicies/${dedicated}/apply`,
        JSON.stringify({ policySettings: 'region', isForceUserLogoffEnabled }),
      );
      assert.equal(r.status, 400, String(isForceUserLogoffEnabled));
      assert.match(r.json.error.innerError.message, /only to Frontline shared/);
    }
  });
});
