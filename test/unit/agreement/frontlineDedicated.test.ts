// sharedByUser (and the deprecated shared) is Frontline *dedicated*: a Cloud PC per user, so %USERNAME:x% is
// allowed and the Frontline-shared-only rules stay quiet; sharedByEntraGroup is Frontline shared
// (docs/rules.md "Provisioning types": Learn "Create a provisioning policy", Graph "cloudPcProvisioningType").
import * as assert from 'node:assert/strict';
import {
  allowsUsernameToken,
  isDedicatedType,
  isFrontlineSharedType,
  provisioningKindOf,
} from '../../../src/core/model/provisioningKind';
import { CLOUD_PC_PROVISIONING_TYPES } from '../../../src/core/model/provisioningPolicy';
import { enumMemberDoc, enumMembers, schemaAtPath } from '../../../src/core/policy/schemaDocs';
import { cliCodes, codesOf, createPolicy, innerMessage, policyText, tenant } from './agreementKit';

const AUTOPATCH = { autopatch: { autopatchGroupId: '91197a0b-3a74-408d-ba88-bce3fdc4e5eb' } };
const AUTOMATIC = {
  domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'automatic', regionGroup: 'usEast' }],
};
const USERNAME = { cloudPcNamingTemplate: 'FLW-%USERNAME:4%-%RAND:5%' };

describe('Frontline dedicated (sharedByUser, shared) versus Frontline shared (sharedByEntraGroup)', () => {
  describe('the one answer: provisioningKind', () => {
    it('answers Enterprise, Frontline dedicated, Frontline shared and Reserve as the docs describe them', () => {
      assert.deepEqual(provisioningKindOf(undefined), provisioningKindOf('dedicated'));
      assert.equal(provisioningKindOf('dedicated').label, 'Enterprise');
      for (const type of ['sharedByUser', 'shared']) {
        assert.equal(provisioningKindOf(type).label, 'Frontline dedicated', type);
        assert.ok(isDedicatedType(type) && !isFrontlineSharedType(type) && allowsUsernameToken(type), type);
        assert.equal(provisioningKindOf(type).cloudPcsPerLicence, 3, 'up to three Cloud PCs per Frontline licence');
      }
      assert.ok(isFrontlineSharedType('sharedByEntraGroup') && !allowsUsernameToken('sharedByEntraGroup'));
      // "USERNAME only for Enterprise and Frontline dedicated": Reserve is neither.
      assert.equal(allowsUsernameToken('reserve'), false);
      assert.equal(provisioningKindOf('unknownFutureValue').family, 'unknown');
    });

    it('the schema describes every provisioningType with the label provisioningKind gives it', () => {
      const node = schemaAtPath({}, ['provisioningType']);
      const members = enumMembers(node);
      assert.deepEqual(members, [...CLOUD_PC_PROVISIONING_TYPES]);
      for (const m of members) {
        const kind = provisioningKindOf(m);
        const text = enumMemberDoc(node, m) ?? '';
        if (kind.family === 'unknown') assert.match(text, /Sentinel/, m);
        else assert.ok(text.includes(kind.label), `${m}: '${text}' should say '${kind.label}'`);
      }
    });
  });

  describe('validator (validateDocument and the CLI)', () => {
    for (const provisioningType of ['sharedByUser', 'shared']) {
      it(`${provisioningType}: %USERNAME:x% is allowed, Autopatch and the automatic region raise nothing`, async () => {
        const text = policyText({ provisioningType, ...USERNAME, ...AUTOPATCH, ...AUTOMATIC });
        const codes = codesOf(text);
        for (const code of ['CPC409', 'CPC309', 'CPC318']) assert.ok(!codes.includes(code), `${code} in ${codes}`);
        const cli = await cliCodes(text);
        assert.equal(cli.exit, 0, cli.out);
      });
    }

    it('sharedByEntraGroup: %USERNAME:x% is an error, Autopatch and the automatic region are warnings', async () => {
      const text = policyText({ provisioningType: 'sharedByEntraGroup', ...USERNAME, ...AUTOPATCH, ...AUTOMATIC });
      assert.deepEqual(codesOf(text, 'error'), ['CPC409']);
      assert.deepEqual(codesOf(text, 'warning').sort(), ['CPC309', 'CPC318']);
      const cli = await cliCodes(text);
      assert.equal(cli.exit, 1);
      assert.deepEqual([...new Set(cli.codes)].sort(), ['CPC309', 'CPC318', 'CPC409']);
    });

    it('reserve: %USERNAME:x% is an error (only Enterprise and Frontline dedicated may use it)', async () => {
      const text = policyText({ provisioningType: 'reserve', ...USERNAME });
      assert.deepEqual(codesOf(text, 'error'), ['CPC409']);
      assert.equal((await cliCodes(text)).exit, 1);
    });

    it('a Frontline dedicated assignment needs a servicePlanId like every Frontline one', () => {
      const text = policyText({
        provisioningType: 'sharedByUser',
        assignments: [{ target: { groupId: '9e3a4b5c-6d7e-4f80-a123-c4d5e6f7a8b9' } }],
      });
      assert.deepEqual(codesOf(text, 'error'), ['CPC321']);
    });
  });

  describe('simulator (REST create)', () => {
    it('creates a sharedByUser policy that uses %USERNAME:x%, Autopatch and the automatic region (201)', async () => {
      const r = await createPolicy(
        tenant(),
        policyText({ provisioningType: 'sharedByUser', ...USERNAME, ...AUTOPATCH, ...AUTOMATIC }),
      );
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.cloudPcNamingTemplate, USERNAME.cloudPcNamingTemplate);
    });

    it('refuses %USERNAME:x% on a sharedByEntraGroup policy (400 naming the rule)', async () => {
      const r = await createPolicy(tenant(), policyText({ provisioningType: 'sharedByEntraGroup', ...USERNAME }));
      assert.equal(r.status, 400, r.text);
      assert.match(innerMessage(r), /%USERNAME:x% is only allowed for Enterprise and Frontline dedicated/);
    });
  });
});
