// Microsoft's own Graph beta examples for the Windows 365 resources, run against the simulator and, for policy
// bodies, through the validator (validateDocument). Each names its page (docs/service-facts.md names the
// sources); ids of the pages' network connections and images are the simulator seed's (catalogSeed mirrors
// them), everything else is the example as written. Where an example contradicts its own page, the test says so.
import * as assert from 'node:assert/strict';
import {
  ANC_FAILING,
  ANC_HEALTHY,
  DEVICE_IMAGE_READY,
  PLAN_FRONTLINE_2VCPU,
} from '../../../src/core/simulator/catalogSeed';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import { Simulator } from '../../../src/core/simulator/simulator';
import { validateDocument } from '../../../src/core/policy/validator';
import { handlerTransport, onePc, TenantClient, VE } from '../simulator/tenantClient';

function tenant(): TenantClient {
  return new TenantClient(handlerTransport(createSimulatorHandler(new Simulator(createSeedData('empty')))));
}

const errors = (body: unknown, partial = false) =>
  validateDocument(JSON.stringify(body, null, 2), { partial })
    .filter((f) => f.severity === 'error')
    .map((f) => f.code);

// Graph "Create cloudPcProvisioningPolicy": hybrid join through two connections in priority order, a custom image.
const CREATE_EXAMPLE = {
  '@odata.type': '#microsoft.graph.cloudPcProvisioningPolicy',
  displayName: 'Component-displayName',
  description: 'Description value',
  domainJoinConfigurations: [
    { onPremisesConnectionId: ANC_HEALTHY, domainJoinType: 'hybridAzureADJoin' },
    { onPremisesConnectionId: ANC_FAILING, domainJoinType: 'hybridAzureADJoin' },
  ],
  enableSingleSignOn: true,
  imageDisplayName: 'Image Display Name value',
  imageId: DEVICE_IMAGE_READY,
  imageType: 'custom',
  windowsSetting: { locale: 'en-US' },
  provisioningType: 'dedicated',
};

