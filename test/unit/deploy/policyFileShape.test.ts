// Policy files as Deploy reads them: one policy, or a { "policies": [...] } file of many.
import * as assert from 'node:assert/strict';
import type { CloudPcProvisioningPolicy } from '../../../src/core/model/provisioningPolicy';
import { isDeployedAsWritten, parsePolicyFile, parsePolicyFiles } from '../../../src/core/deploy/policyFileShape';

describe('policy files for Deploy', () => {
  it('reads a one-policy file: settings without server fields, assignments as targets', () => {
    const set = parsePolicyFiles(
      '{ "$schema": "x", "id": "1", "displayName": "A", "assignments": [ { "target": { "groupId": "g" } } ] }',
    );
    assert.equal(set.isFleet, false);
    assert.deepEqual(set.errors, []);
    assert.deepEqual(
      set.policies.map((p) => [p.fields, p.assignments]),
      [[{ displayName: 'A' }, [{ groupId: 'g' }]]],
    );
  });

  it('reads every policy of a fleet file, in order', () => {
    const set = parsePolicyFiles(
      '{ "policies": [ { "displayName": "A" }, { "displayName": "B", "createdBy": "x" } ] }',
    );
    assert.equal(set.isFleet, true);
    assert.deepEqual(set.errors, []);
    assert.deepEqual(
      set.policies.map((p) => p.fields),
      [{ displayName: 'A' }, { displayName: 'B' }],
    );
  });

  it('refuses what Deploy cannot match or send: two policies with one name, items that are not policies, no policies, no name', () => {
    assert.match(
      parsePolicyFiles('{ "policies": [ { "displayName": "A" }, { "displayName": "A" } ] }').errors.join(),
      /Policies 0 and 1 are both named "A"/,
    );
    assert.match(
      parsePolicyFiles('{ "policies": [ 1 ] }').policies[0]!.errors.join(),
      /Item 0 of "policies" is not a policy object/,
    );
    assert.match(parsePolicyFiles('{ "policies": [] }').errors.join(), /lists no policies/);
    assert.match(
      parsePolicyFiles('{ "policies": [ { "description": "x" } ] }').policies[0]!.errors.join(),
      /no displayName/,
    );
  });

  it('parsePolicyFile (Pull, one policy) says a fleet file holds several', () => {
    assert.match(parsePolicyFile('{ "policies": [ { "displayName": "A" } ] }').errors.join(), /several policies/);
    assert.deepEqual(parsePolicyFile('{ "displayName": "A" }').errors, []);
    assert.match(parsePolicyFile('[1]').errors.join(), /not a JSON object/);
  });
});

describe('isDeployedAsWritten: what Deploy of a many-policy file sends again', () => {
  const deployed = {
    id: 'p1',
    displayName: 'A',
    description: null,
    provisioningType: 'dedicated',
    imageId: 'x_y_z',
    enableSingleSignOn: true,
    domainJoinConfigurations: [
      { domainJoinType: 'azureADJoin', regionName: 'automatic', regionGroup: 'usEast', onPremisesConnectionId: null },
    ],
    assignments: [
      {
        id: 'p1_g',
        target: {
          '@odata.type': '#microsoft.graph.cloudPcManagementGroupAssignmentTarget',
          groupId: 'g',
          servicePlanId: null,
        },
      },
    ],
  } as unknown as CloudPcProvisioningPolicy;
  const file = (text: string) => parsePolicyFiles(text).policies[0]!;

  it('nothing when every written value is deployed and the server adds only nulls inside it', () => {
    assert.equal(
      isDeployedAsWritten(
        file(
          '{ "displayName": "A", "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic", "regionGroup": "usEast" }], "assignments": [{ "target": { "groupId": "g" } }] }',
        ),
        deployed,
      ),
      true,
    );
    assert.equal(
      isDeployedAsWritten(file('{ "displayName": "A", "description": null }'), deployed),
      true,
      'null written, null deployed',
    );
    assert.equal(
      isDeployedAsWritten(file('{ "displayName": "A" }'), deployed),
      true,
      'properties the file does not write are not sent',
    );
  });

  it('the policy when the file leaves out something the server holds inside a value (a PATCH replaces the value)', () => {
    assert.equal(
      isDeployedAsWritten(
        file(
          '{ "displayName": "A", "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic" }] }',
        ),
        deployed,
      ),
      false,
      'regionGroup removed',
    );
    const withAutopatch = {
      ...deployed,
      autopatch: { autopatchGroupId: 'g1' },
    } as unknown as CloudPcProvisioningPolicy;
    assert.equal(isDeployedAsWritten(file('{ "displayName": "A", "autopatch": {} }'), withAutopatch), false);
  });

  it('the policy when a value, a list length or the assignments differ', () => {
    assert.equal(isDeployedAsWritten(file('{ "displayName": "A", "enableSingleSignOn": false }'), deployed), false);
    assert.equal(isDeployedAsWritten(file('{ "displayName": "A", "domainJoinConfigurations": [] }'), deployed), false);
    assert.equal(
      isDeployedAsWritten(
        file('{ "displayName": "A", "domainJoinConfigurations": [{ "regionName": "westeurope" }] }'),
        deployed,
      ),
      false,
    );
    assert.equal(isDeployedAsWritten(file('{ "displayName": "A", "assignments": [] }'), deployed), false);
    assert.equal(
      isDeployedAsWritten(file('{ "displayName": "A", "windowsSetting": { "locale": "en-US" } }'), deployed),
      false,
      'written, not deployed',
    );
  });
});
