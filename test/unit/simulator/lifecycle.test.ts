// One Cloud PC's life in detail (docs/simulator.md rules 3, 5–8 and 10), through the REST contract.
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../src/core/simulator/simulator';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import {
  ANC_HEALTHY,
  DEVICE_IMAGE_FAILED,
  DEVICE_IMAGE_READY,
  IMAGE_WIN11_22H2_EXPIRED,
  PLAN_FRONTLINE_2VCPU,
  SKU_ENTERPRISE_2VCPU,
} from '../../../src/core/simulator/catalogSeed';
import { TenantClient, handlerTransport, onePc, VE } from './tenantClient';

function tenant(): TenantClient {
  return new TenantClient(handlerTransport(createSimulatorHandler(new Simulator(createSeedData('empty')))));
}

const info = (pc: { statusDetail: { additionalInformation: { name: string; value: string }[] } }) =>
  Object.fromEntries(pc.statusDetail.additionalInformation.map((x) => [x.name, x.value]));
const auditValue = async (t: TenantClient, activity: string, property: string) => {
  const events = (await t.ok('GET', `${VE}/auditEvents`)).json.value.filter(
    (e: { activity: string }) => e.activity === activity,
  );
  return events.map(
    (e: { resources: { modifiedProperties: { displayName: string; newValue: string }[] }[] }) =>
      e.resources[0].modifiedProperties.find((m) => m.displayName === property)?.newValue,
  );
};
const objects = async (t: TenantClient, cloudPcId: string) =>
  (await t.ok('GET', '/_simulator/objects')).json.value.filter((o: { cloudPcId: string }) => o.cloudPcId === cloudPcId);

