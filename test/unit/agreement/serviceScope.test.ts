// Rules the editor and the simulator must answer alike (docs/rules.md CPC302, CPC326, CPC327, "windowsSetting"):
// Windows 365 Reserve's restrictions, Autopatch without starterManaged, user settings persistence switched off,
// a locale that is no language tag, and every PATCH judged against the policy it produces.
import * as assert from 'node:assert/strict';
import { ANC_HEALTHY } from '../../../src/core/simulator/catalogSeed';
import { validateDocument } from '../../../src/core/policy/validator';
import { cliCodes, codesOf, createPolicy, innerMessage, policyText, tenant, VE } from './agreementKit';

const RESERVE = { provisioningType: 'reserve', cloudPcNamingTemplate: 'RSV-%RAND:6%' };
const CUSTOM_IMAGE = { imageType: 'custom', imageId: '6d1e37b1-bf2f-4e5c-8c36-8c6f8e1a7d1f' };
const AUTOPILOT = {
  autopilotConfiguration: {
    devicePreparationProfileId: '59e5d3d2-ec68-4bfe-9693-27975b318990',
    applicationTimeoutInMinutes: 30,
  },
};
const AUTOPATCH = { autopatch: { autopatchGroupId: '91197a0b-3a74-408d-ba88-bce3fdc4e5eb' } };