describe('Graph documentation examples: provisioning policies', () => {
  it('Graph "Create cloudPcProvisioningPolicy": 201 echoing the policy with its id and managedBy; no validator error', async () => {
    assert.deepEqual(errors(CREATE_EXAMPLE), []);
    const r = await tenant().call('POST', `${VE}/provisioningPolicies`, JSON.stringify(CREATE_EXAMPLE));
    assert.equal(r.status, 201, r.text);
    assert.ok(r.json.id);
    assert.equal(r.json.managedBy, 'windows365');
    assert.deepEqual(
      r.json.domainJoinConfigurations.map((d: { onPremisesConnectionId: string }) => d.onPremisesConnectionId),
      [ANC_HEALTHY, ANC_FAILING],
    );
  });

  it('Graph "Create cloudPcProvisioningPolicy" with persistence switched on for a dedicated policy CONTRADICTS its page (only sharedByEntraGroup): CPC302 and 400', async () => {
    const body = {
      ...CREATE_EXAMPLE,
      userSettingsPersistenceConfiguration: {
        userSettingsPersistenceEnabled: true,
        userSettingsPersistenceStorageSizeCategory: 'fourGB',
      },
    };
    assert.deepEqual(errors(body), ['CPC302']);
    assert.equal((await tenant().call('POST', `${VE}/provisioningPolicies`, JSON.stringify(body))).status, 400);
  });

  it('Graph "Update cloudPcProvisioningPolicy": 204; its persistence block switched off on a dedicated policy is fine', async () => {
    const t = tenant();
    const id = (await t.ok('POST', `${VE}/provisioningPolicies`, CREATE_EXAMPLE)).json.id;
    const update = {
      '@odata.type': '#microsoft.graph.cloudPcProvisioningPolicy',
      displayName: 'HR provisioning policy',
      description: 'Provisioning policy for India HR employees',
      enableSingleSignOn: false,
      imageDisplayName: 'Image Display Name value',
      imageId: DEVICE_IMAGE_READY,
      imageType: 'custom',
      windowsSetting: { locale: 'en-US' },
      userSettingsPersistenceConfiguration: {
        userSettingsPersistenceEnabled: false,
        userSettingsPersistenceStorageSizeCategory: 'fourGB',
      },
    };
    assert.deepEqual(errors(update, true), []);
    const r = await t.call('PATCH', `${VE}/provisioningPolicies/${id}`, JSON.stringify(update));
    assert.equal(r.status, 204, r.text);
    assert.equal(r.text, undefined);
  });

  it('Graph "Get cloudPcProvisioningPolicy" with $expand=assignments: the targets carry their @odata.type', async () => {
    const t = tenant();
    const { p, g } = await onePc(t);
    const r = await t.ok('GET', `${VE}/provisioningPolicies/${p}?$expand=assignments`);
    assert.equal(r.json.assignments[0].target.groupId, g);
    assert.match(r.json.assignments[0].target['@odata.type'], /cloudPcManagementGroupAssignmentTarget$/);
  });

  it('Graph "List provisioningPolicies": 200 with value', async () => {
    const t = tenant();
    await onePc(t);
    const r = await t.ok('GET', `${VE}/provisioningPolicies`);
    assert.equal(r.json.value.length, 1);
  });

  it('Graph "cloudPcProvisioningPolicy: assign": the dedicated example as written → 204', async () => {
    const t = tenant();
    const g = await t.group('Sales');
    const p = await t.policy();
    const r = await t.call(
      'POST',
      `${VE}/provisioningPolicies/${p}/assign`,
      JSON.stringify({
        assignments: [
          { target: { '@odata.type': '#microsoft.graph.cloudPcManagementGroupAssignmentTarget', groupId: g } },
        ],
      }),
    );
    assert.equal(r.status, 204, r.text);
  });

  it('Graph "cloudPcProvisioningPolicy: apply" Example 1 (policySettings region) and Example 2 (reservePercentage 80) → 204', async () => {
    const t = tenant();
    const { p } = await onePc(t);
    await t.advance({ hours: 3 });
    const one = await t.call(
      'POST',
      `${VE}/provisioningPolicies/${p}/apply`,
      JSON.stringify({ policySettings: 'region' }),
    );
    assert.equal(one.status, 204, one.text);
    const shared = await t.policy({ provisioningType: 'sharedByEntraGroup', cloudPcNamingTemplate: 'SHR-%RAND:8%' });
    await t.assign(shared, [await t.group('Desk')], { servicePlanId: PLAN_FRONTLINE_2VCPU, allotmentLicensesCount: 2 });
    await t.advance({ hours: 3 });
    const two = await t.call(
      'POST',
      `${VE}/provisioningPolicies/${shared}/apply`,
      JSON.stringify({ isForceUserLogoffEnabled: false, reservePercentage: 80 }),
    );
    assert.equal(two.status, 204, two.text);
  });

  it('Graph "cloudPcProvisioningPolicy: applyConfig" (cloudPcIds) → 204, and "retry" ({}) → 202', async () => {
    const t = tenant();
    const { p } = await onePc(t);
    const [pc] = await t.cloudPcs();
    const r = await t.call('POST', `${VE}/provisioningPolicies/applyConfig`, JSON.stringify({ cloudPcIds: [pc.id] }));
    assert.equal(r.status, 204, r.text);
    assert.equal((await t.call('POST', `${VE}/provisioningPolicies/${p}/retry`, '{}')).status, 202);
  });

  it('Graph "Delete cloudPcProvisioningPolicy": 400 while assigned, 204 after {"assignments": []}', async () => {
    const t = tenant();
    const { p } = await onePc(t);
    assert.equal((await t.call('DELETE', `${VE}/provisioningPolicies/${p}`)).status, 400);
    await t.ok('POST', `${VE}/provisioningPolicies/${p}/assign`, { assignments: [] });
    assert.equal((await t.call('DELETE', `${VE}/provisioningPolicies/${p}`)).status, 204);
  });

  it('Graph beta "schedulePolicyApplyTask" and its read functions: 501 with the error envelope (docs/simulator.md "Not modelled")', async () => {
    const t = tenant();
    const { p } = await onePc(t);
    const scheduled = await t.call(
      'POST',
      `${VE}/provisioningPolicies/${p}/schedulePolicyApplyTask`,
      JSON.stringify({ reservePercentage: 10, cronScheduleExpression: '0 2 * * 6' }),
    );
    assert.equal(scheduled.status, 501);
    assert.ok(scheduled.json.error.code);
    for (const fn of ['retrievePolicyApplySchedule()', 'retrievePolicyApplyActionResult()'])
      assert.equal((await t.call('GET', `${VE}/provisioningPolicies/${p}/${fn}`)).status, 501, fn);
  });
});

