// Details of one Cloud PC's life that the views and scripts rely on (docs/simulator.md rules 3, 5, 6, 8 and 12):
// the change events, unique names, the random failure's status detail, the network a policy without a join
// configuration gets, and what `apply` leaves alone. Through the REST contract and the Simulator's own methods.
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../src/core/simulator/simulator';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import {
  ANC_FAILING,
  ANC_HEALTHY,
  DEVICE_IMAGE_FAILED,
  IMAGE_WIN11_24H2_M365,
  PLAN_FRONTLINE_2VCPU,
} from '../../../src/core/simulator/catalogSeed';
import { TenantClient, handlerTransport, onePc, VE } from './tenantClient';

function tenant(): { sim: Simulator; t: TenantClient } {
  const sim = new Simulator(createSeedData('empty'));
  return { sim, t: new TenantClient(handlerTransport(createSimulatorHandler(sim))) };
}

const info = (pc: { statusDetail: { additionalInformation: { name: string; value: string }[] } }) =>
  Object.fromEntries(pc.statusDetail.additionalInformation.map((x) => [x.name, x.value]));

describe('lifecycle details', () => {
  it("announces a Cloud PC's creation, each status change and its removal as change events", async () => {
    const { sim, t } = tenant();
    const seen: string[] = [];
    const sub = sim.onDidChange((c) => {
      if (c.kind === 'cloudPc') seen.push(`${c.id}:${c.change}`);
    });
    const { u, g } = await onePc(t, {}, 'Eve Events');
    const [pc] = await t.cloudPcsOf(u.upn);
    assert.deepEqual(seen, [`${pc.id}:created`]);
    await t.advance({ minutes: 2 });
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'provisioning');
    assert.deepEqual(seen, [`${pc.id}:created`, `${pc.id}:updated`]);
    await t.removeMember(g, u.id);
    await t.advance({ hours: 1 });
    assert.deepEqual(await t.cloudPcsOf(u.upn), []);
    assert.deepEqual(seen.slice(2), [`${pc.id}:updated`, `${pc.id}:deleted`], 'deprovisioning, then gone');
    // The stages it had scheduled before it went are void: nothing more is announced for it.
    await t.advance({ hours: 4 });
    assert.deepEqual(seen.slice(4), []);
    sub.dispose();
  });

  it('keeps every device name unique in the tenant and at most 15 characters, even when the template runs out of random names', () => {
    const { sim } = tenant();
    // Only an old state file can hold such a template (the editor and the REST contract refuse %RAND:1%): 36 names.
    const policy = sim.createPolicy({
      displayName: 'Tiny',
      cloudPcNamingTemplate: 'Desk-Room-%RAND:1%',
      imageId: IMAGE_WIN11_24H2_M365,
    } as never);
    assert.ok(policy.ok);
    const group = sim.createGroup({ displayName: 'Many' });
    assert.ok(group.ok);
    for (let i = 0; i < 40; i++) {
      const user = sim.createUser({ displayName: `User ${i}`, userPrincipalName: `user${i}@contoso.onmicrosoft.com` });
      assert.ok(user.ok);
      sim.assignLicense(user.value.id, [sim.toData().skus.find((s) => !s.frontline)!.skuId], []);
      sim.addMember(group.value.id, user.value.id);
    }
    sim.assignPolicy(policy.value.policy.id, [
      { groupId: group.value.id, servicePlanId: null, allotmentDisplayName: null, allotmentLicensesCount: null },
    ]);
    const names = [...sim.cloudPcs.values()].map((c) => c.deviceName);
    assert.equal(names.length, 40);
    assert.equal(new Set(names.map((n) => n.toUpperCase())).size, 40, 'unique, compared case-insensitively');
    // Every name is taken in the tenant's register of names (kept upper case), fallback names too.
    assert.ok(
      names.every((n) => sim.deviceNames.has(n.toUpperCase())),
      names.join(' '),
    );
    // A device name has 15 characters at most (docs/rules.md CPC404); the fallback keeps the template's start.
    assert.ok(
      names.every((n) => n.length <= 15 && /^desk-room-[a-z0-9]+$/i.test(n)),
      names.join(' '),
    );
    assert.equal(names.filter((n) => n.length === 11).length, 36, names.join(' '));
    // A reloaded state (the state file) still knows every name taken, whatever its case.
    const reloaded = new Simulator(sim.toData());
    const more = reloaded.createGroup({ displayName: 'More' });
    assert.ok(more.ok);
    for (let i = 0; i < 5; i++) {
      const user = reloaded.createUser({
        displayName: `Late ${i}`,
        userPrincipalName: `late${i}@contoso.onmicrosoft.com`,
      });
      assert.ok(user.ok);
      assert.ok(
        reloaded.assignLicense(user.value.id, [reloaded.toData().skus.find((s) => !s.frontline)!.skuId], []).ok,
      );
      reloaded.addMember(more.value.id, user.value.id);
    }
    reloaded.assignPolicy(policy.value.policy.id, [
      { groupId: group.value.id, servicePlanId: null, allotmentDisplayName: null, allotmentLicensesCount: null },
      { groupId: more.value.id, servicePlanId: null, allotmentDisplayName: null, allotmentLicensesCount: null },
    ]);
    const all = [...reloaded.cloudPcs.values()].map((c) => c.deviceName.toUpperCase());
    assert.equal(all.length, 45);
    assert.equal(new Set(all).size, 45, all.join(' '));
  });

  it('fails a seeded random failure as provisioningFailed after three attempts, retriable', async () => {
    const { t } = tenant();
    await t.ok('PATCH', '/_simulator/settings', { failureRate: 1 });
    const { u } = await onePc(t, {}, 'Unlucky');
    await t.advance({ hours: 10 });
    const [pc] = await t.cloudPcsOf(u.upn);
    assert.equal(pc.status, 'failed');
    assert.deepEqual(
      [pc.statusDetail.code, pc.statusDetail.message],
      ['provisioningFailed', 'Provisioning failed for an internal reason (simulated random failure).'],
    );
    assert.deepEqual(info(pc), { retriable: 'true', failedAction: 'Provision', attempts: '3' });
  });

  it('with the default failure rate 0 never fails, and a rate of 0.5 fails some of many (seeded)', async () => {
    const { t } = tenant();
    const g = await t.group('All');
    for (let i = 0; i < 12; i++) await t.addMember(g, (await t.user(`Lucky ${i}`)).id);
    await t.assign(await t.policy(), [g]);
    await t.advance({ hours: 10 });
    assert.ok((await t.cloudPcs()).every((c) => c.status === 'provisioned'));
    const { t: half } = tenant();
    await half.ok('PATCH', '/_simulator/settings', { failureRate: 0.5 });
    const h = await half.group('All');
    for (let i = 0; i < 12; i++) await half.addMember(h, (await half.user(`Maybe ${i}`)).id);
    await half.assign(await half.policy(), [h]);
    await half.advance({ hours: 10 });
    const statuses = (await half.cloudPcs()).map((c) => c.status);
    assert.ok(statuses.includes('failed') && statuses.includes('provisioned'), statuses.join(' '));
  });

  it('places a Cloud PC of a policy without join configurations (an old state file) in the default region; apply region moves nothing', async () => {
    const { sim, t } = tenant();
    const u = await t.user('No Net');
    const g = await t.group('No Net', [u.id]);
    const p = sim.createPolicy({
      displayName: 'Bare',
      imageId: IMAGE_WIN11_24H2_M365,
      domainJoinConfigurations: [],
    } as never);
    assert.ok(p.ok);
    await t.ok('POST', `${VE}/provisioningPolicies/${p.value.policy.id}/assign`, {
      assignments: [{ target: { groupId: g } }],
    });
    await t.advance({ hours: 3 });
    const [pc] = await t.cloudPcsOf(u.upn);
    assert.deepEqual([pc.status, pc.deviceRegionName, pc.onPremisesConnectionName], ['provisioned', 'eastus2', '']);
    assert.equal(
      (await t.ok('POST', `${VE}/provisioningPolicies/${p.value.policy.id}/apply`, { policySettings: 'region' }))
        .status,
      204,
    );
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'provisioned');
  });

  it('ends plainly provisioned when Autopilot device preparation denies access on failure', async () => {
    const { t } = tenant();
    const { u } = await onePc(
      t,
      {
        autopilotConfiguration: {
          devicePreparationProfileId: null,
          applicationTimeoutInMinutes: 30,
          onFailureDeviceAccessDenied: true,
        },
      },
      'Denied',
    );
    await t.advance({ hours: 3 });
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'provisioned');
  });

  it("apply region leaves a network-connection Cloud PC in its connection's region", async () => {
    const { t } = tenant();
    // The West Europe connection (made healthy) differs from the default region a Microsoft-hosted network would get.
    await t.ok('PATCH', `/_simulator/onPremisesConnections/${ANC_FAILING}`, { healthCheckStatus: 'passed' });
    const { u, p } = await onePc(
      t,
      { domainJoinConfigurations: [{ domainJoinType: 'hybridAzureADJoin', onPremisesConnectionId: ANC_FAILING }] },
      'Hybrid Apply',
    );
    await t.advance({ hours: 3 });
    assert.equal((await t.cloudPcsOf(u.upn))[0].deviceRegionName, 'westeurope');
    await t.ok('POST', `${VE}/provisioningPolicies/${p}/apply`, { policySettings: 'region' });
    const [pc] = await t.cloudPcsOf(u.upn);
    assert.deepEqual([pc.status, pc.deviceRegionName], ['provisioned', 'westeurope']);
  });

  it('apply leaves Cloud PCs that are not settled alone: provisioning, in grace', async () => {
    const { t } = tenant();
    const busy = await onePc(t, {}, 'Busy');
    const gone = await onePc(t, {}, 'Leaving');
    await t.advance({ hours: 3 });
    await t.removeMember(gone.g, gone.u.id);
    await t.advance({ minutes: 2 });
    for (const p of [busy.p, gone.p]) {
      await t.ok('PATCH', `${VE}/provisioningPolicies/${p}`, {
        enableSingleSignOn: true,
        domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'westus3', regionGroup: 'usWest' }],
      });
    }
    await t.ok('POST', `${VE}/cloudPCs/${(await t.cloudPcsOf(busy.u.upn))[0].id}/reprovision`, {});
    for (const p of [busy.p, gone.p])
      await t.ok('POST', `${VE}/provisioningPolicies/${p}/apply`, { policySettings: 'region,singleSignOn' });
    assert.equal((await t.cloudPcsOf(busy.u.upn))[0].status, 'provisioning');
    assert.equal((await t.cloudPcsOf(gone.u.upn))[0].status, 'inGracePeriod');
  });

  it("places a Cloud PC in the named region, not the region group's default", async () => {
    const { t } = tenant();
    const { u } = await onePc(
      t,
      {
        domainJoinConfigurations: [
          { domainJoinType: 'azureADJoin', regionName: 'northeurope', regionGroup: 'europeUnion' },
        ],
      },
      'North',
    );
    await t.advance({ hours: 3 });
    assert.equal((await t.cloudPcsOf(u.upn))[0].deviceRegionName, 'northeurope');
  });

  it("apply region moves a Cloud PC to the policy's new named region", async () => {
    const { t } = tenant();
    const { u, p } = await onePc(t, {}, 'Mover');
    await t.advance({ hours: 3 });
    await t.ok('PATCH', `${VE}/provisioningPolicies/${p}`, {
      domainJoinConfigurations: [
        { domainJoinType: 'azureADJoin', regionName: 'northeurope', regionGroup: 'europeUnion' },
      ],
    });
    await t.ok('POST', `${VE}/provisioningPolicies/${p}/apply`, { policySettings: 'region' });
    await t.advance({ hours: 1 });
    assert.equal((await t.cloudPcsOf(u.upn))[0].deviceRegionName, 'northeurope');
  });

  it("has an Entra device and an Intune device once provisioned; reprovision without an account type takes the policy's again", async () => {
    const { t } = tenant();
    const { u } = await onePc(t, {}, 'Devices');
    await t.advance({ hours: 3 });
    const [pc] = await t.cloudPcsOf(u.upn);
    const kinds = (await t.ok('GET', '/_simulator/objects')).json.value
      .filter((o: { cloudPcId: string }) => o.cloudPcId === pc.id)
      .map((o: { kind: string }) => o.kind);
    assert.ok(kinds.includes('entraDevice') && kinds.includes('intuneManagedDevice'), kinds.join(' '));
    await t.ok('POST', `${VE}/cloudPCs/${pc.id}/reprovision`, { userAccountType: 'administrator' });
    await t.advance({ hours: 3 });
    assert.equal((await t.cloudPcsOf(u.upn))[0].userAccountType, 'administrator');
    await t.ok('POST', `${VE}/cloudPCs/${pc.id}/reprovision`, {});
    assert.equal((await t.cloudPcsOf(u.upn))[0].userAccountType, 'standardUser');
  });

  it("names every unhealthy network connection of the policy, in priority order, and sits in the first one's region", async () => {
    const { t } = tenant();
    await t.ok('PATCH', `/_simulator/onPremisesConnections/${ANC_HEALTHY}`, { healthCheckStatus: 'failed' });
    const joins = [ANC_FAILING, ANC_HEALTHY].map((onPremisesConnectionId) => ({
      domainJoinType: 'hybridAzureADJoin',
      onPremisesConnectionId,
    }));
    const { u } = await onePc(t, { domainJoinConfigurations: joins }, 'Both Down');
    await t.advance({ hours: 8 });
    const [pc] = await t.cloudPcsOf(u.upn);
    assert.equal(pc.statusDetail.code, 'azureNetworkConnectionUnhealthy');
    assert.match(pc.statusDetail.message, /\(Contoso West Europe \(hybrid\), Contoso East US 2 \(hybrid\)\)\.$/);
    assert.equal(pc.deviceRegionName, 'westeurope');
  });

  it('says why an injected fault or an image failed the Cloud PC', async () => {
    const { sim, t } = tenant();
    const fault = await onePc(t, {}, 'Faulty');
    await t.ok('POST', '/_simulator/faults', { kind: 'provisioningFailure', userPrincipalName: fault.u.upn, count: 3 });
    const notReady = await onePc(
      t,
      { imageType: 'custom', imageId: DEVICE_IMAGE_FAILED, imageDisplayName: 'Legacy' },
      'Not Ready',
    );
    // Only an old state file can hold these policies (the REST contract refuses them): no image, an unknown image.
    const cases = [
      { displayName: 'No image', imageId: null },
      { displayName: 'Gone custom', imageType: 'custom', imageId: '00000000-1111-4222-8333-444444444444' },
      {
        displayName: 'Gone gallery',
        imageType: 'gallery',
        imageId: 'microsoftwindowsdesktop_windows-ent-cpc_win7-ent-cpc',
      },
    ];
    const upns: string[] = [];
    for (const fields of cases) {
      const u = await t.user(fields.displayName);
      const g = await t.group(`G ${fields.displayName}`, [u.id]);
      const p = sim.createPolicy({
        ...fields,
        domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'eastus2' }],
      } as never);
      assert.ok(p.ok);
      await t.ok('POST', `${VE}/provisioningPolicies/${p.value.policy.id}/assign`, {
        assignments: [{ target: { groupId: g } }],
      });
      upns.push(u.upn);
    }
    await t.advance({ hours: 10 });
    const detail = async (upn: string) => {
      const [pc] = await t.cloudPcsOf(upn);
      return [pc.status, pc.statusDetail.code, pc.statusDetail.message];
    };
    assert.deepEqual(await detail(fault.u.upn), [
      'failed',
      'intuneEnrollFailed',
      'The Cloud PC could not be enrolled in Intune (injected fault).',
    ]);
    assert.deepEqual(await detail(notReady.u.upn), [
      'failed',
      'imageNotReady',
      "Custom image 'Contoso Legacy Win10' is failed, not ready.",
    ]);
    assert.deepEqual(await detail(upns[0]!), ['failed', 'imageNotFound', 'The policy names no image.']);
    assert.deepEqual(await detail(upns[1]!), [
      'failed',
      'imageNotFound',
      "Custom image '00000000-1111-4222-8333-444444444444' was not found.",
    ]);
    assert.deepEqual(await detail(upns[2]!), [
      'failed',
      'imageNotFound',
      "Gallery image 'microsoftwindowsdesktop_windows-ent-cpc_win7-ent-cpc' was not found.",
    ]);
  });

  it("names a Frontline shared Cloud PC after its group when the allotment has no name, and keeps the policy's cloudApp experience", async () => {
    const { t } = tenant();
    const p = await t.policy({
      displayName: 'Kiosk',
      provisioningType: 'sharedByEntraGroup',
      userExperienceType: 'cloudApp',
      cloudPcNamingTemplate: 'SHR-%RAND:8%',
      domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'eastus2', regionGroup: 'usEast' }],
    });
    await t.assign(p, [await t.group('Front Desk')], {
      servicePlanId: PLAN_FRONTLINE_2VCPU,
      allotmentLicensesCount: 1,
    });
    const [pc] = await t.cloudPcs();
    assert.deepEqual([pc.displayName, pc.userExperienceType], ['Kiosk - Front Desk 0', 'cloudApp']);
  });

  for (const [when, hours] of [
    ['queued', 0],
    ['provisioning', 1.5],
  ] as const) {
    it(`in an old state file whose ${when} Cloud PC names a deleted policy: provisioning goes on without it, and reprovision answers 400`, async () => {
      const { sim, t } = tenant();
      const { u, p } = await onePc(t, {}, 'Orphan');
      await t.advance({ hours });
      const data = sim.toData();
      data.policies = data.policies.filter((x) => x.policy.id !== p);
      const old = new Simulator(data);
      const client = new TenantClient(handlerTransport(createSimulatorHandler(old)));
      await client.advance({ hours: 3 });
      const [pc] = await client.cloudPcsOf(u.upn);
      assert.deepEqual(
        [pc.status, pc.imageDisplayName],
        ['provisioned', 'Windows 11 Enterprise + Microsoft 365 Apps 24H2'],
      );
      const r = await client.call('POST', `${VE}/cloudPCs/${pc.id}/reprovision`, '{}');
      assert.deepEqual(
        [r.status, r.json.error.code, r.json.error.innerError.code],
        [400, 'badRequest', 'InvalidCloudPcStatus'],
      );
      assert.match(r.json.error.innerError.message, /was deleted; it cannot be reprovisioned/);
      // Nor does apply push a deleted policy's settings: nothing changes.
      for (const policySettings of ['region', 'singleSignOn'])
        await client.ok('POST', `${VE}/provisioningPolicies/applyConfig`, { cloudPcIds: [pc.id], policySettings });
      assert.equal((await client.cloudPcsOf(u.upn))[0].status, 'provisioned');
    });
  }

  it('in an old state file whose policy names a network connection that is gone: fails as an unhealthy connection, naming its id', async () => {
    const { sim, t } = tenant();
    const p = await t.policy({
      displayName: 'Gone',
      domainJoinConfigurations: [{ domainJoinType: 'hybridAzureADJoin', onPremisesConnectionId: ANC_HEALTHY }],
    });
    const data = sim.toData();
    const gone = '0ac0ffee-0000-0000-0000-000000000000';
    data.policies.find((x) => x.policy.id === p)!.policy.domainJoinConfigurations![0].onPremisesConnectionId = gone;
    const client = new TenantClient(handlerTransport(createSimulatorHandler(new Simulator(data))));
    const u = await client.user('Far Away');
    await client.assign(p, [await client.group('Gone', [u.id])]);
    await client.advance({ hours: 8 });
    const [pc] = await client.cloudPcsOf(u.upn);
    assert.deepEqual(
      [pc.status, pc.statusDetail.code, pc.onPremisesConnectionName],
      ['failed', 'azureNetworkConnectionUnhealthy', ''],
    );
    assert.match(pc.statusDetail.message, new RegExp(`passed its health checks \\(${gone}\\)`));
  });

  it('frees the old device name on reprovision: a template with one possible name (an old state file) gives it again', async () => {
    const { sim, t } = tenant();
    // The editor and the REST contract refuse a template without %RAND:5%; only an old state file holds one.
    const policy = sim.createPolicy({
      displayName: 'Solo',
      cloudPcNamingTemplate: 'SOLO-DESK',
      imageId: IMAGE_WIN11_24H2_M365,
    } as never);
    assert.ok(policy.ok);
    const u = await t.user('Solo User');
    await t.assign(policy.value.policy.id, [await t.group('Solo', [u.id])]);
    await t.advance({ hours: 3 });
    const [pc] = await t.cloudPcsOf(u.upn);
    assert.equal(pc.managedDeviceName, 'SOLO-DESK');
    await t.ok('POST', `${VE}/cloudPCs/${pc.id}/reprovision`, {});
    await t.advance({ hours: 3 });
    assert.equal(
      (await t.cloudPcsOf(u.upn))[0].managedDeviceName,
      'SOLO-DESK',
      'its own name is free again, so the template gives it (rule 12)',
    );
  });
});
