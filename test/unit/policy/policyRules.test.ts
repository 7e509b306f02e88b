// Domain rules of one policy (docs/rules.md CPC301–CPC319) beyond pass/fail: each rule's message, range and
// fixes, the provisioning types it judges, and the shapes it leaves to the schema.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/policy/finding';
import { validateDocument } from '../../../src/core/policy/validator';
import { applyEdits, documentedSeverities, GUID_A, policy, rangeText } from './policyTestKit';

const GALLERY = 'microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc';

function all(text: string, code: string, options?: { partial?: boolean }): Finding[] {
  return validateDocument(text, options).filter((f) => f.code === code);
}
const SEVERITY = documentedSeverities();
/** The one `code` finding, with the severity docs/rules.md gives that code. */
function one(text: string, code: string, options?: { partial?: boolean }): Finding {
  const found = all(text, code, options);
  assert.equal(
    found.length,
    1,
    `${code} in ${text}: ${JSON.stringify(validateDocument(text, options).map((f) => f.code))}`,
  );
  assert.ok(SEVERITY.get(code)?.includes(found[0]!.severity), `${code} is ${found[0]!.severity}`);
  return found[0]!;
}
/** Titles of the finding's fixes and the text each one produces. */
function fixed(text: string, f: Finding): [string, string][] {
  return (f.fixes ?? []).map((x) => [x.title, applyEdits(text, x.edits)]);
}
const named = (name: string, ...members: string[]) =>
  `{ "displayName": ${JSON.stringify(name)}, "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic" }]${members.map((m) => `, ${m}`).join('')} }`;

describe('CPC307 / CPC308 displayName', () => {
  it('names the forbidden characters once each, in order, and says "it" or "them"', () => {
    assert.equal(one(named('R&D'), 'CPC307').message, 'displayName cannot contain &: remove it.');
    assert.equal(one(named('a|b|c'), 'CPC307').message, 'displayName cannot contain |: remove them.');
    assert.equal(one(named('"x" ^ <y> & z'), 'CPC307').message, 'displayName cannot contain " ^ < > &: remove them.');
    assert.equal(one(named('ok ^'), 'CPC307').message, 'displayName cannot contain ^: remove it.');
  });
  it('the fix removes them, folds the spaces left behind and trims; nothing left, no fix', () => {
    const text = named('Sales < > Team &');
    assert.deepEqual(fixed(text, one(text, 'CPC307')), [['Remove < > & from the name', named('Sales Team')]]);
    assert.equal(one(named('<>'), 'CPC307').fixes, undefined);
    for (const c of ['<', '>', '&', '|', '"', '^']) assert.equal(all(named(`a${c}b`), 'CPC307').length, 1, c);
    assert.deepEqual(all(named('a-b_c (d) [e] {f} #g'), 'CPC307'), []);
  });
  it('a name of only spaces is missing (CPC308) on the value; in a PATCH it is left to the service', () => {
    const text = named('   ');
    const f = one(text, 'CPC308');
    assert.equal(rangeText(text, f), '"   "');
    assert.match(f.message, /only spaces/);
    assert.deepEqual(all(text, 'CPC308', { partial: true }), []);
    assert.deepEqual(all(named('x'), 'CPC308'), []);
    assert.deepEqual(
      all(named(''), 'CPC308').map((f) => f.message),
      ["'displayName' must not be empty."],
      'an empty name is said once, by the schema',
    );
  });
});

