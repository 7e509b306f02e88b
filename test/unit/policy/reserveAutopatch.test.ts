// Windows 365 Reserve restrictions (docs/rules.md CPC326: Learn "Windows 365 Reserve FAQ", "Managing Windows 365
// Reserve": always Microsoft Entra joined on the Microsoft-hosted network, gallery images, no Autopilot) and
// Autopatch without starterManaged (CPC327: Graph "cloudPcProvisioningPolicyAutopatch resource type"), each finding
// with its severity, its place, its words and what its fix leaves behind.
import * as assert from 'node:assert/strict';
import { validateDocument } from '../../../src/core/policy/validator';
import { applyEdits, rangeText } from './policyTestKit';

const GROUP = '4f6c2a1e-0b9d-4c3e-8f7a-6b5d4c3e2f1a';
const CONNECTION = '9e3a4b5c-6d7e-4f80-a123-c4d5e6f7a8b9';

function doc(fields: Record<string, unknown>): string {
  return JSON.stringify(
    {
      displayName: 'Reserve pool',
      provisioningType: 'reserve',
      imageType: 'gallery',
      imageId: 'microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365',
      domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'automatic', regionGroup: 'usEast' }],
      ...fields,
    },
    null,
    2,
  );
}

function found(text: string, code: string, partial = false) {
  return validateDocument(text, { partial })
    .filter((f) => f.code === code)
    .map((f) => ({
      severity: f.severity,
      message: f.message,
      at: rangeText(text, f),
      fixes: (f.fixes ?? []).map((x) => x.title),
    }));
}

/** The text after the finding's first fix. */
function fixed(text: string, code: string, partial = false): string {
  const f = validateDocument(text, { partial }).find((x) => x.code === code)!;
  return applyEdits(text, f.fixes![0]!.edits);
}

describe('CPC326 Windows 365 Reserve restrictions', () => {
  it('a gallery image, Entra join on the Microsoft-hosted network and no Autopilot: nothing to say', () => {
    assert.deepEqual(found(doc({}), 'CPC326'), []);
  });

  it('hybrid join is an error on the join type; the fix makes it azureADJoin', () => {
    const text = doc({
      domainJoinConfigurations: [{ domainJoinType: 'hybridAzureADJoin', onPremisesConnectionId: CONNECTION }],
    });
    assert.deepEqual(found(text, 'CPC326'), [
      {
        severity: 'error',
        message:
          'Reserve Cloud PCs are always Microsoft Entra joined: use azureADJoin on the Microsoft-hosted network.',
        at: '"hybridAzureADJoin"',
        fixes: ["Use domainJoinType 'azureADJoin'"],
      },
    ]);
    assert.match(fixed(text, 'CPC326'), /"domainJoinType": "azureADJoin"/);
  });

  it('the deprecated `type` key is judged and fixed in place', () => {
    const text = doc({ domainJoinConfigurations: [{ type: 'hybridAzureADJoin', onPremisesConnectionId: CONNECTION }] });
    const [f] = found(text, 'CPC326');
    assert.equal(f!.at, '"hybridAzureADJoin"');
    assert.match(fixed(text, 'CPC326'), /"type": "azureADJoin"/);
  });

  it('an Azure network connection is an error on the connection id; the fix removes it', () => {
    const text = doc({
      domainJoinConfigurations: [
        { domainJoinType: 'azureADJoin', regionName: 'automatic', regionGroup: 'usEast' },
        { domainJoinType: 'azureADJoin', onPremisesConnectionId: CONNECTION },
      ],
    });
    assert.deepEqual(found(text, 'CPC326'), [
      {
        severity: 'error',
        message:
          'Reserve Cloud PCs use the Microsoft-hosted network, not an Azure network connection: give regionName instead.',
        at: `"${CONNECTION}"`,
        fixes: ['Remove onPremisesConnectionId'],
      },
    ]);
    assert.ok(!fixed(text, 'CPC326').includes(CONNECTION));
  });

  it('an empty onPremisesConnectionId names no connection; a join entry that is not an object is left to the schema', () => {
    const text = doc({
      domainJoinConfigurations: [
        { domainJoinType: 'azureADJoin', onPremisesConnectionId: '', regionName: 'automatic' },
      ],
    });
    assert.deepEqual(found(text, 'CPC326'), []);
    assert.deepEqual(found(doc({ domainJoinConfigurations: ['azureADJoin'] }), 'CPC326'), []);
    const bare = JSON.parse(doc({ imageType: 'custom' }));
    delete bare.domainJoinConfigurations;
    assert.deepEqual(
      found(JSON.stringify(bare, null, 2), 'CPC326').map((f) => f.at),
      ['"custom"'],
    );
  });

  it('a custom image is an error on imageType, with no fix (a gallery image must be chosen)', () => {
    assert.deepEqual(found(doc({ imageType: 'custom' }), 'CPC326'), [
      {
        severity: 'error',
        message: 'Reserve Cloud PCs use a gallery image, not a custom one.',
        at: '"custom"',
        fixes: [],
      },
    ]);
  });

  it('Autopilot is a warning on the block; the fix removes it', () => {
    const text = doc({
      autopilotConfiguration: { devicePreparationProfileId: GROUP, applicationTimeoutInMinutes: 60 },
    });
    const [f] = found(text, 'CPC326');
    // On the block itself, not the document.
    assert.ok(f!.at.startsWith('{') && f!.at.includes('devicePreparationProfileId') && !f!.at.includes('displayName'));
    assert.deepEqual(
      { ...f, at: f!.at.startsWith('{') },
      {
        severity: 'warning',
        message: 'Reserve Cloud PCs do not run Windows Autopilot device preparation: remove autopilotConfiguration.',
        at: true,
        fixes: ['Remove autopilotConfiguration'],
      },
    );
    assert.ok(!fixed(text, 'CPC326').includes('autopilotConfiguration'));
  });

  it('the same settings on a dedicated policy are not a Reserve finding', () => {
    const text = doc({
      provisioningType: 'dedicated',
      imageType: 'custom',
      domainJoinConfigurations: [{ domainJoinType: 'hybridAzureADJoin', onPremisesConnectionId: CONNECTION }],
      autopilotConfiguration: { devicePreparationProfileId: GROUP, applicationTimeoutInMinutes: 60 },
    });
    assert.deepEqual(found(text, 'CPC326'), []);
  });
});