describe('a Cloud PC from creation to provisioned', () => {
  it('is created from the policy: name, image, type, single sign-on, account type; queued for a minute', async () => {
    const t = tenant();
    const { u, p } = await onePc(t, { enableSingleSignOn: true, localAdminEnabled: true });
    const [pc] = await t.cloudPcsOf(u.upn);
    assert.deepEqual(
      [
        pc.displayName,
        pc.status,
        pc.provisioningPolicyId,
        pc.imageDisplayName,
        pc.provisioningType,
        pc.userExperienceType,
        pc.productType,
        pc.connectionSetting.enableSingleSignOn,
        pc.userAccountType,
        pc.osVersion,
        pc.managedDeviceName,
      ],
      [
        'Desk - Ana Diaz',
        'notProvisioned',
        p,
        'Windows 11 Enterprise + Microsoft 365 Apps 24H2',
        'dedicated',
        'cloudPc',
        'enterprise',
        true,
        'administrator',
        'windows11',
        null,
      ],
    );
    await t.advance({ minutes: 0.5 });
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'notProvisioned');
    await t.advance({ minutes: 0.5 });
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'provisioning');
  });

  it('creates the Entra device in the first stage and the Intune device in the second', async () => {
    const t = tenant();
    const { u } = await onePc(t);
    const [pc] = await t.cloudPcsOf(u.upn);
    assert.deepEqual(await objects(t, pc.id), []);
    await t.advance({ minutes: 62 });
    const kinds = async () =>
      (await objects(t, pc.id)).map((o: { kind: string; state: string }) => `${o.kind}:${o.state}`).sort();
    assert.deepEqual(await kinds(), ['entraDevice:active', 'networkSecurityGroup:active', 'virtualNic:active']);
    await t.advance({ minutes: 40 });
    assert.deepEqual(await kinds(), [
      'entraDevice:active',
      'intuneManagedDevice:active',
      'networkSecurityGroup:active',
      'virtualNic:active',
    ]);
    await t.advance({ minutes: 20 });
    const done = (await t.cloudPcsOf(u.upn))[0];
    assert.equal(done.status, 'provisioned');
    const live = await objects(t, pc.id);
    const nic = live.find((o: { kind: string }) => o.kind === 'virtualNic');
    const nsg = live.find((o: { kind: string }) => o.kind === 'networkSecurityGroup');
    assert.deepEqual(
      [nic.displayName, nsg.displayName],
      [`${done.managedDeviceName}-nic`, `${done.managedDeviceName}-nsg`],
    );
    assert.deepEqual([nic.id, nsg.id], [`${pc.id}.0-nic`, `${pc.id}.0-nsg`]);
    assert.equal(live.find((o: { kind: string }) => o.kind === 'entraDevice').id, done.aadDeviceId);
    // A reprovision releases these objects and starts a second footprint.
    await t.ok('POST', `${VE}/cloudPCs/${pc.id}/reprovision`, {});
    await t.advance({ minutes: 62 });
    const ids = (await objects(t, pc.id))
      .filter((o: { kind: string }) => o.kind === 'virtualNic')
      .map((o: { id: string }) => o.id)
      .sort();
    assert.deepEqual(ids, [`${pc.id}.0-nic`, `${pc.id}.1-nic`]);
  });

  it('retries a failed attempt after 5 minutes; the third failure is final and counted', async () => {
    const t = tenant();
    const u = await t.user('Flaky');
    await t.ok('POST', '/_simulator/faults', { kind: 'provisioningFailure', userPrincipalName: u.upn, count: 2 });
    await t.assign(await t.policy(), [await t.group('G', [u.id])]);
    // Each failure comes at the end of the second stage (1 + 100 minutes), the retry 5 minutes later.
    await t.advance({ minutes: 1 + 100 + 5 + 100 + 5 + 119 });
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'provisioning');
    await t.advance({ minutes: 1 });
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'provisioned');

    const v = await t.user('Broken');
    await t.ok('POST', '/_simulator/faults', { kind: 'provisioningFailure', userPrincipalName: v.upn, count: 3 });
    await t.assign(await t.policy({ imageId: IMAGE_WIN11_22H2_EXPIRED }), [await t.group('H', [v.id])]);
    await t.advance({ hours: 12 });
    const [failed] = await t.cloudPcsOf(v.upn);
    assert.deepEqual(
      [failed.statusDetail.code, info(failed)],
      ['imageExpired', { retriable: 'false', failedAction: 'Provision', attempts: '3' }],
    );
  });

  it('retries on the same device: the Entra device joined in the first attempt is the one the Cloud PC ends with', async () => {
    const t = tenant();
    const u = await t.user('Flaky Again');
    await t.ok('POST', '/_simulator/faults', { kind: 'provisioningFailure', userPrincipalName: u.upn, count: 2 });
    await t.assign(await t.policy(), [await t.group('G', [u.id])]);
    await t.advance({ minutes: 62 });
    const [first] = await t.cloudPcsOf(u.upn);
    assert.ok(first.aadDeviceId);
    await t.advance({ hours: 6 });
    const [done] = await t.cloudPcsOf(u.upn);
    assert.deepEqual([done.status, done.aadDeviceId], ['provisioned', first.aadDeviceId]);
    const entra = (await objects(t, done.id)).filter((o: { kind: string }) => o.kind === 'entraDevice');
    assert.deepEqual(
      entra.map((o: { id: string; state: string }) => [o.id, o.state]),
      [[first.aadDeviceId, 'active']],
    );
  });

  it('fails on a custom image that is missing or not ready, and provisions from a ready one', async () => {
    const t = tenant();
    const cases: [string, string | null][] = [
      [DEVICE_IMAGE_READY, null],
      [DEVICE_IMAGE_FAILED, 'imageNotReady'],
      ['6d1e37b1-0000-0000-0000-000000000000', 'imageNotFound'],
    ];
    for (const [imageId, code] of cases) {
      const { u } = await onePc(
        t,
        { imageType: 'custom', imageId, imageDisplayName: 'Custom' },
        `User ${imageId.slice(-4)}`,
      );
      await t.advance({ hours: 8 });
      const [pc] = await t.cloudPcsOf(u.upn);
      assert.deepEqual([pc.status, pc.statusDetail?.code ?? null], [code ? 'failed' : 'provisioned', code], imageId);
    }
    const { u } = await onePc(t, { imageId: 'microsoftwindowsdesktop_windows-ent-cpc_nonexistent' }, 'Gallery Miss');
    await t.advance({ hours: 8 });
    assert.equal((await t.cloudPcsOf(u.upn))[0].statusDetail.code, 'imageNotFound');
  });

  it('names a Frontline shared Cloud PC after its pool (the allotment, else the group)', async () => {
    const t = tenant();
    const p = await t.policy({
      displayName: 'Kiosk',
      provisioningType: 'sharedByEntraGroup',
      cloudPcNamingTemplate: 'SHR-%RAND:8%',
    });
    await t.assign(p, [await t.group('Front desk')], {
      servicePlanId: PLAN_FRONTLINE_2VCPU,
      allotmentLicensesCount: 1,
    });
    const [pc] = await t.cloudPcs();
    assert.deepEqual(
      [pc.displayName, pc.productType, pc.provisioningType, pc.userPrincipalName],
      ['Kiosk - Front desk 0', 'frontline', 'sharedByEntraGroup', null],
    );
  });
});

