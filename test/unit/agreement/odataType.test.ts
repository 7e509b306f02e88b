// `@odata.type` is accepted where Graph payloads carry it (docs/rules.md "@odata.type"): on the policy and every
// complex type in it (the items of domainJoinConfigurations and assignments, windowsSetting,
// microsoftManagedDesktop, autopatch, autopilotConfiguration, userSettingsPersistenceConfiguration), the
// targets, and the body of assign (the
// Graph docs' "cloudPcProvisioningPolicy: assign" example sends it). A value naming another type is an
// error in the editor and a 400 from the simulator.
import * as assert from 'node:assert/strict';
import { cliCodes, codesOf, createPolicy, innerMessage, policyText, tenant, VE } from './agreementKit';
import type { TenantClient } from '../simulator/tenantClient';

const GROUP = '64ff06de-9c00-4a5a-98b5-7f5abe26ffff';
const network = (odata: Record<string, unknown>) => ({
  domainJoinConfigurations: [{ ...odata, domainJoinType: 'azureADJoin', regionName: 'eastus2' }],
});

/** Where the type goes, and the right type for that place. */
const PLACES: [string, string, (type: string) => Record<string, unknown>][] = [
  ['the policy', '#microsoft.graph.cloudPcProvisioningPolicy', (type) => ({ '@odata.type': type })],
  [
    'an item of domainJoinConfigurations',
    '#microsoft.graph.cloudPcDomainJoinConfiguration',
    (type) => network({ '@odata.type': type }),
  ],
  [
    'windowsSetting',
    '#microsoft.graph.cloudPcWindowsSetting',
    (type) => ({ windowsSetting: { '@odata.type': type, locale: 'en-US' } }),
  ],
  [
    'microsoftManagedDesktop',
    '#microsoft.graph.microsoftManagedDesktop',
    (type) => ({ microsoftManagedDesktop: { '@odata.type': type, managedType: 'notManaged', profile: '' } }),
  ],
  [
    'autopatch',
    '#microsoft.graph.cloudPcProvisioningPolicyAutopatch',
    (type) => ({
      microsoftManagedDesktop: { managedType: 'starterManaged' },
      autopatch: { '@odata.type': type, autopatchGroupId: '91197a0b-3a74-408d-ba88-bce3fdc4e5eb' },
    }),
  ],
  [
    'autopilotConfiguration',
    '#microsoft.graph.cloudPcAutopilotConfiguration',
    (type) => ({
      autopilotConfiguration: {
        '@odata.type': type,
        devicePreparationProfileId: '59e5d3d2-ec68-4bfe-9693-27975b318990',
        applicationTimeoutInMinutes: 30,
        onFailureDeviceAccessDenied: false,
      },
    }),
  ],
  [
    'userSettingsPersistenceConfiguration',
    '#microsoft.graph.cloudPcUserSettingsPersistenceConfiguration',
    (type) => ({
      provisioningType: 'sharedByEntraGroup',
      cloudPcNamingTemplate: 'SHR-%RAND:8%',
      userSettingsPersistenceConfiguration: {
        '@odata.type': type,
        userSettingsPersistenceEnabled: true,
        userSettingsPersistenceStorageSizeCategory: 'fourGB',
      },
    }),
  ],
  [
    'an item of assignments',
    '#microsoft.graph.cloudPcProvisioningPolicyAssignment',
    (type) => ({ assignments: [{ '@odata.type': type, target: { groupId: GROUP } }] }),
  ],
  [
    'a target',
    '#microsoft.graph.cloudPcManagementGroupAssignmentTarget',
    (type) => ({ assignments: [{ target: { '@odata.type': type, groupId: GROUP } }] }),
  ],
];

async function assignWith(t: TenantClient, body: unknown): Promise<{ status: number; text?: string; message: string }> {
  const group = await t.group('Sales');
  const created = await createPolicy(t, policyText({}));
  const text = JSON.stringify(body).replaceAll(GROUP, group);
  const r = await t.call('POST', `${VE}/provisioningPolicies/${created.json.id}/assign`, text);
  return { status: r.status, text: r.text, message: innerMessage(r) };
}

describe('@odata.type where Graph payloads carry it', () => {
  for (const [place, type, fields] of PLACES) {
    it(`on ${place}: '${type}' (with or without '#') is fine; another type is an error in the editor and the CLI`, async () => {
      for (const ok of [type, type.slice(1)]) {
        const text = policyText(fields(ok));
        assert.deepEqual(codesOf(text), [], ok);
        assert.equal((await cliCodes(text)).exit, 0, ok);
      }
      const wrong = policyText(fields('#microsoft.graph.cloudPC'));
      assert.deepEqual(codesOf(wrong, 'error'), ['CPC203']);
      assert.equal((await cliCodes(wrong)).exit, 1);
    });
  }

  for (const [place, type, fields] of PLACES.filter(([p]) => !/assignments|target/.test(p))) {
    it(`on ${place}: the simulator creates the policy (201) with the right type, and answers 400 for another`, async () => {
      const good = await createPolicy(tenant(), policyText(fields(type)));
      assert.equal(good.status, 201, good.text);
      const bad = await createPolicy(tenant(), policyText(fields('#microsoft.graph.cloudPC')));
      assert.equal(bad.status, 400, bad.text);
      assert.match(innerMessage(bad), /@odata\.type' must be '#microsoft/);
    });
  }

  it('assign takes the Graph docs example as written: @odata.type on the body, an item id and a target without #', async () => {
    const docsExample = {
      '@odata.type': '#microsoft.graph.cloudPcProvisioningPolicyAssignment',
      assignments: [
        {
          id: `b0c2d35f-3385-46c8-a6f5-6c3dfad7708b_${GROUP}`,
          target: { '@odata.type': 'microsoft.graph.cloudPcManagementGroupAssignmentTarget', groupId: GROUP },
        },
      ],
    };
    const r = await assignWith(tenant(), docsExample);
    assert.equal(r.status, 204, r.text);
  });

  for (const [place, type, fields] of PLACES.filter(([p]) => /assignments|target/.test(p))) {
    it(`assign with ${place}: the right type is 204, another type is 400`, async () => {
      const ok = await assignWith(tenant(), { assignments: (fields(type) as { assignments: unknown[] }).assignments });
      assert.equal(ok.status, 204, ok.text);
      const bad = await assignWith(tenant(), {
        assignments: (fields('#microsoft.graph.cloudPC') as { assignments: unknown[] }).assignments,
      });
      assert.equal(bad.status, 400, bad.text);
      assert.match(bad.message, /@odata\.type/);
    });
  }

  it('assign with another type on the body is 400', async () => {
    const r = await assignWith(tenant(), {
      '@odata.type': '#microsoft.graph.cloudPcProvisioningPolicy',
      assignments: [{ target: { groupId: GROUP } }],
    });
    assert.equal(r.status, 400, r.text);
    assert.match(r.message, /'@odata\.type' must be '#microsoft\.graph\.cloudPcProvisioningPolicyAssignment'/);
  });

  it('keeps the stored policy free of the annotations it checked', async () => {
    const t = tenant();
    const created = await createPolicy(
      t,
      policyText({
        ...network({ '@odata.type': '#microsoft.graph.cloudPcDomainJoinConfiguration' }),
        windowsSetting: { '@odata.type': '#microsoft.graph.cloudPcWindowsSetting', locale: 'en-GB' },
      }),
    );
    assert.equal(created.status, 201, created.text);
    assert.deepEqual(created.json.windowsSetting, { locale: 'en-GB' });
    assert.equal(created.json.domainJoinConfigurations[0]['@odata.type'], undefined);
  });
});