describe('CPC301 / CPC302 Frontline shared only', () => {
  it('cloudApp on a dedicated policy: fixes change either side, inserting provisioningType when absent', () => {
    const absent = policy('"userExperienceType": "cloudApp"');
    const f = one(absent, 'CPC301');
    assert.equal(
      f.message,
      "userExperienceType 'cloudApp' needs provisioningType 'sharedByEntraGroup' (this policy is 'dedicated'): change one of them.",
    );
    assert.deepEqual(
      fixed(absent, f).map(([t]) => t),
      ["Use userExperienceType 'cloudPc'", "Add provisioningType 'sharedByEntraGroup'"],
    );
    assert.deepEqual(
      f.fixes!.map((x) => x.isPreferred),
      [true, false],
    );
    assert.equal(fixed(absent, f)[0]![1], absent.replace('"cloudApp"', '"cloudPc"'));
    for (const [, next] of fixed(absent, f)) assert.deepEqual(all(next, 'CPC301'), [], next);
    const present = policy('"provisioningType": "sharedByUser"', '"userExperienceType": "cloudApp"');
    const g = one(present, 'CPC301');
    assert.match(g.message, /this policy is 'sharedByUser'/);
    assert.deepEqual(fixed(present, g)[1], [
      "Use provisioningType 'sharedByEntraGroup'",
      present.replace('"sharedByUser"', '"sharedByEntraGroup"'),
    ]);
    assert.deepEqual(
      g.fixes!.map((x) => x.isPreferred),
      [true, false],
    );
  });
  it('a PATCH without provisioningType, a Frontline shared policy and an unknown type get neither rule', () => {
    const members = [
      '"userExperienceType": "cloudApp"',
      '"userSettingsPersistenceConfiguration": { "userSettingsPersistenceEnabled": true }',
    ];
    assert.deepEqual(all(policy(...members), 'CPC301').length + all(policy(...members), 'CPC302').length, 2);
    const quiet = (text: string, options?: { partial?: boolean }) =>
      assert.deepEqual(
        validateDocument(text, options).filter((f) => f.code === 'CPC301' || f.code === 'CPC302'),
        [],
        text,
      );
    quiet(policy(...members), { partial: true });
    quiet(policy('"provisioningType": "sharedByEntraGroup"', ...members));
    quiet(policy('"userSettingsPersistenceConfiguration": null'));
  });
  it('CPC302 names the type and removes the block', () => {
    const text = policy(
      '"provisioningType": "reserve"',
      '"userSettingsPersistenceConfiguration": { "userSettingsPersistenceEnabled": true }',
    );
    const f = one(text, 'CPC302');
    assert.match(f.message, /\(this policy is 'reserve'\)/);
    assert.deepEqual(
      fixed(text, f).map(([t]) => t),
      ['Remove userSettingsPersistenceConfiguration'],
    );
  });
});

describe('CPC303 / CPC304 imageId and imageType', () => {
  it('a GUID with imageType gallery (or none): set or add imageType custom', () => {
    const absent = policy(`"imageId": "${GUID_A}"`);
    assert.deepEqual(fixed(absent, one(absent, 'CPC303')), [
      ["Add imageType 'custom'", absent.replace(`"${GUID_A}"`, `"${GUID_A}", "imageType": "custom"`)],
    ]);
    const present = policy('"imageType": "gallery"', `"imageId": "${GUID_A}"`);
    assert.deepEqual(fixed(present, one(present, 'CPC303')), [
      ["Set imageType to 'custom'", present.replace('"gallery"', '"custom"')],
    ]);
  });
  it('a gallery id is {publisher}_{offer}_{sku}', () => {
    const f = one(policy('"imageId": "windows11"'), 'CPC303');
    assert.match(f.message, /^A gallery imageId is \{publisher\}_\{offer\}_\{sku\}.*'windows11' is not\.$/);
    assert.equal(f.fixes, undefined);
    for (const id of ['a_b', 'a_b_c_d', 'a b_c_d', '_b_c', 'a_b_'])
      assert.equal(all(policy(`"imageId": "${id}"`), 'CPC303').length, 1, id);
    assert.deepEqual(all(policy('"imageId": "pub.x_off-er_sku.1"'), 'CPC303'), []);
  });
  it('custom needs a GUID: a gallery-looking id gets "set imageType to gallery", anything else no fix', () => {
    const looks = policy('"imageType": "custom"', `"imageId": "${GALLERY}"`);
    const f = one(looks, 'CPC303');
    assert.match(f.message, /looks like a gallery image/);
    assert.deepEqual(fixed(looks, f), [["Set imageType to 'gallery'", looks.replace('"custom"', '"gallery"')]]);
    const other = one(policy('"imageType": "custom"', '"imageId": "my image"'), 'CPC303');
    assert.equal(other.message, "A custom imageId is the GUID of a device image; 'my image' is not a GUID.");
    assert.equal(other.fixes, undefined);
    assert.deepEqual(all(policy('"imageType": "custom"', `"imageId": "${GUID_A.toUpperCase()}"`), 'CPC303'), []);
  });
  it('an empty or absent imageId, or an unknown imageType, says nothing here', () => {
    for (const m of ['"imageId": ""', '"imageType": "custom"', '"imageType": "other", "imageId": "x"']) {
      assert.deepEqual(
        validateDocument(policy(m)).filter((f) => f.code === 'CPC303' || f.code === 'CPC304'),
        [],
        m,
      );
    }
  });
  it('CPC304: another spelling of a known image is a hint with the gallery spelling; an unknown Windows 365 image, information with the closest', () => {
    const text = policy(`"imageId": "${GALLERY.toUpperCase()}"`);
    const f = one(text, 'CPC304');
    assert.equal(f.severity, 'hint');
    assert.equal(
      f.message,
      `The gallery spells this image '${GALLERY}' (ids compare case-insensitively, so this works).`,
    );
    assert.deepEqual(fixed(text, f), [[`Write '${GALLERY}'`, policy(`"imageId": "${GALLERY}"`)]]);
    const near = policy('"imageId": "microsoftwindowsdesktop_windows-ent-cpc_win11-24h3-ent-cpc"');
    const g = one(near, 'CPC304');
    assert.equal(g.severity, 'information');
    assert.match(
      g.message,
      /is not a current Windows 365 gallery image: did you mean 'microsoftwindowsdesktop_windows-ent-cpc_win11-2\dh\d-ent-cpc'\?$/i,
    );
    assert.deepEqual(
      g.fixes?.map((x) => x.title),
      [`Use '${/did you mean '([^']+)'/.exec(g.message)![1]}'`],
    );
    const far = one(
      policy('"imageId": "microsoftwindowsdesktop_windows-ent-cpc_something-else-entirely-different"'),
      'CPC304',
    );
    assert.match(far.message, /; check the gallery images list\.$/);
    assert.equal(far.fixes, undefined);
    assert.deepEqual(
      all(policy('"imageId": "contoso_windows-ent-cpc_win11-24h3-ent-cpc"'), 'CPC304'),
      [],
      'other publishers are not ours to judge',
    );
    assert.deepEqual(all(policy(`"imageId": "${GALLERY}"`), 'CPC304'), []);
  });
});