describe('grace period details', () => {
  it('keeps the end of the grace period when the user loses another coverage, and a deprovisioning Cloud PC stays so', async () => {
    const t = tenant();
    const { u, g } = await onePc(t);
    await t.advance({ hours: 3 });
    await t.removeMember(g, u.id);
    const end = (await t.cloudPcsOf(u.upn))[0].gracePeriodEndDateTime;
    await t.advance({ days: 2 });
    await t.ok('POST', `/v1.0/users/${u.id}/assignLicense`, {
      addLicenses: [],
      removeLicenses: [SKU_ENTERPRISE_2VCPU],
    });
    const [pc] = await t.cloudPcsOf(u.upn);
    assert.deepEqual([pc.status, pc.gracePeriodEndDateTime], ['inGracePeriod', end]);
    await t.ok('POST', `${VE}/cloudPCs/${pc.id}/endGracePeriod`);
    await t.ok('POST', `/v1.0/users/${u.id}/assignLicense`, {
      addLicenses: [{ skuId: SKU_ENTERPRISE_2VCPU }],
      removeLicenses: [],
    });
    await t.ok('POST', `/v1.0/users/${u.id}/assignLicense`, {
      addLicenses: [],
      removeLicenses: [SKU_ENTERPRISE_2VCPU],
    });
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'deprovisioning');
  });

  it('never ends a grace period the Cloud PC was restored from, even while it is reprovisioned when that period would have ended', async () => {
    const t = tenant();
    const { u, g } = await onePc(t);
    await t.advance({ hours: 3 });
    await t.removeMember(g, u.id);
    await t.addMember(g, u.id);
    const [pc] = await t.cloudPcsOf(u.upn);
    assert.equal(pc.status, 'provisioned');
    // Reprovisioning takes 120 minutes; the 7 days end 110 minutes in, during its last stage.
    await t.advance({ days: 6 });
    await t.advance({ minutes: 24 * 60 - 110 });
    await t.ok('POST', `${VE}/cloudPCs/${pc.id}/reprovision`, {});
    await t.advance({ minutes: 115 });
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'provisioning');
    await t.advance({ minutes: 10 });
    assert.deepEqual(
      (await t.cloudPcsOf(u.upn)).map((c) => [c.id, c.status]),
      [[pc.id, 'provisioned']],
    );
  });

  it('deprovisions at once a Cloud PC that was never provisioned', async () => {
    const t = tenant();
    const { u, g } = await onePc(t);
    await t.advance({ minutes: 30 });
    await t.removeMember(g, u.id);
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'deprovisioning');
  });

  it('refuses endGracePeriod outside the grace period', async () => {
    const t = tenant();
    const { u } = await onePc(t);
    const [pc] = await t.cloudPcsOf(u.upn);
    const r = await t.call('POST', `${VE}/cloudPCs/${pc.id}/endGracePeriod`);
    assert.equal(r.status, 400);
    assert.deepEqual([r.json.error.code, r.json.error.innerError.code], ['badRequest', 'InvalidCloudPcStatus']);
    assert.match(r.json.error.innerError.message, /is notProvisioned, not in its grace period/);
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'notProvisioned');
  });
});

