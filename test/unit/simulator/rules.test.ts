// One test per numbered behaviour of docs/simulator.md "The behaviour it models", driven through the REST contract.
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../src/core/simulator/simulator';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import {
  ANC_FAILING,
  ANC_HEALTHY,
  IMAGE_WIN11_25H2,
  IMAGE_WIN11_22H2_EXPIRED,
  PLAN_FRONTLINE_2VCPU,
  SKU_ENTERPRISE_2VCPU,
  SKU_ENTERPRISE_4VCPU,
} from '../../../src/core/simulator/catalogSeed';
import { TenantClient, handlerTransport, VE } from './tenantClient';

function tenant(): TenantClient {
  return new TenantClient(handlerTransport(createSimulatorHandler(new Simulator(createSeedData('empty')))));
}

const hybrid = (...ids: string[]) => ({
  domainJoinConfigurations: ids.map((onPremisesConnectionId) => ({
    domainJoinType: 'hybridAzureADJoin',
    onPremisesConnectionId,
  })),
});

describe('simulator rules', () => {
  describe('rule 1: a policy holds a network, an image, configuration and assignments', () => {
    it('uses the first healthy network connection in priority order, and the image of the policy', async () => {
      const t = tenant();
      const u = await t.user('Ana Diaz');
      const g = await t.group('G1', [u.id]);
      const p = await t.policy({
        ...hybrid(ANC_FAILING, ANC_HEALTHY),
        imageId: IMAGE_WIN11_25H2,
        imageDisplayName: 'Windows 11 Enterprise 25H2',
        windowsSetting: { locale: 'en-GB' },
      });
      await t.assign(p, [g]);
      const got = await t.ok('GET', `${VE}/provisioningPolicies/${p}?$expand=assignments`);
      assert.equal(got.json.assignments.length, 1);
      assert.equal(got.json.assignments[0].target.groupId, g);
      assert.equal(got.json.windowsSetting.locale, 'en-GB');
      await t.advance({ hours: 3 });
      const [pc] = await t.cloudPcsOf(u.upn);
      assert.equal(pc.status, 'provisioned');
      assert.equal(pc.onPremisesConnectionName, 'Contoso East US 2 (hybrid)');
      assert.equal(pc.deviceRegionName, 'eastus2');
      assert.equal(pc.imageDisplayName, 'Windows 11 Enterprise 25H2');
    });

    it('places a Microsoft-hosted network Cloud PC in the policy region', async () => {
      const t = tenant();
      const u = await t.user('Bo Li');
      const p = await t.policy({
        domainJoinConfigurations: [
          { domainJoinType: 'azureADJoin', regionName: 'westeurope', regionGroup: 'europeUnion' },
        ],
      });
      await t.assign(p, [await t.group('G', [u.id])]);
      await t.advance({ hours: 3 });
      const [pc] = await t.cloudPcsOf(u.upn);
      assert.equal(pc.deviceRegionName, 'westeurope');
      assert.equal(pc.onPremisesConnectionName, '');
    });
  });

  describe('rule 2: every licensed user in an assigned group gets one Cloud PC per license', () => {
    it('counts licenses, skips unlicensed users and nested groups, and covers late joiners', async () => {
      const t = tenant();
      const one = await t.user('One License');
      const two = await t.user('Two Licenses', [SKU_ENTERPRISE_2VCPU, SKU_ENTERPRISE_4VCPU]);
      const none = await t.user('No License', []);
      const nestedUser = await t.user('Nested Member');
      const inner = await t.group('Inner', [nestedUser.id]);
      const g = await t.group('Outer', [one.id, two.id, none.id, inner]);
      const p = await t.policy();
      await t.assign(p, [g]);
      assert.equal((await t.cloudPcsOf(one.upn)).length, 1);
      const twos = await t.cloudPcsOf(two.upn);
      assert.equal(twos.length, 2);
      assert.deepEqual(new Set(twos.map((c) => c.provisioningPolicyId)), new Set([p]));
      assert.equal(new Set(twos.map((c) => c.servicePlanId)).size, 2);
      assert.equal((await t.cloudPcsOf(none.upn)).length, 0);
      assert.equal((await t.cloudPcsOf(nestedUser.upn)).length, 0, 'nested groups are not expanded');
      const late = await t.user('Late Joiner');
      await t.addMember(g, late.id);
      assert.equal((await t.cloudPcsOf(late.upn)).length, 1);
    });

    it('gives users beyond the available licenses none', async () => {
      const t = tenant();
      // One Frontline dedicated licence enables up to three Cloud PCs (docs/simulator.md rule 2): the fourth user waits.
      const users = [await t.user('F1', []), await t.user('F2', []), await t.user('F3', []), await t.user('F4', [])];
      const g = await t.group(
        'Shift',
        users.map((u) => u.id),
      );
      const p = await t.policy({ provisioningType: 'sharedByUser', cloudPcNamingTemplate: 'FLW-%RAND:6%' });
      await t.assign(p, [g], {
        servicePlanId: PLAN_FRONTLINE_2VCPU,
        allotmentDisplayName: 'Shift',
        allotmentLicensesCount: 1,
      });
      assert.deepEqual(
        (await t.cloudPcs()).map((c) => c.userPrincipalName),
        users.slice(0, 3).map((u) => u.upn),
      );
      // Enterprise units are finite too: the 46th license of a 45-unit SKU is refused.
      const skus = (await t.ok('GET', '/v1.0/subscribedSkus')).json.value;
      const e2 = skus.find((s: { skuId: string }) => s.skuId === SKU_ENTERPRISE_2VCPU);
      for (let i = e2.consumedUnits; i < e2.prepaidUnits.enabled; i++) await t.user(`Filler ${i}`);
      const r = await t.call(
        'POST',
        '/v1.0/users',
        JSON.stringify({ displayName: 'Over', userPrincipalName: 'over@contoso.onmicrosoft.com' }),
      );
      const over = await t.call(
        'POST',
        `/v1.0/users/${r.json.id}/assignLicense`,
        JSON.stringify({ addLicenses: [{ skuId: SKU_ENTERPRISE_2VCPU }], removeLicenses: [] }),
      );
      assert.equal(over.status, 400);
      assert.ok(over.json.error.message);
    });
  });

  describe('rule 3: provisioning goes through three stages with configurable durations', () => {
    it('moves notProvisioned → provisioning → provisioned in about 2 simulated hours', async () => {
      const t = tenant();
      const u = await t.user('Stage Walker');
      await t.assign(await t.policy(), [await t.group('G', [u.id])]);
      assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'notProvisioned');
      await t.advance({ minutes: 1 });
      assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'provisioning');
      await t.advance({ minutes: 110 });
      assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'provisioning');
      await t.advance({ minutes: 10 });
      assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'provisioned');
    });

    it('honours stage durations set through /_simulator/settings', async () => {
      const t = tenant();
      await t.ok('PATCH', '/_simulator/settings', { stageMinutes: [1, 1, 1] });
      const u = await t.user('Quick');
      await t.assign(await t.policy(), [await t.group('G', [u.id])]);
      await t.advance({ minutes: 4 });
      assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'provisioned');
    });
  });

  describe('rule 4: a user covered by several policies gets the first assigned one', () => {
    it('ignores later policies for that user', async () => {
      const t = tenant();
      const both = await t.user('In Both');
      const onlyB = await t.user('Only B');
      const g1 = await t.group('G1', [both.id]);
      const g2 = await t.group('G2', [both.id, onlyB.id]);
      const a = await t.policy({ displayName: 'A' });
      const b = await t.policy({ displayName: 'B' });
      await t.assign(a, [g1]);
      await t.assign(b, [g2]);
      const mine = await t.cloudPcsOf(both.upn);
      assert.equal(mine.length, 1);
      assert.equal(mine[0].provisioningPolicyId, a);
      assert.equal((await t.cloudPcsOf(onlyB.upn))[0].provisioningPolicyId, b);
    });
  });

  describe('rule 5: failures are retried twice, then failed with a statusDetail; a retry after the fix provisions', () => {
    it('recovers from two injected failures by itself and fails on the third', async () => {
      const t = tenant();
      const flaky = await t.user('Flaky');
      const broken = await t.user('Broken');
      await t.ok('POST', '/_simulator/faults', { kind: 'provisioningFailure', userPrincipalName: flaky.upn, count: 2 });
      await t.ok('POST', '/_simulator/faults', {
        kind: 'provisioningFailure',
        userPrincipalName: broken.upn,
        count: 3,
      });
      await t.assign(await t.policy(), [await t.group('G', [flaky.id, broken.id])]);
      await t.advance({ hours: 12 });
      assert.equal((await t.cloudPcsOf(flaky.upn))[0].status, 'provisioned');
      const [pc] = await t.cloudPcsOf(broken.upn);
      assert.equal(pc.status, 'failed');
      assert.equal(pc.statusDetail.code, 'intuneEnrollFailed');
      const info = Object.fromEntries(
        pc.statusDetail.additionalInformation.map((x: { name: string; value: string }) => [x.name, x.value]),
      );
      assert.equal(info.retriable, 'true');
      assert.equal(info.failedAction, 'Provision');
    });

    it('fails on an unhealthy network connection and provisions after the fix and a retry', async () => {
      const t = tenant();
      const u = await t.user('Net User');
      const p = await t.policy(hybrid(ANC_FAILING));
      await t.assign(p, [await t.group('G', [u.id])]);
      await t.advance({ hours: 8 });
      const [failed] = await t.cloudPcsOf(u.upn);
      assert.equal(failed.status, 'failed');
      assert.equal(failed.statusDetail.code, 'azureNetworkConnectionUnhealthy');
      await t.ok('PATCH', `/_simulator/onPremisesConnections/${ANC_FAILING}`, { healthCheckStatus: 'passed' });
      const retry = await t.ok('POST', `${VE}/provisioningPolicies/${p}/retry`, {});
      assert.equal(retry.status, 202);
      await t.advance({ hours: 3 });
      assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'provisioned');
    });

    it('fails on an expired image and on a seeded random failure rate', async () => {
      const t = tenant();
      const u = await t.user('Old Image');
      await t.assign(await t.policy({ imageId: IMAGE_WIN11_22H2_EXPIRED }), [await t.group('G', [u.id])]);
      await t.ok('PATCH', '/_simulator/settings', { failureRate: 1 });
      const v = await t.user('Unlucky');
      await t.assign(await t.policy(), [await t.group('H', [v.id])]);
      await t.advance({ hours: 10 });
      assert.equal((await t.cloudPcsOf(u.upn))[0].statusDetail.code, 'imageExpired');
      assert.equal((await t.cloudPcsOf(v.upn))[0].statusDetail.code, 'provisioningFailed');
    });
  });

  describe('rule 6: changing a policy never touches existing Cloud PCs; apply pushes region and SSO', () => {
    it('keeps existing Cloud PCs, uses new settings for new ones, and applies region and SSO', async () => {
      const t = tenant();
      const first = await t.user('First');
      const g = await t.group('G', [first.id]);
      const p = await t.policy({ displayName: 'Before', enableSingleSignOn: false });
      await t.assign(p, [g]);
      await t.advance({ hours: 3 });
      const before = (await t.cloudPcsOf(first.upn))[0];
      await t.ok('PATCH', `${VE}/provisioningPolicies/${p}`, {
        displayName: 'After',
        imageId: IMAGE_WIN11_25H2,
        imageDisplayName: 'Windows 11 Enterprise 25H2',
        domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'westus3', regionGroup: 'usWest' }],
        enableSingleSignOn: true,
      });
      const same = (await t.cloudPcsOf(first.upn))[0];
      assert.equal(same.displayName, before.displayName, 'renaming the policy renames no Cloud PC');
      assert.equal(same.imageDisplayName, before.imageDisplayName);
      assert.equal(same.status, 'provisioned');
      const second = await t.user('Second');
      await t.addMember(g, second.id);
      await t.advance({ hours: 3 });
      assert.equal((await t.cloudPcsOf(second.upn))[0].imageDisplayName, 'Windows 11 Enterprise 25H2');
      assert.equal((await t.cloudPcsOf(second.upn))[0].deviceRegionName, 'westus3');

      await t.ok('POST', `${VE}/provisioningPolicies/${p}/apply`, { policySettings: 'region' });
      assert.equal((await t.cloudPcsOf(first.upn))[0].status, 'movingRegion');
      const masked = (await t.cloudPcs('', {})).find((c) => c.userPrincipalName === first.upn);
      assert.equal(masked.status, 'unknownFutureValue', 'evolvable members need Prefer: include-unknown-enum-members');
      await t.advance({ hours: 1 });
      const moved = (await t.cloudPcsOf(first.upn))[0];
      assert.equal(moved.status, 'provisioned');
      assert.equal(moved.deviceRegionName, 'westus3');
      await t.ok('POST', `${VE}/provisioningPolicies/${p}/apply`, { policySettings: 'singleSignOn' });
      assert.equal((await t.cloudPcsOf(first.upn))[0].status, 'modifyingSingleSignOn');
      await t.advance({ hours: 1 });
      assert.equal((await t.cloudPcsOf(first.upn))[0].connectionSetting.enableSingleSignOn, true);
    });
  });

  describe('rule 7: reprovision only from provisioned or failed', () => {
    it('refuses while provisioning, then recreates with current settings and a new name', async () => {
      const t = tenant();
      const u = await t.user('Repro');
      const p = await t.policy();
      await t.assign(p, [await t.group('G', [u.id])]);
      await t.advance({ minutes: 5 });
      const busy = (await t.cloudPcsOf(u.upn))[0];
      const refused = await t.call('POST', `${VE}/cloudPCs/${busy.id}/reprovision`, '{}');
      assert.equal(refused.status, 400);
      assert.match(
        refused.json.error.innerError.message,
        /provisioning.*only when it is provisioned, provisionedWithWarnings or failed/,
      );
      await t.advance({ hours: 3 });
      const before = (await t.cloudPcsOf(u.upn))[0];
      await t.ok('PATCH', `${VE}/provisioningPolicies/${p}`, {
        imageId: IMAGE_WIN11_25H2,
        imageDisplayName: 'Windows 11 Enterprise 25H2',
      });
      const r = await t.ok('POST', `${VE}/cloudPCs/${before.id}/reprovision`, {
        osVersion: 'windows11',
        userAccountType: 'administrator',
      });
      assert.equal(r.status, 204);
      assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'provisioning');
      await t.advance({ hours: 3 });
      const after = (await t.cloudPcsOf(u.upn))[0];
      assert.equal(after.status, 'provisioned');
      assert.notEqual(after.managedDeviceName, before.managedDeviceName);
      assert.equal(after.imageDisplayName, 'Windows 11 Enterprise 25H2');
      assert.equal(after.userAccountType, 'administrator');
    });
  });

  describe('rule 8: grace period of 7 days, restore, endGracePeriod; Frontline shared has none', () => {
    it('puts a removed user in grace, restores on re-add, deprovisions at the end', async () => {
      const t = tenant();
      const u = await t.user('Leaver');
      const g = await t.group('G', [u.id]);
      await t.assign(await t.policy(), [g]);
      await t.advance({ hours: 3 });
      await t.removeMember(g, u.id);
      const now = await t.now();
      const inGrace = (await t.cloudPcsOf(u.upn))[0];
      assert.equal(inGrace.status, 'inGracePeriod');
      assert.equal(Date.parse(inGrace.gracePeriodEndDateTime), now + 7 * 24 * 3600_000);
      await t.advance({ days: 2 });
      await t.addMember(g, u.id);
      const restored = (await t.cloudPcsOf(u.upn))[0];
      assert.equal(restored.status, 'provisioned');
      assert.equal(restored.gracePeriodEndDateTime, null);
      assert.equal(restored.id, inGrace.id);
      // License removal works the same way; the end of the period deprovisions.
      await t.ok('POST', `/v1.0/users/${u.id}/assignLicense`, {
        addLicenses: [],
        removeLicenses: [SKU_ENTERPRISE_2VCPU],
      });
      assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'inGracePeriod');
      await t.advance({ days: 7 });
      assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'deprovisioning');
      await t.advance({ hours: 1 });
      assert.equal((await t.cloudPcsOf(u.upn)).length, 0);
    });

    it('puts the Cloud PC of a deleted user in grace', async () => {
      const t = tenant();
      const u = await t.user('Deleted Soon');
      await t.assign(await t.policy(), [await t.group('G', [u.id])]);
      await t.advance({ hours: 3 });
      await t.ok('DELETE', `/v1.0/users/${u.id}`);
      assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'inGracePeriod');
    });

    it('ends the grace period on request, and deprovisions Frontline shared at once on unassign', async () => {
      const t = tenant();
      const u = await t.user('Quick Leaver');
      const p = await t.policy();
      await t.assign(p, [await t.group('G', [u.id])]);
      await t.advance({ hours: 3 });
      await t.assign(p, []);
      const pc = (await t.cloudPcsOf(u.upn))[0];
      assert.equal(pc.status, 'inGracePeriod');
      await t.ok('POST', `${VE}/cloudPCs/${pc.id}/endGracePeriod`);
      assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'deprovisioning');

      const shared = await t.policy({ provisioningType: 'sharedByEntraGroup', cloudPcNamingTemplate: 'SHR-%RAND:8%' });
      const sg = await t.group('Pool', [(await t.user('Shift Worker', [])).id]);
      await t.assign(shared, [sg], {
        servicePlanId: PLAN_FRONTLINE_2VCPU,
        allotmentDisplayName: 'Pool',
        allotmentLicensesCount: 2,
      });
      await t.advance({ hours: 3 });
      const pool = (await t.cloudPcs()).filter((c) => c.provisioningPolicyId === shared);
      assert.equal(pool.length, 2);
      assert.ok(pool.every((c) => c.status === 'provisioned'));
      await t.assign(shared, []);
      assert.ok(
        (await t.cloudPcs())
          .filter((c) => c.provisioningPolicyId === shared)
          .every((c) => c.status === 'deprovisioning'),
      );
    });
  });

  describe('rule 9: a policy can be deleted only without assignments', () => {
    it('answers 400 in the envelope while assigned, 204 after unassigning', async () => {
      const t = tenant();
      const p = await t.policy();
      await t.assign(p, [await t.group('G')]);
      const refused = await t.call('DELETE', `${VE}/provisioningPolicies/${p}`);
      assert.equal(refused.status, 400);
      assert.equal(refused.json.error.code, 'badRequest');
      assert.match(refused.json.error.innerError.message, /remove its assignments/);
      assert.ok(refused.json.error.innerError['request-id']);
      await t.assign(p, []);
      assert.equal((await t.ok('DELETE', `${VE}/provisioningPolicies/${p}`)).status, 204);
      assert.equal((await t.call('GET', `${VE}/provisioningPolicies/${p}`)).status, 404);
    });

    it("keeps the deleted policy's name on its Cloud PCs in grace, also after the state is saved and loaded", async () => {
      const sim = new Simulator(createSeedData('empty'));
      const t = new TenantClient(handlerTransport(createSimulatorHandler(sim)));
      const u = await t.user('Grace Kept');
      const p = await t.policy({ displayName: 'Sales desks' });
      await t.assign(p, [await t.group('G', [u.id])]);
      await t.advance({ hours: 3 });
      await t.assign(p, []);
      await t.ok('DELETE', `${VE}/provisioningPolicies/${p}`);
      const [pc] = await t.cloudPcsOf(u.upn);
      assert.equal(pc.status, 'inGracePeriod');
      assert.equal(pc.provisioningPolicyId, p);
      assert.equal(pc.provisioningPolicyName, 'Sales desks');
      const reloaded = new TenantClient(handlerTransport(createSimulatorHandler(new Simulator(sim.toData()))));
      assert.equal((await reloaded.cloudPcsOf(u.upn))[0].provisioningPolicyName, 'Sales desks');
    });
  });

  describe('rule 10: about 3 hours after a failure or deletion the service cleans up', () => {
    it('removes Intune, Entra and vNIC objects, keeps the NSG and disables the computer account', async () => {
      const t = tenant();
      const u = await t.user('Cleanup');
      await t.ok('POST', '/_simulator/faults', { kind: 'provisioningFailure', userPrincipalName: u.upn, count: 3 });
      await t.assign(await t.policy(hybrid(ANC_HEALTHY)), [await t.group('G', [u.id])]);
      await t.advance({ hours: 6 });
      const pc = (await t.cloudPcsOf(u.upn))[0];
      assert.equal(pc.status, 'failed');
      const objects = async () =>
        (await t.ok('GET', '/_simulator/objects')).json.value.filter(
          (o: { cloudPcId: string }) => o.cloudPcId === pc.id,
        );
      const active = await objects();
      assert.deepEqual(new Set(active.map((o: { state: string }) => o.state)), new Set(['active']));
      assert.deepEqual(
        new Set(active.map((o: { kind: string }) => o.kind)),
        new Set([
          'virtualNic',
          'networkSecurityGroup',
          'entraDevice',
          'onPremisesComputerAccount',
          'intuneManagedDevice',
        ]),
      );
      await t.advance({ hours: 3 });
      const byKind = Object.fromEntries(
        (await objects()).map((o: { kind: string; state: string }) => [o.kind, o.state]),
      );
      assert.deepEqual(byKind, {
        virtualNic: 'removed',
        networkSecurityGroup: 'retained',
        entraDevice: 'removed',
        onPremisesComputerAccount: 'disabled',
        intuneManagedDevice: 'removed',
      });
    });
  });

  describe('rule 11: immutable types, cloudApp coupling and request bodies checked like the editor', () => {
    it('refuses changing provisioningType, cloudApp without sharedByEntraGroup, and bad bodies', async () => {
      const t = tenant();
      const p = await t.policy();
      const change = await t.call(
        'PATCH',
        `${VE}/provisioningPolicies/${p}`,
        JSON.stringify({ provisioningType: 'sharedByUser' }),
      );
      assert.equal(change.status, 400);
      assert.equal(change.json.error.innerError.code, 'InvalidProperties');
      assert.match(change.json.error.innerError.message, /provisioningType/);
      const ux = await t.call(
        'PATCH',
        `${VE}/provisioningPolicies/${p}`,
        JSON.stringify({ userExperienceType: 'cloudApp' }),
      );
      assert.equal(ux.status, 400);
      const cloudApp = await t.call(
        'POST',
        `${VE}/provisioningPolicies`,
        JSON.stringify({ displayName: 'X', userExperienceType: 'cloudApp', provisioningType: 'dedicated' }),
      );
      assert.equal(cloudApp.status, 400);
      assert.match(cloudApp.json.error.innerError.message, /sharedByEntraGroup/);
      const unknown = await t.call(
        'POST',
        `${VE}/provisioningPolicies`,
        JSON.stringify({ displayName: 'X', colour: 'blue' }),
      );
      assert.equal(unknown.status, 400);
      const e = unknown.json.error;
      assert.equal(e.code, 'badRequest');
      assert.equal(e.innerError.code, 'InvalidProperties');
      assert.match(e.innerError.message, /colour/);
      assert.ok(e.innerError['request-id'] && e.innerError.date);
      const wrongType = await t.call('POST', `${VE}/provisioningPolicies`, JSON.stringify({ displayName: 42 }));
      assert.equal(wrongType.status, 400);
    });
  });

  describe('rule 12: names come from the naming template and are unique in the tenant', () => {
    it('expands the template for every user without duplicates', async () => {
      const t = tenant();
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) ids.push((await t.user(`Named ${i}`)).id);
      await t.assign(await t.policy({ cloudPcNamingTemplate: 'ENG-%RAND:5%' }), [await t.group('G', ids)]);
      await t.advance({ hours: 3 });
      const names = (await t.cloudPcs()).map((c) => c.managedDeviceName);
      assert.equal(names.length, 30);
      assert.ok(
        names.every((n) => /^ENG-[A-Za-z0-9]{5}$/.test(n)),
        names.join(),
      );
      assert.equal(new Set(names.map((n) => n.toUpperCase())).size, 30);
    });
  });

  describe('rule 13: every change is recorded as an audit event', () => {
    it('records create, update, assign and delete', async () => {
      const t = tenant();
      const p = await t.policy({ displayName: 'Audited' });
      await t.ok('PATCH', `${VE}/provisioningPolicies/${p}`, { description: 'changed' });
      await t.assign(p, []);
      await t.ok('DELETE', `${VE}/provisioningPolicies/${p}`);
      const events = (await t.ok('GET', `${VE}/auditEvents?$filter=category eq 'cloudPC'`)).json.value.filter(
        (e: { resources: { resourceId: string }[] }) => e.resources[0].resourceId === p,
      );
      assert.deepEqual(
        events.map((e: { activityOperationType: string }) => e.activityOperationType),
        ['create', 'patch', 'patch', 'delete'],
      );
      const patch = events[1];
      assert.deepEqual(patch.resources[0].modifiedProperties[0], {
        displayName: 'description',
        oldValue: '"test"',
        newValue: '"changed"',
      });
      assert.equal(patch.actor.userPrincipalName, 'admin@contoso.onmicrosoft.com');
    });
  });
});
