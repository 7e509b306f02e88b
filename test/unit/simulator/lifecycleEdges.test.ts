// Lifecycle edges: default names, healthy connection states, warnings, regions, image expiry, what
// provisioning leaves behind (docs/simulator.md rules 1, 3, 5, 7 and 10), through the REST contract.
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../src/core/simulator/simulator';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import { ANC_FAILING, IMAGE_WIN11_25H2, PLAN_FRONTLINE_2VCPU } from '../../../src/core/simulator/catalogSeed';
import { TenantClient, handlerTransport, onePc, VE } from './tenantClient';

function tenant(): TenantClient {
  return new TenantClient(handlerTransport(createSimulatorHandler(new Simulator(createSeedData('empty')))));
}

const objects = async (t: TenantClient, cloudPcId: string) =>
  (await t.ok('GET', '/_simulator/objects')).json.value.filter((o: { cloudPcId: string }) => o.cloudPcId === cloudPcId);
const hybrid = {
  domainJoinConfigurations: [{ domainJoinType: 'hybridAzureADJoin', onPremisesConnectionId: ANC_FAILING }],
};

describe('lifecycle edges', () => {
  it("names Cloud PCs from the default templates when the policy has none; starts with the policy's defaults", async () => {
    const t = tenant();
    const { u } = await onePc(t, { cloudPcNamingTemplate: null }, 'Bo Li');
    const p = await t.policy({
      displayName: 'Pool',
      provisioningType: 'sharedByEntraGroup',
      cloudPcNamingTemplate: null,
    });
    await t.assign(p, [await t.group('Pool')], {
      servicePlanId: PLAN_FRONTLINE_2VCPU,
      allotmentDisplayName: 'Lobby',
      allotmentLicensesCount: 1,
    });
    const [created] = await t.cloudPcsOf(u.upn);
    assert.deepEqual(
      [created.onPremisesConnectionName, created.connectionSetting.enableSingleSignOn, created.userAccountType],
      ['', false, 'standardUser'],
    );
    await t.advance({ hours: 3 });
    const [mine] = await t.cloudPcsOf(u.upn);
    assert.match(mine.managedDeviceName, /^CPC-BOLI-[A-Za-z0-9]{5}$/i);
    const pool = (await t.cloudPcs()).find((c) => c.provisioningPolicyId === p);
    assert.match(pool.managedDeviceName, /^CPC-[A-Za-z0-9]{8}$/);
    assert.equal(pool.displayName, 'Pool - Lobby 0');
  });

  for (const health of ['warning', 'informational']) {
    it(`counts a network connection whose health check is ${health} as healthy`, async () => {
      const t = tenant();
      await t.ok('PATCH', `/_simulator/onPremisesConnections/${ANC_FAILING}`, { healthCheckStatus: health });
      const { u } = await onePc(t, hybrid, 'Net User');
      await t.advance({ hours: 3 });
      const [pc] = await t.cloudPcsOf(u.upn);
      assert.deepEqual(
        [pc.status, pc.onPremisesConnectionName, pc.deviceRegionName],
        ['provisioned', 'Contoso West Europe (hybrid)', 'westeurope'],
      );
    });
  }

  it('names the failing network connections, and leaves no Intune device when it fails before enrolment', async () => {
    const t = tenant();
    const { u } = await onePc(t, hybrid, 'Net Fail');
    await t.advance({ hours: 8 });
    const [pc] = await t.cloudPcsOf(u.upn);
    assert.match(pc.statusDetail.message, /\(Contoso West Europe \(hybrid\)\)/);
    const kinds = (await objects(t, pc.id)).map((o: { kind: string }) => o.kind).sort();
    assert.deepEqual(kinds, ['entraDevice', 'networkSecurityGroup', 'onPremisesComputerAccount', 'virtualNic']);
    const left = await objects(t, pc.id);
    const ad = left.find((o: { kind: string }) => o.kind === 'onPremisesComputerAccount');
    const name = left.find((o: { kind: string }) => o.kind === 'virtualNic').displayName.replace(/-nic$/, '');
    assert.deepEqual(
      [ad.id, ad.displayName, ad.state],
      [`${pc.id}.0-ad`, `CN=${name},OU=CloudPCs,DC=corp,DC=contoso,DC=com`, 'disabled'],
    );
  });

  it('leaves nothing behind for a Cloud PC deprovisioned before its first stage ended', async () => {
    const t = tenant();
    const { u, g } = await onePc(t, {}, 'Early Leaver');
    const [pc] = await t.cloudPcsOf(u.upn);
    await t.removeMember(g, u.id);
    await t.advance({ hours: 4 });
    assert.deepEqual(await objects(t, pc.id), []);
  });

  it('keeps the devices created in each stage and dates them from their creation', async () => {
    const t = tenant();
    const { u } = await onePc(t, {}, 'Stage Keeper');
    await t.advance({ minutes: 61 });
    const created = await t.now();
    const afterFirst = (await t.cloudPcsOf(u.upn))[0];
    await t.advance({ minutes: 40 });
    const afterSecond = (await t.cloudPcsOf(u.upn))[0];
    await t.advance({ minutes: 20 });
    const done = (await t.cloudPcsOf(u.upn))[0];
    assert.equal(done.status, 'provisioned');
    assert.ok(afterFirst.aadDeviceId);
    assert.deepEqual([done.aadDeviceId, done.managedDeviceId], [afterFirst.aadDeviceId, afterSecond.managedDeviceId]);
    await t.ok('POST', `${VE}/cloudPCs/${done.id}/reprovision`, {});
    const released = await objects(t, done.id);
    assert.ok(released.length >= 4);
    assert.ok(released.every((o: { createdDateTime: string }) => Date.parse(o.createdDateTime) === created));
  });

  it('ends with warnings when Autopilot device preparation may fail without denying access, and reprovisions from there', async () => {
    const t = tenant();
    const { u } = await onePc(
      t,
      {
        autopilotConfiguration: {
          devicePreparationProfileId: null,
          applicationTimeoutInMinutes: 30,
          onFailureDeviceAccessDenied: false,
        },
      },
      'Warned',
    );
    await t.advance({ hours: 3 });
    const [pc] = await t.cloudPcsOf(u.upn);
    assert.equal(pc.status, 'provisionedWithWarnings');
    assert.equal((await t.ok('POST', `${VE}/cloudPCs/${pc.id}/reprovision`, {})).status, 204);
  });

  it("places a Cloud PC of an automatic region in the region group's default region", async () => {
    const t = tenant();
    const { u } = await onePc(
      t,
      {
        domainJoinConfigurations: [
          { domainJoinType: 'azureADJoin', regionName: 'automatic', regionGroup: 'europeUnion' },
        ],
      },
      'Auto Region',
    );
    await t.advance({ hours: 3 });
    assert.equal((await t.cloudPcsOf(u.upn))[0].deviceRegionName, 'westeurope');
  });

  it('refuses to reprovision a Cloud PC in grace', async () => {
    const t = tenant();
    const { u, g } = await onePc(t, {}, 'Grace Repro');
    await t.advance({ hours: 3 });
    await t.removeMember(g, u.id);
    const r = await t.call('POST', `${VE}/cloudPCs/${(await t.cloudPcsOf(u.upn))[0].id}/reprovision`, '{}');
    assert.deepEqual(
      [r.status, r.json.error.code, r.json.error.innerError.code],
      [400, 'badRequest', 'InvalidCloudPcStatus'],
    );
  });

  it('treats a gallery image as expired from the moment of its expiration date', async () => {
    const t = tenant();
    // The attempt starts a minute after assignment: exactly at midnight of the expiration date.
    const day = new Date((await t.now()) + 86_400_000).toISOString().slice(0, 10);
    await t.ok('PATCH', `/_simulator/galleryImages/${IMAGE_WIN11_25H2}`, { expirationDate: day });
    await t.ok('POST', '/_simulator/clock/advance', { to: new Date(Date.parse(day) - 60_000).toISOString() });
    const { u } = await onePc(
      t,
      { imageId: IMAGE_WIN11_25H2, imageDisplayName: 'Windows 11 Enterprise 25H2' },
      'Expiry',
    );
    await t.advance({ hours: 8 });
    const [pc] = await t.cloudPcsOf(u.upn);
    assert.equal(pc.statusDetail.code, 'imageExpired');
    assert.match(pc.statusDetail.message, /^Gallery image 'Windows 11 Enterprise 25H2' expired on /);
  });

  it('counts the failed Cloud PCs a policy retry starts again', async () => {
    const t = tenant();
    const broken = await t.user('Broken');
    const fine = await t.user('Fine');
    await t.ok('POST', '/_simulator/faults', { kind: 'provisioningFailure', userPrincipalName: broken.upn, count: 3 });
    const p = await t.policy();
    await t.assign(p, [await t.group('G', [broken.id, fine.id])]);
    await t.advance({ hours: 8 });
    await t.ok('POST', `${VE}/provisioningPolicies/${p}/retry`, {});
    const events = (await t.ok('GET', `${VE}/auditEvents`)).json.value.filter(
      (e: { activity: string }) => e.activity === 'Retry provisioning policy',
    );
    assert.equal(events[0].resources[0].modifiedProperties[0].newValue, '1');
    assert.deepEqual(
      [(await t.cloudPcsOf(broken.upn))[0].status, (await t.cloudPcsOf(fine.upn))[0].status],
      ['provisioning', 'provisioned'],
    );
  });
});