describe('CPC305 / CPC306 / CPC324 domain join', () => {
  const dj = (...members: string[]) =>
    `{ "displayName": "x", "domainJoinConfigurations": [{ ${members.join(', ')} }] }`;
  it('hybrid without a connection: on the join type, with a fix that adds one', () => {
    const text = dj('"domainJoinType": "hybridAzureADJoin"');
    const f = one(text, 'CPC305');
    assert.equal(rangeText(text, f), '"hybridAzureADJoin"');
    assert.deepEqual(fixed(text, f), [
      [
        'Add onPremisesConnectionId',
        dj('"domainJoinType": "hybridAzureADJoin", "onPremisesConnectionId": "00000000-0000-0000-0000-000000000000"'),
      ],
    ]);
    assert.equal(
      one(dj('"domainJoinType": "hybridAzureADJoin"', '"onPremisesConnectionId": ""'), 'CPC305').message,
      'hybridAzureADJoin needs onPremisesConnectionId: the id of the Azure network connection to your domain.',
    );
    const legacy = dj('"type": "hybridAzureADJoin"');
    assert.equal(rangeText(legacy, one(legacy, 'CPC305')), '"hybridAzureADJoin"');
  });
  it('hybrid with a region too: remove regionName', () => {
    assert.deepEqual(
      all(
        dj('"domainJoinType": "hybridAzureADJoin"', `"onPremisesConnectionId": "${GUID_A}"`, '"regionName": ""'),
        'CPC305',
      ),
      [],
    );
    const text = dj(
      '"domainJoinType": "hybridAzureADJoin"',
      `"onPremisesConnectionId": "${GUID_A}"`,
      '"regionName": "westus3"',
    );
    assert.equal(fixed(text, one(text, 'CPC305'))[0]![0], 'Remove regionName');
  });
  it('azureADJoin with both: remove either, the region preferred', () => {
    const text = dj(
      '"domainJoinType": "azureADJoin"',
      `"onPremisesConnectionId": "${GUID_A}"`,
      '"regionName": "westus3"',
    );
    const f = one(text, 'CPC306');
    assert.equal(rangeText(text, f), '"regionName": "westus3"');
    assert.equal(
      f.message,
      'azureADJoin takes onPremisesConnectionId (your network) or regionName (Microsoft-hosted network), not both: remove one.',
    );
    assert.deepEqual(
      f.fixes!.map((x) => [x.title, x.isPreferred]),
      [
        ['Remove regionName (use the network connection)', true],
        ['Remove onPremisesConnectionId (use the Microsoft-hosted network)', false],
      ],
    );
  });
  it('azureADJoin with neither: add the automatic region; the legacy type key and no key at all are judged the same', () => {
    const text = dj('"domainJoinType": "azureADJoin"', '"regionName": ""');
    const f = one(text, 'CPC306');
    assert.equal(rangeText(text, f), '"azureADJoin"');
    assert.match(f.message, /^azureADJoin needs regionName/);
    assert.deepEqual(
      fixed(text, f).map(([t]) => t),
      ["Add regionName 'automatic'"],
    );
    assert.equal(all(dj('"type": "azureADJoin"'), 'CPC306').length, 1);
    const bare = dj(`"onPremisesConnectionId": "${GUID_A}"`, '"regionName": "westus3"');
    assert.equal(all(bare, 'CPC306').length, 1, 'no join type, both set: wrong either way');
    assert.deepEqual(all(dj(`"onPremisesConnectionId": "${GUID_A}"`), 'CPC306'), []);
    assert.deepEqual(all(dj('"regionName": "westus3"'), 'CPC306'), []);
    assert.deepEqual(
      all(dj('"regionName": ""'), 'CPC306'),
      [],
      'no join type and no network: the schema says what is missing',
    );
  });
  it('the deprecated single domainJoinConfiguration is checked too', () => {
    const text = '{ "displayName": "x", "domainJoinConfiguration": { "domainJoinType": "azureADJoin" } }';
    const f = one(text, 'CPC306');
    assert.deepEqual(f.path, ['domainJoinConfiguration', 'domainJoinType']);
    assert.equal(rangeText(text, f), '"azureADJoin"');
  });
  it('CPC324: no network anywhere; an empty list points at the list and offers no fix', () => {
    const none = '{ "displayName": "x" }';
    const f = one(none, 'CPC324');
    assert.equal(f.severity, 'information');
    assert.equal(rangeText(none, f), '"displayName"');
    const empty = '{ "displayName": "x", "domainJoinConfigurations": [] }';
    const g = one(empty, 'CPC324');
    assert.equal(rangeText(empty, g), '"domainJoinConfigurations"');
    assert.equal(g.fixes, undefined);
    assert.deepEqual(all(none, 'CPC324', { partial: true }), []);
    assert.deepEqual(all(`{ "displayName": "x", "onPremisesConnectionId": "${GUID_A}" }`, 'CPC324'), []);
    assert.deepEqual(
      all(
        `{ "displayName": "x", "domainJoinConfiguration": { "domainJoinType": "hybridAzureADJoin", "onPremisesConnectionId": "${GUID_A}" } }`,
        'CPC324',
      ),
      [],
    );
  });
});

