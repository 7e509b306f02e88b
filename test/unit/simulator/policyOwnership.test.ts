// A Cloud PC belongs to the policy that provisioned it; the first assigned policy wins (docs/simulator.md
// "Which policy a Cloud PC belongs to"), driven through the REST contract.
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../src/core/simulator/simulator';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import {
  IMAGE_WIN11_25H2,
  IMAGE_WIN11_23H2_M365,
  PLAN_FRONTLINE_2VCPU,
  SKU_ENTERPRISE_2VCPU,
} from '../../../src/core/simulator/catalogSeed';
import { TenantClient, handlerTransport, VE } from './tenantClient';

function tenant(): TenantClient {
  return new TenantClient(handlerTransport(createSimulatorHandler(new Simulator(createSeedData('empty')))));
}

const IMAGE_B = { imageId: IMAGE_WIN11_25H2, imageDisplayName: 'Windows 11 Enterprise 25H2' };
const IMAGE_B_LATER = {
  imageId: IMAGE_WIN11_23H2_M365,
  imageDisplayName: 'Windows 11 Enterprise + Microsoft 365 Apps 23H2',
};
const frontline = { servicePlanId: PLAN_FRONTLINE_2VCPU, allotmentDisplayName: 'Shift', allotmentLicensesCount: 1 };

/** A user covered by policy A (group g1, provisioned) and by policy B (group g2, assigned after A). */
async function coveredByTwo(
  t: TenantClient,
): Promise<{ u: { id: string; upn: string }; a: string; b: string; g1: string; g2: string; pc: { id: string } }> {
  const u = await t.user('Two Policies');
  const g1 = await t.group('G1', [u.id]);
  const g2 = await t.group('G2', [u.id]);
  const a = await t.policy({ displayName: 'A' });
  await t.assign(a, [g1]);
  const b = await t.policy({ displayName: 'B', ...IMAGE_B });
  await t.assign(b, [g2]);
  await t.advance({ hours: 3 });
  const [pc] = await t.cloudPcsOf(u.upn);
  assert.equal(pc.provisioningPolicyId, a);
  assert.equal(pc.status, 'provisioned');
  return { u, a, b, g1, g2, pc };
}

describe('a Cloud PC belongs to the policy that provisioned it', () => {
  it('goes into grace when its group is unassigned from that policy, even though another policy covers the user', async () => {
    const t = tenant();
    const { u, a, b, pc } = await coveredByTwo(t);
    await t.assign(a, []);
    const mine = await t.cloudPcsOf(u.upn);
    assert.deepEqual(
      mine.map((c) => [c.id, c.status, c.provisioningPolicyId]),
      [[pc.id, 'inGracePeriod', a]],
      'no second Cloud PC while the first is in grace',
    );
    // The other policy's current settings, not those it had when the grace period started.
    await t.ok('PATCH', `${VE}/provisioningPolicies/${b}`, IMAGE_B_LATER);
    await t.advance({ days: 6, hours: 23 });
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'inGracePeriod');
    await t.advance({ hours: 1 });
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'deprovisioning');
    await t.advance({ hours: 1 });
    const [next] = await t.cloudPcsOf(u.upn);
    assert.notEqual(next.id, pc.id);
    assert.equal(next.provisioningPolicyId, b);
    await t.advance({ hours: 3 });
    const [done] = await t.cloudPcsOf(u.upn);
    assert.equal(done.status, 'provisioned');
    assert.equal(done.imageDisplayName, IMAGE_B_LATER.imageDisplayName);
  });

  it("goes into grace when the user leaves that policy's group, and is restored only by that policy", async () => {
    const t = tenant();
    const { u, a, b, g1, pc } = await coveredByTwo(t);
    await t.removeMember(g1, u.id);
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'inGracePeriod');
    // Coverage by another policy (a further group of B) restores nothing.
    const g3 = await t.group('G3');
    await t.assign(b, [
      (await t.ok('GET', `${VE}/provisioningPolicies/${b}?$expand=assignments`)).json.assignments[0].target.groupId,
      g3,
    ]);
    await t.addMember(g3, u.id);
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'inGracePeriod');
    await t.advance({ days: 2 });
    await t.addMember(g1, u.id);
    const mine = await t.cloudPcsOf(u.upn);
    assert.deepEqual(
      mine.map((c) => [c.id, c.status, c.provisioningPolicyId, c.gracePeriodEndDateTime]),
      [[pc.id, 'provisioned', a, null]],
    );
  });

  it('is not restored by its own policy without a licence', async () => {
    const t = tenant();
    const { u, g1 } = await coveredByTwo(t);
    await t.removeMember(g1, u.id);
    await t.ok('POST', `/v1.0/users/${u.id}/assignLicense`, {
      addLicenses: [],
      removeLicenses: [SKU_ENTERPRISE_2VCPU],
    });
    await t.addMember(g1, u.id);
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'inGracePeriod');
  });

  it('after endGracePeriod is replaced from the policy that covers the user now, never from the deleted one', async () => {
    const t = tenant();
    const { u, a, b, pc } = await coveredByTwo(t);
    await t.assign(a, []);
    // Only a policy with no assignments can be deleted; its Cloud PCs in grace keep their policy id.
    assert.equal((await t.ok('DELETE', `${VE}/provisioningPolicies/${a}`)).status, 204);
    const [orphan] = await t.cloudPcsOf(u.upn);
    assert.deepEqual([orphan.id, orphan.status, orphan.provisioningPolicyId], [pc.id, 'inGracePeriod', a]);
    // Nothing restores it: a change for the user leaves it in grace.
    await t.group('Elsewhere', [u.id]);
    assert.deepEqual(
      (await t.cloudPcsOf(u.upn)).map((c) => [c.id, c.status]),
      [[pc.id, 'inGracePeriod']],
    );
    await t.ok('POST', `${VE}/cloudPCs/${pc.id}/endGracePeriod`);
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'deprovisioning');
    await t.advance({ hours: 4 });
    const [next] = await t.cloudPcsOf(u.upn);
    assert.deepEqual(
      [next.provisioningPolicyId, next.status, next.imageDisplayName],
      [b, 'provisioned', IMAGE_B.imageDisplayName],
    );
  });

  it("reprovisions from its own policy's current settings", async () => {
    const t = tenant();
    const { u, a, pc } = await coveredByTwo(t);
    await t.ok('PATCH', `${VE}/provisioningPolicies/${a}`, IMAGE_B_LATER);
    await t.ok('POST', `${VE}/cloudPCs/${pc.id}/reprovision`, {});
    await t.advance({ hours: 3 });
    const [again] = await t.cloudPcsOf(u.upn);
    assert.deepEqual(
      [again.id, again.provisioningPolicyId, again.imageDisplayName],
      [pc.id, a, IMAGE_B_LATER.imageDisplayName],
    );
  });
});

