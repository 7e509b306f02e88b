// Evolvable enums behave the same in the editor and the simulator (docs/rules.md "Open enums"):
// unknownFutureValue is a sentinel callers must not send (error / 400); a member the service added after
// this version (e.g. regionGroup gaining 'poland') is a warning in the editor and accepted by the simulator.
import * as assert from 'node:assert/strict';
import { cliCodes, codesOf, createPolicy, innerMessage, policyText, tenant, VE } from './agreementKit';

/** Where each evolvable enum sits in a policy, as fields to merge into one. */
const OPEN: Record<string, (value: string) => Record<string, unknown>> = {
  provisioningType: (v) => ({ provisioningType: v }),
  managedBy: (v) => ({ managedBy: v }),
  regionGroup: (v) => ({
    domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'eastus2', regionGroup: v }],
  }),
  'microsoftManagedDesktop.managedType': (v) => ({ microsoftManagedDesktop: { managedType: v } }),
  snapshotResetMode: (v) => ({ snapshotResetMode: v }),
};
const CLOSED: Record<string, (value: string) => Record<string, unknown>> = {
  imageType: (v) => ({ imageType: v }),
  userExperienceType: (v) => ({ userExperienceType: v }),
  domainJoinType: (v) => ({ domainJoinConfigurations: [{ domainJoinType: v, regionName: 'eastus2' }] }),
};

describe('evolvable enums: the same answer in the editor and the simulator', () => {
  for (const [name, fields] of Object.entries({ ...OPEN, ...CLOSED })) {
    it(`${name}: unknownFutureValue is an error in the editor and the CLI, and a 400 from the simulator`, async () => {
      const text = policyText(fields('unknownFutureValue'));
      assert.deepEqual(codesOf(text, 'error'), ['CPC209']);
      const cli = await cliCodes(text);
      assert.equal(cli.exit, 1);
      assert.ok(cli.codes.includes('CPC209'), cli.out);
      const r = await createPolicy(tenant(), text);
      assert.equal(r.status, 400, r.text);
      assert.match(innerMessage(r), /unknownFutureValue/);
    });
  }

  for (const [name, fields] of Object.entries(OPEN)) {
    it(`${name}: a member added after this version is a warning in the editor and accepted by the simulator`, async () => {
      const text = policyText(fields('addedIn2027'));
      assert.deepEqual(codesOf(text, 'error'), []);
      assert.deepEqual(codesOf(text, 'warning'), ['CPC204']);
      assert.equal((await cliCodes(text)).exit, 0);
      const r = await createPolicy(tenant(), text);
      assert.equal(r.status, 201, r.text);
    });
  }

  for (const [name, fields] of Object.entries(CLOSED)) {
    it(`${name}: a value that is not a member is an error and a 400`, async () => {
      const text = policyText(fields('addedIn2027'));
      assert.deepEqual(codesOf(text, 'error'), ['CPC203']);
      assert.equal((await cliCodes(text)).exit, 1);
      assert.equal((await createPolicy(tenant(), text)).status, 400);
    });
  }

  it('geographicLocationType is read-only: any value, the sentinel too, is a CPC310 warning and the simulator ignores it (201)', async () => {
    for (const value of ['unknownFutureValue', 'addedIn2027', 'europe']) {
      const text = policyText({
        domainJoinConfigurations: [
          { domainJoinType: 'azureADJoin', regionName: 'eastus2', geographicLocationType: value },
        ],
      });
      assert.deepEqual(codesOf(text), ['CPC310'], value);
      assert.equal((await createPolicy(tenant(), text)).status, 201, value);
    }
  });

  it('regionGroup poland, a member added after unknownFutureValue, is known: no finding, 201', async () => {
    const text = policyText(OPEN.regionGroup!('poland'));
    assert.deepEqual(codesOf(text), []);
    assert.equal((await createPolicy(tenant(), text)).status, 201);
  });

  it('the simulator answers a value it accepted but does not know as unknownFutureValue unless the caller sends Prefer: include-unknown-enum-members', async () => {
    const t = tenant();
    const created = await createPolicy(t, policyText(OPEN.provisioningType!('addedIn2027')));
    assert.equal(created.status, 201, created.text);
    const url = `${VE}/provisioningPolicies/${created.json.id}`;
    assert.equal((await t.ok('GET', url)).json.provisioningType, 'unknownFutureValue');
    assert.equal(
      (await t.ok('GET', url, undefined, { prefer: 'include-unknown-enum-members' })).json.provisioningType,
      'addedIn2027',
    );
  });
});

describe('managedBy: members after unknownFutureValue come back only with Prefer: include-unknown-enum-members', () => {
  // Graph "Best practices" (evolvable enumerations); rpaBox per the seed's managedBy description (docs/service-facts.md "Evolvable enums").
  for (const member of ['rpaBox', 'microsoft365Opal', 'addedIn2027']) {
    it(`${member}: unknownFutureValue without the header, the member with it; windows365 always`, async () => {
      const t = tenant();
      const created = await createPolicy(t, policyText({ managedBy: member }));
      assert.equal(created.status, 201, created.text);
      const url = `${VE}/provisioningPolicies/${created.json.id}`;
      assert.equal((await t.call('GET', url)).json.managedBy, 'unknownFutureValue');
      const withHeader = await t.call('GET', url, undefined, { prefer: 'include-unknown-enum-members' });
      assert.equal(withHeader.json.managedBy, member);
      const listed = await t.call('GET', `${VE}/provisioningPolicies`);
      assert.equal(listed.json.value[0].managedBy, 'unknownFutureValue');
    });
  }

  it('windows365 and devBox are returned as they are', async () => {
    const t = tenant();
    const created = await createPolicy(t, policyText({ managedBy: 'devBox' }));
    assert.equal((await t.call('GET', `${VE}/provisioningPolicies/${created.json.id}`)).json.managedBy, 'devBox');
  });
});