describe('CPC309 / CPC318 Frontline shared, CPC319 autopilot timeout', () => {
  it('Autopatch needs a group id to count, and only Frontline shared is warned', () => {
    const text = policy('"provisioningType": "sharedByEntraGroup"', `"autopatch": { "autopatchGroupId": "${GUID_A}" }`);
    assert.equal(
      one(text, 'CPC309').message,
      "Autopatch is not available for Frontline shared policies ('sharedByEntraGroup'): remove autopatch.",
    );
    assert.deepEqual(
      all(policy('"provisioningType": "sharedByEntraGroup"', '"autopatch": { "autopatchGroupId": null }'), 'CPC309'),
      [],
    );
    assert.deepEqual(all(policy(`"autopatch": { "autopatchGroupId": "${GUID_A}" }`), 'CPC309'), []);
    assert.deepEqual(
      all(
        policy('"provisioningType": "sharedByEntraGroup"', `"autopatch": { "autopatchGroupId": "${GUID_A}" }`),
        'CPC309',
        { partial: false },
      ).length,
      1,
    );
  });
  it('the automatic region is warned per join configuration, on its value', () => {
    const text =
      '{ "displayName": "x", "provisioningType": "sharedByEntraGroup", "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "westus3" }, { "domainJoinType": "azureADJoin", "regionName": "automatic" }] }';
    const f = one(text, 'CPC318');
    assert.deepEqual(f.path, ['domainJoinConfigurations', 1, 'regionName']);
    assert.match(f.message, /^The 'automatic' region is not supported for Frontline shared policies/);
  });
  it('CPC319 warns from 10 to 29 minutes, names the value and offers 30', () => {
    const at = (n: number) =>
      policy(
        `"autopilotConfiguration": { "devicePreparationProfileId": "${GUID_A}", "applicationTimeoutInMinutes": ${n} }`,
      );
    for (const n of [10, 29]) {
      const f = one(at(n), 'CPC319');
      assert.equal(f.message, `The current Graph SDK accepts 30–360 minutes; ${n} may be rejected: use 30 or more.`);
      assert.deepEqual(fixed(at(n), f), [['Use 30 minutes', at(30)]]);
    }
    for (const n of [9, 30]) assert.deepEqual(all(at(n), 'CPC319'), [], String(n));
  });
});

describe('domain rules and shapes the schema refuses', () => {
  it('join configurations that are not objects are skipped, not a crash, for every type', () => {
    for (const type of ['dedicated', 'sharedByEntraGroup']) {
      const text = `{ "displayName": "x", "provisioningType": "${type}", "domainJoinConfigurations": [null, "x", { "domainJoinType": "azureADJoin", "regionName": "automatic" }] }`;
      const found = validateDocument(text).map((f) => f.code);
      assert.ok(!found.includes('CPC100') && found.includes('CPC201'), `${type}: ${JSON.stringify(found)}`);
    }
  });
  it('a Frontline shared policy without domainJoinConfigurations gets CPC324, not a crash', () => {
    const found = validateDocument('{ "displayName": "x", "provisioningType": "sharedByEntraGroup" }').map(
      (f) => f.code,
    );
    assert.ok(found.includes('CPC324') && !found.includes('CPC100'), JSON.stringify(found));
  });
});
