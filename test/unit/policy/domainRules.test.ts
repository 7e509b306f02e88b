// One describe per rule, named after it: a passing document, a failing one, where the finding points,
// and that the preferred quick fix makes the finding go away.
import * as assert from 'node:assert/strict';
import { RULES } from '../../../src/core/policy/ruleCodes';
import { applyEdits, codes, documentedSeverities, findingOf, GUID_A, GUID_B, policy, rangeText } from './policyTestKit';

interface RuleCase {
  rule: { code: string; title: string };
  pass: string;
  fail: string;
  /** Text the finding's range covers. */
  at: string;
  /** Whether the preferred fix removes the finding. */
  fixes?: boolean;
}

const CASES: RuleCase[] = [
  {
    rule: RULES.cloudAppNeedsSharedByEntraGroup,
    pass: policy('"provisioningType": "sharedByEntraGroup"', '"userExperienceType": "cloudApp"', '"assignments": []'),
    fail: policy('"userExperienceType": "cloudApp"'),
    at: '"cloudApp"',
    fixes: true,
  },
  {
    rule: RULES.persistenceNeedsSharedByEntraGroup,
    pass: policy(
      '"provisioningType": "sharedByEntraGroup"',
      '"userSettingsPersistenceConfiguration": { "userSettingsPersistenceEnabled": true }',
    ),
    fail: policy(
      '"provisioningType": "sharedByUser"',
      '"userSettingsPersistenceConfiguration": { "userSettingsPersistenceEnabled": true }',
    ),
    at: '"userSettingsPersistenceConfiguration"',
    fixes: true,
  },
  {
    rule: RULES.imageIdFormat,
    pass: policy('"imageType": "custom"', `"imageId": "${GUID_A}"`),
    fail: policy(`"imageId": "${GUID_A}"`),
    at: `"${GUID_A}"`,
    fixes: true,
  },
  {
    rule: RULES.galleryImageSpelling,
    pass: policy('"imageId": "microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc"'),
    fail: policy('"imageId": "MicrosoftWindowsDesktop_windows-ent-cpc_win11-24h2-ent-cpc"'),
    at: '"MicrosoftWindowsDesktop_windows-ent-cpc_win11-24h2-ent-cpc"',
    fixes: true,
  },
  {
    rule: RULES.hybridJoinNeedsConnection,
    pass:
      '{ "displayName": "x", "domainJoinConfigurations": [{ "domainJoinType": "hybridAzureADJoin", "onPremisesConnectionId": "' +
      GUID_A +
      '" }] }',
    fail:
      '{ "displayName": "x", "domainJoinConfigurations": [{ "domainJoinType": "hybridAzureADJoin", "onPremisesConnectionId": "' +
      GUID_A +
      '", "regionName": "westus3" }] }',
    at: '"regionName": "westus3"',
    fixes: true,
  },
  {
    rule: RULES.azureJoinConnectionXorRegion,
    pass:
      '{ "displayName": "x", "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "onPremisesConnectionId": "' +
      GUID_A +
      '" }] }',
    fail: '{ "displayName": "x", "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin" }] }',
    at: '"azureADJoin"',
    fixes: true,
  },
  {
    rule: RULES.displayNameForbiddenChars,
    pass: policy(),
    fail:
      '{ "displayName": "R&D <pilot>", ' +
      '"domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic" }] }',
    at: '"R&D <pilot>"',
    fixes: true,
  },
  {
    rule: RULES.displayNameMissing,
    pass: policy(),
    fail: '{ "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic" }] }',
    at: '{',
    fixes: true,
  },
  {
    rule: RULES.autopatchNotForShared,
    pass: policy('"provisioningType": "sharedByUser"', '"autopatch": { "autopatchGroupId": "' + GUID_A + '" }'),
    fail: policy('"provisioningType": "sharedByEntraGroup"', '"autopatch": { "autopatchGroupId": "' + GUID_A + '" }'),
    at: '"autopatch"',
    fixes: true,
  },
  {
    rule: RULES.readOnlyProperty,
    pass: policy(),
    fail: policy('"createdDateTime": "2026-01-01T00:00:00Z"'),
    at: '"createdDateTime": "2026-01-01T00:00:00Z"',
    fixes: true,
  },
  {
    rule: RULES.deprecatedOnPremisesConnectionId,
    pass: policy(),
    fail: `{ "displayName": "x", "onPremisesConnectionId": "${GUID_A}" }`,
    at: '"onPremisesConnectionId"',
    fixes: true,
  },
  {
    rule: RULES.deprecatedDomainJoinConfiguration,
    pass: policy(),
    fail: `{ "displayName": "x", "domainJoinConfiguration": { "domainJoinType": "hybridAzureADJoin", "onPremisesConnectionId": "${GUID_A}" } }`,
    at: '"domainJoinConfiguration"',
    fixes: true,
  },
  {
    rule: RULES.deprecatedWindowsSettings,
    pass: policy('"windowsSetting": { "locale": "en-US" }'),
    fail: policy('"windowsSettings": { "language": "en-US" }'),
    at: '"windowsSettings"',
    fixes: true,
  },
  {
    rule: RULES.deprecatedSharedType,
    pass: policy('"provisioningType": "sharedByUser"'),
    fail: policy('"provisioningType": "shared"'),
    at: '"shared"',
    fixes: true,
  },
  {
    rule: RULES.deprecatedDomainJoinTypeKey,
    pass: policy(),
    fail: '{ "displayName": "x", "domainJoinConfigurations": [{ "type": "azureADJoin", "regionName": "automatic" }] }',
    at: '"type"',
    fixes: true,
  },
  {
    rule: RULES.deprecatedManagedDesktopType,
    pass: policy('"microsoftManagedDesktop": { "managedType": "notManaged" }'),
    fail: policy('"microsoftManagedDesktop": { "type": "notManaged" }'),
    at: '"type"',
    fixes: true,
  },
  {
    rule: RULES.deprecatedPersistenceFlag,
    pass: policy(),
    fail: policy('"provisioningType": "sharedByEntraGroup"', '"userSettingsPersistenceEnabled": true'),
    at: '"userSettingsPersistenceEnabled"',
    fixes: true,
  },
  // Frontline dedicated (sharedByUser) may use the automatic region; Frontline shared (sharedByEntraGroup) may not.
  {
    rule: RULES.automaticRegionNotForShared,
    pass: '{ "displayName": "x", "provisioningType": "sharedByUser", "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic" }] }',
    fail: '{ "displayName": "x", "provisioningType": "sharedByEntraGroup", "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic" }] }',
    at: '"automatic"',
  },
  {
    rule: RULES.autopilotTimeoutRange,
    pass: policy(
      `"autopilotConfiguration": { "devicePreparationProfileId": "${GUID_A}", "applicationTimeoutInMinutes": 30 }`,
    ),
    fail: policy(
      `"autopilotConfiguration": { "devicePreparationProfileId": "${GUID_A}", "applicationTimeoutInMinutes": 20 }`,
    ),
    at: '20',
    fixes: true,
  },
  {
    rule: RULES.servicePlanRequired,
    pass: policy(
      '"provisioningType": "sharedByEntraGroup"',
      `"assignments": [{ "target": { "groupId": "${GUID_A}", "servicePlanId": "${GUID_B}" } }]`,
    ),
    fail: policy(
      '"provisioningType": "sharedByEntraGroup"',
      `"assignments": [{ "target": { "groupId": "${GUID_A}" } }]`,
    ),
    at: '"target"',
  },
  {
    rule: RULES.servicePlanForDedicated,
    pass: policy(`"assignments": [{ "target": { "groupId": "${GUID_A}" } }]`),
    fail: policy(`"assignments": [{ "target": { "groupId": "${GUID_A}", "servicePlanId": "${GUID_B}" } }]`),
    at: `"servicePlanId": "${GUID_B}"`,
    fixes: true,
  },
  {
    rule: RULES.duplicateGroup,
    pass: policy(`"assignments": [{ "target": { "groupId": "${GUID_A}" } }, { "target": { "groupId": "${GUID_B}" } }]`),
    fail: policy(
      `"assignments": [{ "target": { "groupId": "${GUID_A}" } }, { "target": { "groupId": "${GUID_A.toUpperCase()}" } }]`,
    ),
    at: `"${GUID_A.toUpperCase()}"`,
    fixes: true,
  },
  {
    rule: RULES.tooManyFindings,
    pass: `{ "policies": [${Array(499).fill('{}').join(',')}] }`,
    fail: `{ "policies": [${Array(1001).fill('{}').join(',')}] }`,
    at: '{',
  },
  { rule: RULES.noDomainJoin, pass: policy(), fail: '{ "displayName": "x" }', at: '"displayName"', fixes: true },
  // The first assigned policy wins for a user in both groups (Learn: Create a provisioning policy).
  {
    rule: RULES.overlappingTargets,
    pass: `{ "policies": [${policy(`"assignments": [{ "target": { "groupId": "${GUID_A}" } }]`)}, ${policy(`"assignments": [{ "target": { "groupId": "${GUID_B}" } }]`)}] }`,
    fail: `{ "policies": [${policy(`"assignments": [{ "target": { "groupId": "${GUID_A}" } }]`)}, ${policy(`"assignments": [{ "target": { "groupId": "${GUID_A.toUpperCase()}" } }]`)}] }`,
    at: `"${GUID_A.toUpperCase()}"`,
  },
  // Windows 365 Reserve: gallery images only (Learn: Windows 365 Reserve FAQ).
  {
    rule: RULES.reserveRestriction,
    pass: policy('"provisioningType": "reserve"', '"imageType": "gallery"'),
    fail: policy('"provisioningType": "reserve"', '"imageType": "custom"'),
    at: '"custom"',
  },
  // Autopatch needs starterManaged (Graph: cloudPcProvisioningPolicyAutopatch resource type).
  {
    rule: RULES.autopatchNeedsStarterManaged,
    pass: policy(
      `"autopatch": { "autopatchGroupId": "${GUID_A}" }`,
      '"microsoftManagedDesktop": { "managedType": "starterManaged" }',
    ),
    fail: policy(`"autopatch": { "autopatchGroupId": "${GUID_A}" }`),
    at: '"autopatch"',
    fixes: true,
  },
  // schema layer
  {
    rule: RULES.wrongType,
    pass: policy('"enableSingleSignOn": true'),
    fail: policy('"enableSingleSignOn": "true"'),
    at: '"true"',
    fixes: true,
  },
  {
    rule: RULES.unknownProperty,
    pass: policy('"imageType": "gallery"'),
    fail: policy('"imageTyp": "gallery"'),
    at: '"imageTyp"',
    fixes: true,
  },
  {
    rule: RULES.notEnumMember,
    pass: policy('"imageType": "gallery"'),
    fail: policy('"imageType": "galery"'),
    at: '"galery"',
    fixes: true,
  },
  {
    rule: RULES.sentinelEnumValue,
    pass: policy('"imageType": "gallery"'),
    fail: policy('"imageType": "unknownFutureValue"'),
    at: '"unknownFutureValue"',
  },
  {
    rule: RULES.unknownOpenEnumMember,
    pass: '{ "displayName": "x", "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic", "regionGroup": "poland" }] }',
    fail: '{ "displayName": "x", "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic", "regionGroup": "polland" }] }',
    at: '"polland"',
    fixes: true,
  },
  {
    rule: RULES.missingProperty,
    pass: policy(`"assignments": [{ "target": { "groupId": "${GUID_A}" } }]`),
    fail: policy('"assignments": [{ "target": { } }]'),
    at: '"target"',
    fixes: true,
  },
  {
    rule: RULES.badFormat,
    pass: policy(`"assignments": [{ "target": { "groupId": "${GUID_A}" } }]`),
    fail: policy('"assignments": [{ "target": { "groupId": "finance-team" } }]'),
    at: '"finance-team"',
  },
  {
    rule: RULES.outOfRange,
    pass: policy(
      `"autopilotConfiguration": { "devicePreparationProfileId": "${GUID_A}", "applicationTimeoutInMinutes": 360 }`,
    ),
    fail: policy(
      `"autopilotConfiguration": { "devicePreparationProfileId": "${GUID_A}", "applicationTimeoutInMinutes": 361 }`,
    ),
    at: '361',
  },
  // syntax layer
  { rule: RULES.syntaxError, pass: policy(), fail: '{ "displayName": "x" "description": "y" }', at: '"description"' },
  {
    rule: RULES.duplicateKey,
    pass: policy(),
    fail: policy('"description": "a"', '"description": "b"'),
    at: '"description"',
    fixes: true,
  },
  { rule: RULES.emptyDocument, pass: policy(), fail: '  \n', at: '  \n', fixes: true },
  { rule: RULES.rootNotObject, pass: policy(), fail: '[{ "displayName": "x" }]', at: '[{ "displayName": "x" }]' },
  { rule: RULES.tooDeep, pass: policy(), fail: '['.repeat(10_000), at: '[' },
  { rule: RULES.controlCharacters, pass: policy(), fail: '{ "displayName": "x\u0001" }', at: '\u0001' },
  // naming template (graph-facts C.1), placed inside the string
  {
    rule: RULES.unclosedToken,
    pass: policy('"cloudPcNamingTemplate": "CPC-%RAND:5%"'),
    fail: policy('"cloudPcNamingTemplate": "CPC-%RAND:5"'),
    at: '%RAND:5',
    fixes: true,
  },
  {
    rule: RULES.unknownToken,
    pass: policy('"cloudPcNamingTemplate": "CPC-%RAND:5%"'),
    fail: policy('"cloudPcNamingTemplate": "CPC-%RANDOM:5%"'),
    at: '%RANDOM:5%',
    fixes: true,
  },
  {
    rule: RULES.badTokenLength,
    pass: policy('"cloudPcNamingTemplate": "CPC-%RAND:5%"'),
    fail: policy('"cloudPcNamingTemplate": "CPC-%RAND:0%"'),
    at: '0',
    fixes: true,
  },
  {
    rule: RULES.nameLength,
    pass: policy('"cloudPcNamingTemplate": "CPC-%USERNAME:4%-%RAND:5%"'),
    fail: policy('"cloudPcNamingTemplate": "CPC-%USERNAME:6%-%RAND:6%"'),
    at: 'CPC-%USERNAME:6%-%RAND:6%',
  },
  {
    rule: RULES.literalChars,
    pass: policy('"cloudPcNamingTemplate": "CPC-%RAND:5%"'),
    fail: policy('"cloudPcNamingTemplate": "CPC_%RAND:5%"'),
    at: '_',
    fixes: true,
  },
  {
    rule: RULES.fixedTextTooLong,
    pass: policy('"cloudPcNamingTemplate": "CONTOSO-HR%RAND:5%"'),
    fail: policy('"cloudPcNamingTemplate": "CONTOSO-HR-%RAND:5%"'),
    at: '-',
  },
  {
    rule: RULES.randMissing,
    pass: policy('"cloudPcNamingTemplate": "CPC-%USERNAME:4%-%RAND:5%"'),
    fail: policy('"cloudPcNamingTemplate": "CPC-%USERNAME:4%"'),
    at: 'CPC-%USERNAME:4%',
    fixes: true,
  },
  {
    rule: RULES.randTooShort,
    pass: policy('"cloudPcNamingTemplate": "CPC-%RAND:5%"'),
    fail: policy('"cloudPcNamingTemplate": "CPC-%RAND:4%"'),
    at: '%RAND:4%',
    fixes: true,
  },
  // %USERNAME:x% only for Enterprise and Frontline dedicated (Learn: Create a provisioning policy).
  {
    rule: RULES.usernameNotAllowed,
    pass: policy('"provisioningType": "sharedByUser"', '"cloudPcNamingTemplate": "CPC-%USERNAME:3%-%RAND:8%"'),
    fail: policy('"provisioningType": "sharedByEntraGroup"', '"cloudPcNamingTemplate": "CPC-%USERNAME:3%-%RAND:8%"'),
    at: '%USERNAME:3%',
    fixes: true,
  },
  {
    rule: RULES.collisionOdds,
    pass: policy(
      '"cloudPcNamingTemplate": "CPC-%RAND:8%"',
      `"assignments": [{ "target": { "groupId": "${GUID_A}", "allotmentLicensesCount": 900 } }, { "target": { "groupId": "${GUID_B}", "allotmentLicensesCount": 900 } }]`,
    ),
    fail: policy(
      '"cloudPcNamingTemplate": "CPC-%RAND:5%"',
      `"assignments": [{ "target": { "groupId": "${GUID_A}", "allotmentLicensesCount": 900 } }, { "target": { "groupId": "${GUID_B}", "allotmentLicensesCount": 900 } }]`,
    ),
    at: '%RAND:5%',
  },
  {
    rule: RULES.tokenCase,
    pass: policy('"cloudPcNamingTemplate": "CPC-%RAND:5%"'),
    fail: policy('"cloudPcNamingTemplate": "CPC-%Rand:5%"'),
    at: 'Rand',
    fixes: true,
  },
];