describe('one policy per user licence: the first assigned policy wins', () => {
  it('gives a user who becomes covered by two policies at once the one assigned first, whatever the order of joining', async () => {
    const t = tenant();
    const g1 = await t.group('G1');
    const g2 = await t.group('G2');
    const later = await t.policy({ displayName: 'Created first, assigned second' });
    const first = await t.policy({ displayName: 'Created second, assigned first', ...IMAGE_B });
    await t.assign(first, [g2]);
    await t.assign(later, [g1]);
    // Re-posting an assignment set keeps when each group was first assigned.
    await t.assign(later, [g1]);
    for (const order of [
      [g1, g2],
      [g2, g1],
    ]) {
      const u = await t.user(`Joined ${order.join(' ')}`, []);
      for (const g of order) await t.addMember(g, u.id);
      await t.ok('POST', `/v1.0/users/${u.id}/assignLicense`, {
        addLicenses: [{ skuId: SKU_ENTERPRISE_2VCPU }],
        removeLicenses: [],
      });
      const mine = await t.cloudPcsOf(u.upn);
      assert.deepEqual(
        mine.map((c) => c.provisioningPolicyId),
        [first],
        `joined ${order.join(' then ')}`,
      );
    }
  });

  it('does the same for Frontline dedicated policies when a Cloud PC in grace ends', async () => {
    const t = tenant();
    const [g0, g1, g2] = [await t.group('F0'), await t.group('F1'), await t.group('F2')];
    const shift = (name: string) =>
      t.policy({ provisioningType: 'sharedByUser', displayName: name, cloudPcNamingTemplate: 'FLW-%RAND:6%' });
    const original = await shift('Frontline original');
    const later = await shift('Frontline assigned third');
    const first = await shift('Frontline assigned second');
    await t.assign(original, [g0], frontline);
    await t.assign(first, [g2], frontline);
    await t.assign(later, [g1], frontline);
    for (const order of [
      [g1, g2],
      [g2, g1],
    ]) {
      const u = await t.user(`Shift ${order.join(' ')}`, []);
      await t.addMember(g0, u.id);
      for (const g of order) await t.addMember(g, u.id);
      await t.advance({ hours: 3 });
      const [pc] = await t.cloudPcsOf(u.upn);
      assert.deepEqual([pc.provisioningPolicyId, pc.status], [original, 'provisioned']);
      await t.removeMember(g0, u.id);
      assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'inGracePeriod');
      await t.ok('POST', `${VE}/cloudPCs/${pc.id}/endGracePeriod`);
      await t.advance({ hours: 1 });
      const mine = await t.cloudPcsOf(u.upn);
      assert.deepEqual(
        mine.map((c) => c.provisioningPolicyId),
        [first],
        `joined ${order.join(' then ')}`,
      );
    }
  });
});