describe('Windows 365 Reserve: Entra joined, Microsoft-hosted network, gallery images, no Autopilot', () => {
  it('a Reserve policy on the Microsoft-hosted network with a gallery image is fine (201)', async () => {
    const text = policyText(RESERVE);
    assert.deepEqual(codesOf(text), []);
    const r = await createPolicy(tenant(), text);
    assert.equal(r.status, 201, r.text);
  });

  const refused: [string, Record<string, unknown>, RegExp][] = [
    [
      'hybrid join',
      { domainJoinConfigurations: [{ domainJoinType: 'hybridAzureADJoin', onPremisesConnectionId: ANC_HEALTHY }] },
      /Microsoft Entra joined/,
    ],
    [
      'an Azure network connection',
      { domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', onPremisesConnectionId: ANC_HEALTHY }] },
      /Microsoft-hosted network/,
    ],
    ['a custom image', CUSTOM_IMAGE, /gallery image/],
  ];
  for (const [what, fields, message] of refused) {
    it(`${what}: CPC326 error in the editor and the CLI, 400 from the simulator`, async () => {
      const text = policyText({ ...RESERVE, ...fields });
      assert.deepEqual(codesOf(text, 'error'), ['CPC326']);
      assert.match(validateDocument(text).find((f) => f.code === 'CPC326')!.message, message);
      assert.equal((await cliCodes(text)).exit, 1);
      const r = await createPolicy(tenant(), text);
      assert.equal(r.status, 400, r.text);
      assert.match(innerMessage(r), message);
    });
  }

  it('Autopilot: a CPC326 warning (Reserve does not run it), and the simulator stores the policy (201)', async () => {
    const text = policyText({ ...RESERVE, ...AUTOPILOT });
    assert.deepEqual(codesOf(text), ['CPC326']);
    assert.deepEqual(codesOf(text, 'warning'), ['CPC326']);
    const r = await createPolicy(tenant(), text);
    assert.equal(r.status, 201, r.text);
  });

  it('the same settings on an Enterprise policy raise no CPC326', () => {
    const text = policyText({
      ...CUSTOM_IMAGE,
      ...AUTOPILOT,
      domainJoinConfigurations: [{ domainJoinType: 'hybridAzureADJoin', onPremisesConnectionId: ANC_HEALTHY }],
    });
    assert.ok(!codesOf(text).includes('CPC326'));
  });
});

describe('Autopatch takes effect only with microsoftManagedDesktop.managedType starterManaged', () => {
  for (const [what, mmd] of [
    ['without microsoftManagedDesktop', {}],
    ['with managedType notManaged', { microsoftManagedDesktop: { managedType: 'notManaged', profile: '' } }],
  ] as const) {
    it(`${what}: a CPC327 warning whose quick fix sets starterManaged`, () => {
      const text = policyText({ ...AUTOPATCH, ...mmd });
      const finding = validateDocument(text).find((f) => f.code === 'CPC327');
      assert.equal(finding?.severity, 'warning');
      const fix = finding!.fixes![0]!;
      assert.match(fix.title, /starterManaged/);
      let fixed = text;
      for (const e of [...fix.edits].sort((a, b) => b.offset - a.offset))
        fixed = fixed.slice(0, e.offset) + e.newText + fixed.slice(e.offset + e.length);
      assert.deepEqual(codesOf(fixed), []);
      assert.equal(JSON.parse(fixed).microsoftManagedDesktop.managedType, 'starterManaged');
    });
  }

  it('with starterManaged, or no Autopatch group, nothing', () => {
    assert.deepEqual(
      codesOf(policyText({ ...AUTOPATCH, microsoftManagedDesktop: { managedType: 'starterManaged' } })),
      [],
    );
    assert.deepEqual(codesOf(policyText({ autopatch: { autopatchGroupId: null } })), []);
  });
});

describe('user settings persistence outside sharedByEntraGroup', () => {
  const block = (on: boolean) => ({
    userSettingsPersistenceConfiguration: {
      userSettingsPersistenceEnabled: on,
      userSettingsPersistenceStorageSizeCategory: 'fourGB',
    },
  });

  it('switched on: CPC302 error and 400', async () => {
    const text = policyText(block(true));
    assert.deepEqual(codesOf(text, 'error'), ['CPC302']);
    assert.equal((await createPolicy(tenant(), text)).status, 400);
  });

  it("switched off (as Graph's own update example sends it on a dedicated policy): a hint, and 201", async () => {
    const text = policyText(block(false));
    assert.deepEqual(codesOf(text, 'error'), []);
    assert.deepEqual(
      validateDocument(text).map((f) => [f.code, f.severity]),
      [['CPC302', 'hint']],
    );
    assert.equal((await createPolicy(tenant(), text)).status, 201);
  });

  it('a PATCH is judged against the policy it produces: switching persistence on for a dedicated policy is 400', async () => {
    const t = tenant();
    const created = await createPolicy(t, policyText({}));
    assert.equal(created.status, 201, created.text);
    const url = `${VE}/provisioningPolicies/${created.json.id}`;
    const on = await t.call('PATCH', url, JSON.stringify(block(true)));
    assert.equal(on.status, 400, on.text);
    assert.match(innerMessage(on), /sharedByEntraGroup/);
    assert.equal((await t.call('PATCH', url, JSON.stringify(block(false)))).status, 204);
    const stored = await t.call('GET', url);
    assert.equal(stored.json.userSettingsPersistenceConfiguration.userSettingsPersistenceEnabled, false);
  });

  it('a PATCH that turns a Reserve policy to hybrid join is 400, as the create would be', async () => {
    const t = tenant();
    const created = await createPolicy(t, policyText(RESERVE));
    const r = await t.call(
      'PATCH',
      `${VE}/provisioningPolicies/${created.json.id}`,
      JSON.stringify({ imageType: 'custom', imageId: CUSTOM_IMAGE.imageId }),
    );
    assert.equal(r.status, 400, r.text);
    assert.match(innerMessage(r), /gallery image/);
  });
});

describe('windowsSetting.locale is a language tag', () => {
  it("'english' is an error in the editor and a 400; 'en-US' and 'sr-Cyrl-CS' are fine", async () => {
    const bad = policyText({ windowsSetting: { locale: 'english' } });
    assert.deepEqual(codesOf(bad, 'error'), ['CPC206']);
    assert.equal((await createPolicy(tenant(), bad)).status, 400);
    for (const locale of ['en-US', 'sr-Cyrl-CS', 'fr-CA'])
      assert.deepEqual(codesOf(policyText({ windowsSetting: { locale } })), [], locale);
  });
});