const SEVERITY = documentedSeverities();
/** docs/rules.md: deprecated properties are struck through, ones the service ignores or does not need faded. */
const TAGS: Record<string, string[]> = {
  CPC104: ['unnecessary'],
  CPC310: ['unnecessary'],
  CPC322: ['unnecessary'],
  CPC311: ['deprecated'],
  CPC312: ['deprecated'],
  CPC313: ['deprecated'],
  CPC314: ['deprecated'],
  CPC315: ['deprecated'],
  CPC316: ['deprecated'],
  CPC317: ['deprecated'],
};

for (const c of CASES) {
  describe(`${c.rule.code} ${c.rule.title}`, () => {
    it('passes a document that follows the rule', () =>
      assert.ok(!codes(c.pass).includes(c.rule.code), JSON.stringify(codes(c.pass))));
    it('reports a document that breaks it, at the right place', () => {
      const f = findingOf(c.fail, c.rule.code);
      assert.equal(rangeText(c.fail, f), c.at);
      assert.ok(f.message.length > 10);
    });
    if (c.rule.code !== RULES.tooManyFindings.code) {
      it('has the severity and tags docs/rules.md gives it', () => {
        const f = findingOf(c.fail, c.rule.code);
        assert.ok(
          SEVERITY.get(c.rule.code)?.includes(f.severity),
          `${f.severity}, documented ${SEVERITY.get(c.rule.code)?.join(' / ')}`,
        );
        assert.deepEqual(f.tags ?? [], TAGS[c.rule.code] ?? []);
      });
    }
    if (c.fixes) {
      it('has a quick fix that resolves it', () => {
        const f = findingOf(c.fail, c.rule.code);
        const fix = f.fixes?.find((x) => x.isPreferred) ?? f.fixes?.[0];
        assert.ok(fix, 'a fix');
        for (const x of f.fixes ?? [])
          assert.ok(x.title.length > 5, `a fix needs a title the editor can show: ${JSON.stringify(x)}`);
        const fixed = applyEdits(c.fail, fix.edits);
        const before = codes(c.fail).filter((x) => x === c.rule.code).length;
        const after = codes(fixed).filter((x) => x === c.rule.code).length;
        assert.ok(after < before, `${fixed}\n${JSON.stringify(codes(fixed))}`);
        assert.ok(!codes(fixed).includes('CPC101'), `fix broke the syntax: ${fixed}`);
      });
    }
  });
}

describe('rule table', () => {
  it('every rule has a case here (except CPC106, emitted by the CLI decoder and tested there)', () => {
    const covered = new Set(CASES.map((c) => c.rule.code));
    const missing = Object.values(RULES).filter(
      (r) => !covered.has(r.code) && r.code !== 'CPC106' && r.code !== 'CPC208',
    );
    assert.deepEqual(missing, []);
  });
  it('no two rules share a code', () => {
    const all = Object.values(RULES).map((r) => r.code);
    assert.equal(new Set(all).size, all.length);
  });
});
