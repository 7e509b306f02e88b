// The schema file itself: valid draft-07, the whole of graph-facts B.1–B.9, marks and defaults.
import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_RULES } from '../../../src/core/policy/ruleCodes';
import { enumMembers, POLICY_SCHEMA, resolve, schemaAtPath } from '../../../src/core/policy/schemaDocs';

const root = path.resolve(__dirname, '../../..');
const schema = JSON.parse(readFileSync(path.join(root, 'schemas/cpcpolicy.schema.json'), 'utf8'));

describe('schemas/cpcpolicy.schema.json', () => {
  it('is a valid draft-07 schema that Ajv compiles', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    ajv.compile(schema);
  });

  it('has every cloudPcProvisioningPolicy property of graph-facts B.1 (plus assignments)', () => {
    const expected = [
      'id',
      'displayName',
      'description',
      'alternateResourceUrl',
      'cloudPcGroupDisplayName',
      'cloudPcNamingTemplate',
      'createdBy',
      'lastModifiedBy',
      'createdDateTime',
      'lastModifiedDateTime',
      'domainJoinConfigurations',
      'enableSingleSignOn',
      'gracePeriodInHours',
      'imageDisplayName',
      'imageId',
      'imageType',
      'localAdminEnabled',
      'managedBy',
      'microsoftManagedDesktop',
      'autopatch',
      'autopilotConfiguration',
      'provisioningType',
      'scopeIds',
      'snapshotResetMode',
      'userExperienceType',
      'userSettingsPersistenceConfiguration',
      'windowsSetting',
      'windowsSettings',
      'domainJoinConfiguration',
      'onPremisesConnectionId',
      'userSettingsPersistenceEnabled',
      'assignments',
    ];
    assert.deepEqual(
      expected.filter((p) => !POLICY_SCHEMA.properties![p]),
      [],
    );
    assert.equal(POLICY_SCHEMA.additionalProperties, false);
  });

  it('marks deprecated and read-only properties, with admin-facing text', () => {
    for (const p of [
      'windowsSettings',
      'domainJoinConfiguration',
      'onPremisesConnectionId',
      'userSettingsPersistenceEnabled',
    ]) {
      const s = resolve(POLICY_SCHEMA.properties![p])!;
      assert.equal(s.deprecated, true, p);
      assert.ok(s.deprecationMessage && s.markdownDescription, p);
    }
    for (const p of [
      'id',
      'createdDateTime',
      'lastModifiedDateTime',
      'createdBy',
      'lastModifiedBy',
      'alternateResourceUrl',
      'cloudPcGroupDisplayName',
      'gracePeriodInHours',
    ])
      assert.equal(POLICY_SCHEMA.properties![p]!.readOnly, true, p);
    assert.equal(resolve(schemaAtPath({}, ['domainJoinConfigurations', 0, 'type']))!.deprecated, true);
    assert.equal(resolve(schemaAtPath({}, ['microsoftManagedDesktop', 'type']))!.deprecated, true);
    assert.equal(resolve(schemaAtPath({}, ['domainJoinConfigurations', 0, 'geographicLocationType']))!.readOnly, true);
  });

  it('has every enum member of graph-facts B.1–B.9, in SDK order', () => {
    assert.deepEqual(enumMembers(schemaAtPath({}, ['provisioningType'])), [
      'dedicated',
      'shared',
      'unknownFutureValue',
      'sharedByUser',
      'sharedByEntraGroup',
      'reserve',
    ]);
    assert.equal(enumMembers(schemaAtPath({}, ['domainJoinConfigurations', 0, 'regionGroup'])).length, 44);
    assert.equal(enumMembers(schemaAtPath({}, ['domainJoinConfigurations', 0, 'geographicLocationType'])).length, 17);
    assert.deepEqual(
      enumMembers(
        schemaAtPath({}, ['userSettingsPersistenceConfiguration', 'userSettingsPersistenceStorageSizeCategory']),
      ),
      ['fourGB', 'eightGB', 'sixteenGB', 'thirtyTwoGB', 'sixtyFourGB', 'unknownFutureValue'],
    );
    assert.deepEqual(enumMembers(schemaAtPath({}, ['microsoftManagedDesktop', 'managedType'])), [
      'notManaged',
      'premiumManaged',
      'standardManaged',
      'starterManaged',
      'unknownFutureValue',
    ]);
  });

  it("carries Graph's documented defaults (dedicated, cloudPc, gallery, SSO and local admin off, en-US)", () => {
    const d = (p: (string | number)[]) => resolve(schemaAtPath({}, p))!.default;
    assert.deepEqual(
      [
        d(['provisioningType']),
        d(['userExperienceType']),
        d(['imageType']),
        d(['enableSingleSignOn']),
        d(['localAdminEnabled']),
        d(['windowsSetting', 'locale']),
      ],
      ['dedicated', 'cloudPc', 'gallery', false, false, 'en-US'],
    );
  });

  it('docs/rules.md documents every rule code', () => {
    const doc = readFileSync(path.join(root, 'docs/rules.md'), 'utf8');
    assert.deepEqual(
      ALL_RULES.filter((r) => !doc.includes(`${r.code} |`)).map((r) => r.code),
      [],
    );
  });
});