describe('Graph documentation examples: Cloud PC actions', () => {
  async function provisioned(): Promise<{ t: TenantClient; id: string; p: string }> {
    const t = tenant();
    const { p } = await onePc(t);
    await t.advance({ hours: 3 });
    const [pc] = await t.cloudPcs();
    return { t, id: pc.id, p };
  }

  it('Graph "cloudPC: reprovision" ({"userAccountType": "administrator", "osVersion": "windows10"}) → 204', async () => {
    const { t, id } = await provisioned();
    const r = await t.call(
      'POST',
      `${VE}/cloudPCs/${id}/reprovision`,
      JSON.stringify({ userAccountType: 'administrator', osVersion: 'windows10' }),
    );
    assert.equal(r.status, 204, r.text);
  });

  it('Graph "cloudPC: rename" ({"displayName": "Cloud PC-HR"}; the page writes the key unquoted, we send valid JSON) → 204', async () => {
    const { t, id } = await provisioned();
    assert.equal((await t.call('POST', `${VE}/cloudPCs/${id}/rename`, '{"displayName":"Cloud PC-HR"}')).status, 204);
    assert.equal((await t.ok('GET', `${VE}/cloudPCs/${id}`)).json.displayName, 'Cloud PC-HR');
  });

  it('Graph "cloudPC: reboot" and "cloudPC: troubleshoot" (no body) → 204', async () => {
    const { t, id } = await provisioned();
    for (const action of ['reboot', 'troubleshoot'])
      assert.equal((await t.call('POST', `${VE}/cloudPCs/${id}/${action}`)).status, 204, action);
  });

  it('Graph "cloudPC: endGracePeriod" on a Cloud PC in its grace period → 204', async () => {
    const { t, id, p } = await provisioned();
    await t.ok('POST', `${VE}/provisioningPolicies/${p}/assign`, { assignments: [] });
    assert.equal((await t.ok('GET', `${VE}/cloudPCs/${id}`)).json.status, 'inGracePeriod');
    assert.equal((await t.call('POST', `${VE}/cloudPCs/${id}/endGracePeriod`)).status, 204);
  });

  it('Graph "List cloudPCs" ($top=2): a page of two and an @odata.nextLink to follow verbatim', async () => {
    const t = tenant();
    for (const name of ['Ana One', 'Ben Two', 'Cy Three']) await onePc(t, { displayName: `Desk ${name}` }, name);
    const r = await t.ok('GET', `${VE}/cloudPCs?$top=2`);
    assert.equal(r.json.value.length, 2);
    assert.match(r.json['@odata.nextLink'], /\$skiptoken=/);
    assert.match(r.json['@odata.context'], /\$metadata#deviceManagement\/virtualEndpoint\/cloudPCs/);
  });
});

describe('Graph documentation examples: the catalog lists', () => {
  for (const [page, collection, key] of [
    ['List galleryImages', 'galleryImages', 'displayName'],
    ['List deviceImages', 'deviceImages', 'displayName'],
    ['List onPremisesConnections', 'onPremisesConnections', 'healthCheckStatus'],
    ['List servicePlans', 'servicePlans', 'vCpuCount'],
    ['List frontLineServicePlans', 'frontLineServicePlans', 'totalCount'],
    ['List supportedRegions', 'supportedRegions', 'regionGroup'],
    ['List auditEvents', 'auditEvents', 'activityType'],
  ] as const) {
    it(`Graph "${page}": 200, a value list whose items carry ${key}`, async () => {
      const t = tenant();
      if (collection === 'auditEvents') await onePc(t);
      const r = await t.ok('GET', `${VE}/${collection}`);
      assert.ok(r.json.value.length > 0, collection);
      assert.ok(key in r.json.value[0], `${collection}: ${Object.keys(r.json.value[0]).join()}`);
    });
  }
});