describe('admin actions', () => {
  it("reprovisions a failed Cloud PC, with the OS asked for and the policy's account type", async () => {
    const t = tenant();
    const { u, p } = await onePc(t);
    await t.ok('POST', '/_simulator/faults', { kind: 'provisioningFailure', userPrincipalName: u.upn, count: 3 });
    await t.advance({ hours: 8 });
    const [failed] = await t.cloudPcsOf(u.upn);
    assert.equal(failed.status, 'failed');
    await t.ok('PATCH', `${VE}/provisioningPolicies/${p}`, { localAdminEnabled: true });
    await t.ok('POST', `${VE}/cloudPCs/${failed.id}/reprovision`, { osVersion: 'windows10' });
    await t.advance({ hours: 3 });
    const [pc] = await t.cloudPcsOf(u.upn);
    assert.deepEqual([pc.status, pc.osVersion, pc.userAccountType], ['provisioned', 'windows10', 'administrator']);
    await t.ok('POST', `${VE}/cloudPCs/${pc.id}/reprovision`, {});
    await t.advance({ hours: 3 });
    assert.equal((await t.cloudPcsOf(u.upn))[0].osVersion, 'windows10', 'kept when not asked');
  });

  it('retries only failed Cloud PCs and counts them', async () => {
    const t = tenant();
    const { u, p } = await onePc(t);
    await t.advance({ hours: 3 });
    await t.ok('POST', `${VE}/provisioningPolicies/${p}/retry`, {});
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'provisioned');
    assert.deepEqual(await auditValue(t, 'Retry provisioning policy', 'cloudPcsRetried'), ['0']);
  });

  it('applies only what changed, only to settled Cloud PCs, and never moves a network-connection Cloud PC', async () => {
    const t = tenant();
    const { u, p } = await onePc(t);
    const busy = await onePc(t, {}, 'Still Provisioning');
    const hybrid = await onePc(
      t,
      { domainJoinConfigurations: [{ domainJoinType: 'hybridAzureADJoin', onPremisesConnectionId: ANC_HEALTHY }] },
      'On Premises',
    );
    await t.advance({ hours: 3 });
    await t.ok('POST', `${VE}/provisioningPolicies/${p}/apply`, { policySettings: 'region,singleSignOn' });
    await t.ok('POST', `${VE}/provisioningPolicies/${hybrid.p}/apply`, { policySettings: 'region' });
    assert.deepEqual(await auditValue(t, 'Apply provisioning policy', 'cloudPcsChanged'), ['0', '0']);
    assert.equal((await t.cloudPcsOf(hybrid.u.upn))[0].deviceRegionName, 'eastus2');
    // 'automatic' places it in the region group's default region.
    await t.ok('PATCH', `${VE}/provisioningPolicies/${p}`, {
      enableSingleSignOn: true,
      domainJoinConfigurations: [
        { domainJoinType: 'azureADJoin', regionName: 'automatic', regionGroup: 'europeUnion' },
      ],
    });
    await t.ok('PATCH', `${VE}/provisioningPolicies/${busy.p}`, { enableSingleSignOn: true });
    await t.ok('POST', `${VE}/cloudPCs/${(await t.cloudPcsOf(busy.u.upn))[0].id}/reprovision`, {});
    await t.ok('POST', `${VE}/provisioningPolicies/${busy.p}/apply`, { policySettings: 'singleSignOn' });
    assert.equal((await t.cloudPcsOf(busy.u.upn))[0].status, 'provisioning');
    await t.ok('POST', `${VE}/provisioningPolicies/${p}/apply`, { policySettings: 'singleSignOn' });
    await t.advance({ minutes: 29 });
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'modifyingSingleSignOn');
    await t.advance({ minutes: 1 });
    const sso = (await t.cloudPcsOf(u.upn))[0];
    assert.deepEqual(
      [sso.status, sso.connectionSetting.enableSingleSignOn, sso.deviceRegionName],
      ['provisioned', true, 'eastus2'],
    );
    await t.ok('POST', `${VE}/provisioningPolicies/${p}/apply`, { policySettings: 'region' });
    assert.deepEqual(await auditValue(t, 'Apply provisioning policy', 'cloudPcsChanged'), ['0', '0', '0', '1', '1']);
    await t.advance({ minutes: 30 });
    const moved = (await t.cloudPcsOf(u.upn))[0];
    assert.deepEqual([moved.status, moved.deviceRegionName], ['provisioned', 'westeurope']);
  });
});
