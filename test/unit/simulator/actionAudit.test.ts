// Every Cloud PC action through the Graph contract is one audit event naming its actor and what changed
// (docs/simulator.md rule 13); an unknown id answers 404 and records nothing.
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../src/core/simulator/simulator';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import { TenantClient, handlerTransport, onePc, VE } from './tenantClient';

function tenant(): TenantClient {
  return new TenantClient(handlerTransport(createSimulatorHandler(new Simulator(createSeedData('empty')))));
}

const AS = { 'x-simulator-actor': 'helpdesk@contoso.onmicrosoft.com' };

describe('audit events of Cloud PC actions (rule 13)', () => {
  it('records a refused action as clientError with the reason, and changes nothing else', async () => {
    const t = tenant();
    const { u, p } = await onePc(t);
    const [queued] = await t.cloudPcsOf(u.upn);
    for (const action of ['reboot', 'reprovision', 'endGracePeriod'])
      assert.equal((await t.call('POST', `${VE}/cloudPCs/${queued.id}/${action}`, '{}', AS)).status, 400, action);
    assert.equal((await t.call('DELETE', `${VE}/provisioningPolicies/${p}`, undefined, AS)).status, 400);
    const refused = (await t.ok('GET', `${VE}/auditEvents`)).json.value.filter(
      (e: { activityResult: string }) => e.activityResult === 'clientError',
    );
    assert.deepEqual(
      refused.map(
        (e: { activity: string; actor: { userPrincipalName: string }; resources: { resourceId: string }[] }) => [
          e.activity,
          e.actor.userPrincipalName,
          e.resources[0]!.resourceId,
        ],
      ),
      [
        ['Reboot Cloud PC', AS['x-simulator-actor'], queued.id],
        ['Reprovision Cloud PC', AS['x-simulator-actor'], queued.id],
        ['End Cloud PC grace period', AS['x-simulator-actor'], queued.id],
        ['Delete provisioning policy', AS['x-simulator-actor'], p],
      ],
    );
    assert.match(
      refused[0].displayName,
      /^Reboot Cloud PC refused: The Cloud PC .* reboot needs a provisioned Cloud PC\.$/,
    );
    assert.match(refused[3].displayName, /refused: .*remove its assignments before deleting it\.$/);
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, queued.status);
  });

  it('tells listeners which Cloud PC a rename changed, so a view redraws that row (the live sidebar)', async () => {
    const sim = new Simulator(createSeedData('empty'));
    const t = new TenantClient(handlerTransport(createSimulatorHandler(sim)));
    const { u } = await onePc(t);
    await t.advance({ hours: 3 });
    const [pc] = await t.cloudPcsOf(u.upn);
    const seen: string[] = [];
    const listening = sim.onDidChange((e) => seen.push(`${e.kind} ${e.id} ${e.change}`));
    await t.ok('POST', `${VE}/cloudPCs/${pc.id}/rename`, { displayName: 'Ana desk' }, AS);
    listening.dispose();
    assert.ok(seen.includes(`cloudPc ${pc.id} updated`), seen.join(', '));
  });

  it('records each action once, with its actor, its resource and what changed', async () => {
    const t = tenant();
    const { u, p, g } = await onePc(t);
    const [queued] = await t.cloudPcsOf(u.upn);
    const early = await t.call('POST', `${VE}/cloudPCs/${queued.id}/reboot`, '{}', AS);
    assert.deepEqual([early.status, early.json.error.innerError.code], [400, 'InvalidCloudPcStatus']);
    assert.match(early.json.error.innerError.message, /is notProvisioned; reboot needs a provisioned Cloud PC/);
    // A refused action changes nothing; it is recorded as refused (its own test below), not among these.
    for (const action of ['reprovision', 'endGracePeriod'])
      assert.equal((await t.call('POST', `${VE}/cloudPCs/${queued.id}/${action}`, '{}', AS)).status, 400, action);
    await t.advance({ hours: 3 });
    const [pc] = await t.cloudPcsOf(u.upn);
    await t.ok('POST', `${VE}/cloudPCs/${pc.id}/rename`, { displayName: 'Ana desk' }, AS);
    await t.ok('POST', `${VE}/cloudPCs/${pc.id}/reboot`, {}, AS);
    await t.ok('POST', `${VE}/cloudPCs/${pc.id}/troubleshoot`, {}, AS);
    await t.ok('PATCH', `${VE}/provisioningPolicies/${p}`, { enableSingleSignOn: true });
    await t.ok(
      'POST',
      `${VE}/provisioningPolicies/applyConfig`,
      { cloudPcIds: [pc.id], policySettings: 'singleSignOn' },
      AS,
    );
    await t.advance({ hours: 1 });
    assert.equal(
      (await t.cloudPcsOf(u.upn))[0].connectionSetting.enableSingleSignOn,
      true,
      'applyConfig pushed single sign-on',
    );
    await t.ok('PATCH', `${VE}/provisioningPolicies/${p}`, {
      domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'westus3', regionGroup: 'usWest' }],
    });
    await t.ok('POST', `${VE}/provisioningPolicies/${p}/apply`, { policySettings: 'region' }, AS);
    await t.advance({ hours: 1 });
    await t.ok('POST', `${VE}/cloudPCs/${pc.id}/reprovision`, {}, AS);
    await t.ok('POST', `${VE}/provisioningPolicies/${p}/retry`, undefined, AS);
    await t.advance({ hours: 3 });
    const [renamed] = await t.cloudPcsOf(u.upn);
    await t.removeMember(g, u.id);
    await t.ok('POST', `${VE}/cloudPCs/${pc.id}/endGracePeriod`, {}, AS);
    const events = (await t.ok('GET', `${VE}/auditEvents`)).json.value
      .filter(
        (e: { actor: { userPrincipalName: string }; activityResult: string }) =>
          e.actor.userPrincipalName === AS['x-simulator-actor'] && e.activityResult === 'success',
      )
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      .map((e: any) => [
        e.activity,
        e.activityType,
        e.activityOperationType,
        e.resources[0].type,
        e.resources[0].resourceId,
        e.resources[0].displayName,
        e.resources[0].modifiedProperties.map(
          (m: { displayName: string; oldValue: string | null; newValue: string }) => [
            m.displayName,
            m.oldValue,
            m.newValue,
          ],
        ),
      ]);
    const pcAs = (name: string) => ['cloudPC', pc.id, name];
    assert.deepEqual(events, [
      ['Rename Cloud PC', 'RenameCloudPc', 'patch', ...pcAs('Ana desk'), [['displayName', pc.displayName, 'Ana desk']]],
      ['Reboot Cloud PC', 'RebootCloudPc', 'patch', ...pcAs('Ana desk'), []],
      ['Troubleshoot Cloud PC', 'TroubleshootCloudPc', 'patch', ...pcAs('Ana desk'), []],
      [
        'Apply provisioning policy configuration',
        'ApplyConfig',
        'patch',
        'cloudPcProvisioningPolicy',
        'applyConfig',
        null,
        [['cloudPcIds', null, JSON.stringify([pc.id])]],
      ],
      [
        'Apply provisioning policy',
        'ApplyProvisioningPolicy',
        'patch',
        'cloudPcProvisioningPolicy',
        p,
        'Desk',
        [
          ['policySettings', null, 'region'],
          ['cloudPcsChanged', null, '1'],
        ],
      ],
      [
        'Reprovision Cloud PC',
        'ReprovisionCloudPc',
        'patch',
        ...pcAs('Ana desk'),
        [['managedDeviceName', pc.managedDeviceName, renamed.managedDeviceName]],
      ],
      [
        'Retry provisioning policy',
        'RetryProvisioningPolicy',
        'patch',
        'cloudPcProvisioningPolicy',
        p,
        'Desk',
        [['cloudPcsRetried', null, '0']],
      ],
      ['End Cloud PC grace period', 'EndGracePeriod', 'delete', ...pcAs('Ana desk'), []],
    ]);
    assert.notEqual(renamed.managedDeviceName, pc.managedDeviceName);
  });

  it('answers 404 for an unknown Cloud PC or policy, and records nothing', async () => {
    const t = tenant();
    const unknown = '00000000-0000-0000-0000-00000000beef';
    for (const [url, body] of [
      [`${VE}/cloudPCs/${unknown}/rename`, { displayName: 'x' }],
      [`${VE}/cloudPCs/${unknown}/reboot`, {}],
      [`${VE}/cloudPCs/${unknown}/troubleshoot`, {}],
      [`${VE}/cloudPCs/${unknown}/reprovision`, {}],
      [`${VE}/cloudPCs/${unknown}/endGracePeriod`, {}],
      [`${VE}/provisioningPolicies/${unknown}/apply`, { policySettings: 'region' }],
      [`${VE}/provisioningPolicies/${unknown}/retry`, undefined],
    ] as const) {
      const r = await t.call('POST', url, body === undefined ? undefined : JSON.stringify(body), AS);
      assert.deepEqual([r.status, r.json.error.code], [404, 'ResourceNotFound'], url);
      assert.match(r.json.error.message, new RegExp(unknown), url);
    }
    const events = (await t.ok('GET', `${VE}/auditEvents`)).json.value.filter(
      (e: { actor: { userPrincipalName: string } }) => e.actor.userPrincipalName === AS['x-simulator-actor'],
    );
    assert.deepEqual(events, []);
  });
});