describe('CPC327 Autopatch needs microsoftManagedDesktop.managedType starterManaged', () => {
  const autopatch = { autopatch: { autopatchGroupId: GROUP } };
  const dedicated = (fields: Record<string, unknown>) => doc({ provisioningType: 'dedicated', ...fields });

  it('without microsoftManagedDesktop: a warning on the autopatch key, saying notManaged; the fix adds the block', () => {
    const text = dedicated(autopatch);
    assert.deepEqual(found(text, 'CPC327'), [
      {
        severity: 'warning',
        message:
          "Autopatch does nothing unless microsoftManagedDesktop.managedType is 'starterManaged' (it is 'notManaged').",
        at: '"autopatch"',
        fixes: ["Add microsoftManagedDesktop with managedType 'starterManaged'"],
      },
    ]);
    const after = fixed(text, 'CPC327');
    assert.deepEqual(JSON.parse(after).microsoftManagedDesktop, { managedType: 'starterManaged' });
    assert.deepEqual(found(after, 'CPC327'), []);
  });

  it('managedType premiumManaged: the fix sets starterManaged', () => {
    const text = dedicated({ ...autopatch, microsoftManagedDesktop: { managedType: 'premiumManaged' } });
    const [f] = found(text, 'CPC327');
    assert.match(f!.message, /\(it is 'premiumManaged'\)/);
    assert.deepEqual(f!.fixes, ["Set managedType 'starterManaged'"]);
    assert.equal(JSON.parse(fixed(text, 'CPC327')).microsoftManagedDesktop.managedType, 'starterManaged');
  });

  it('the deprecated `type` key is read and fixed in place', () => {
    const text = dedicated({ ...autopatch, microsoftManagedDesktop: { type: 'notManaged' } });
    assert.equal(JSON.parse(fixed(text, 'CPC327')).microsoftManagedDesktop.type, 'starterManaged');
    const starter = dedicated({ ...autopatch, microsoftManagedDesktop: { type: 'starterManaged' } });
    assert.deepEqual(found(starter, 'CPC327'), []);
  });

  it('a block without managedType: the fix adds the member', () => {
    const text = dedicated({ ...autopatch, microsoftManagedDesktop: { profile: 'x' } });
    const [f] = found(text, 'CPC327');
    assert.deepEqual(f!.fixes, ["Add managedType 'starterManaged'"]);
    assert.equal(JSON.parse(fixed(text, 'CPC327')).microsoftManagedDesktop.managedType, 'starterManaged');
  });

  it('starterManaged, no Autopatch group, or a Frontline shared policy: nothing (shared is CPC309)', () => {
    assert.deepEqual(
      validateDocument(dedicated({ ...autopatch, microsoftManagedDesktop: { managedType: 'starterManaged' } })),
      [],
    );
    assert.deepEqual(
      found(dedicated({ ...autopatch, microsoftManagedDesktop: { managedType: 'starterManaged' } }), 'CPC327'),
      [],
    );
    assert.deepEqual(found(dedicated({ autopatch: { autopatchGroupId: null } }), 'CPC327'), []);
    assert.deepEqual(found(doc({ provisioningType: 'sharedByEntraGroup', ...autopatch }), 'CPC327'), []);
  });

  it('a PATCH body: without microsoftManagedDesktop the stored one decides (nothing now); with it, judged', () => {
    const patch = (fields: Record<string, unknown>) => JSON.stringify({ ...autopatch, ...fields }, null, 2);
    assert.deepEqual(validateDocument(patch({}), { partial: true }), []);
    assert.equal(found(patch({ microsoftManagedDesktop: { managedType: 'notManaged' } }), 'CPC327', true).length, 1);
  });
});
