// The machinery behind the 100,000-user benchmarks must not change behaviour: the per-Cloud-PC JSON cache
// follows every change, the batched scheduler keeps (time, sequence) order and persists without references,
// and device names stay unique when a template runs out of randomness.
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../src/core/simulator/simulator';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import { cloudPcJson, toGraphCloudPc } from '../../../src/core/simulator/rest/graphShapes';
import { EventScheduler } from '../../../src/core/simulator/eventScheduler';
import type { ScheduledEventKind } from '../../../src/core/simulator/eventScheduler';
import { SKU_ENTERPRISE_2VCPU, IMAGE_WIN11_24H2_M365 } from '../../../src/core/simulator/catalogSeed';
import { HOUR, MINUTE } from '../../../src/core/simulator/timeUnits';
import { TenantClient, handlerTransport, VE } from './tenantClient';

function demo(): { sim: Simulator; t: TenantClient } {
  const sim = new Simulator(createSeedData('demo'));
  return { sim, t: new TenantClient(handlerTransport(createSimulatorHandler(sim))) };
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function assertJsonMatchesShape(sim: Simulator): void {
  for (const c of sim.cloudPcs.values()) {
    for (const evolvable of [false, true])
      assert.equal(cloudPcJson(sim, c, evolvable), JSON.stringify(toGraphCloudPc(sim, c, evolvable)));
  }
}

describe('simulator performance machinery', () => {
  describe('cached Cloud PC JSON', () => {
    it('follows renames of the Cloud PC and of its policy, and the clock', async () => {
      const { sim, t } = demo();
      const before = await t.cloudPcs('?$top=7');
      const pc = before.find((c) => c.status === 'provisioned')!;
      await t.ok('POST', `${VE}/cloudPCs/${pc.id}/rename`, { displayName: 'Renamed "PC" ☃' });
      let after = await t.cloudPcs('?$top=7');
      assert.equal(after.find((c) => c.id === pc.id)!.displayName, 'Renamed "PC" ☃');
      await t.ok('PATCH', `${VE}/provisioningPolicies/${pc.provisioningPolicyId}`, { displayName: 'Policy renamed' });
      after = await t.cloudPcs('?$top=7');
      assert.ok(
        after
          .filter((c) => c.provisioningPolicyId === pc.provisioningPolicyId)
          .every((c) => c.provisioningPolicyName === 'Policy renamed'),
      );
      assertJsonMatchesShape(sim);
      await t.advance({ hours: 8 });
      // First sight of the new inputs builds, the second caches, the third is served from the cache.
      for (let i = 0; i < 3; i++) assertJsonMatchesShape(sim);
      assert.deepEqual(await t.cloudPcs('?$top=7'), await t.cloudPcs('?$top=7'));
    });

    it('sees a change made to a record outside the lifecycle once the simulator reports a change', () => {
      const { sim } = demo();
      const c = [...sim.cloudPcs.values()].find((x) => x.status === 'provisioned')!;
      cloudPcJson(sim, c, false);
      c.regionName = 'westeurope';
      c.statusDetail = { code: 'x', message: 'poked by a test', additionalInformation: [] };
      sim.emit('cloudPc', c.id, 'updated');
      assert.equal(cloudPcJson(sim, c, false), JSON.stringify(toGraphCloudPc(sim, c, false)));
      assert.match(cloudPcJson(sim, c, true), /"deviceRegionName":"westeurope"/);
    });

    it('masks evolvable members unless the client asks for them, in the same cached listing', async () => {
      const { sim, t } = demo();
      const c = [...sim.cloudPcs.values()].find((x) => x.status === 'provisioned')!;
      c.status = 'movingRegion';
      sim.emit('cloudPc', c.id, 'updated');
      const masked = await t.cloudPcs('?$top=100', {});
      const full = await t.cloudPcs('?$top=100');
      assert.equal(masked.find((x) => x.id === c.id)!.status, 'unknownFutureValue');
      assert.equal(full.find((x) => x.id === c.id)!.status, 'movingRegion');
      const selected = (await t.ok('GET', `${VE}/cloudPCs?$top=100&$select=id,status`)).json.value;
      assert.deepEqual(Object.keys(selected[0]), ['id', 'status']);
    });

    it('writes a page body that is the same JSON as the object shapes', async () => {
      const { sim, t } = demo();
      const r = await t.ok('GET', `${VE}/cloudPCs?$top=4`);
      const ids = r.json.value.map((c: { id: string }) => c.id);
      const expected = ids
        .map((id: string) => JSON.stringify(toGraphCloudPc(sim, sim.cloudPcs.get(id)!, false)))
        .join(',');
      assert.ok(r.text!.includes(`"value":[${expected}]}`));
      assert.ok(r.text!.endsWith(`"value":[${expected}]}`));
    });
  });

  describe('event scheduler', () => {
    it('runs in (time, sequence) order, including events a handler adds at the running instant', () => {
      const s = new EventScheduler<{ name: string }>();
      const ran: string[] = [];
      s.schedule(20, 'stageDone', 'b', 0);
      s.schedule(10, 'stageDone', 'a1', 0);
      s.schedule(10, 'settle', 'a2', 0, { name: 'ref' });
      s.schedule(30, 'stageDone', 'late', 0);
      const n = s.runDue(25, (at, kind, target, _gen, ref) => {
        ran.push(`${at}:${kind}:${target}${ref ? `:${ref.name}` : ''}`);
        if (target === 'a1') s.schedule(10, 'graceEnd', 'a3', 1);
        if (target === 'b') s.schedule(22, 'cleanup', 'c', 0);
      });
      assert.equal(n, 5);
      assert.deepEqual(ran, [
        '10:stageDone:a1',
        '10:settle:a2:ref',
        '10:graceEnd:a3',
        '20:stageDone:b',
        '22:cleanup:c',
      ]);
      assert.equal(s.size, 1);
      assert.deepEqual(s.toJSON(), [{ at: 30, seq: 3, kind: 'stageDone', target: 'late', gen: 0 }]);
    });

    it('persists without references and survives a handler that runs the agenda itself', () => {
      const s = new EventScheduler<object>();
      for (let i = 0; i < 5; i++) s.schedule(10, 'stageDone', `t${i}`, 0, {});
      const snapshot = s.toJSON();
      assert.ok(snapshot.every((e) => Object.keys(e).join() === 'at,seq,kind,target,gen'));
      const copy = new EventScheduler<object>();
      copy.load(JSON.parse(JSON.stringify(snapshot)), 0);
      assert.equal(copy.seq, 5);
      const ran: string[] = [];
      const run = (
        _at: number,
        _kind: ScheduledEventKind,
        target: string,
        _gen: number,
        ref: object | undefined,
      ): void => {
        ran.push(target);
        assert.equal(ref, undefined);
        if (target === 't1') copy.runDue(10, run);
      };
      assert.equal(copy.runDue(10, run), 2);
      assert.deepEqual(ran, ['t0', 't1', 't2', 't3', 't4']);
      assert.equal(copy.size, 0);
      assert.equal(copy.peekTime(), undefined);
    });

    it('ignores events queued for a Cloud PC that has been removed', () => {
      const sim = new Simulator(createSeedData('empty'));
      const u = must(sim.createUser({ displayName: 'Leaver', userPrincipalName: 'leaver@contoso.onmicrosoft.com' }));
      must(sim.assignLicense(u.id, [SKU_ENTERPRISE_2VCPU], []));
      const g = must(sim.createGroup({ displayName: 'G' }));
      must(sim.addMember(g.id, u.id));
      const p = must(
        sim.createPolicy({
          displayName: 'P',
          imageType: 'gallery',
          imageId: IMAGE_WIN11_24H2_M365,
          domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'eastus2' }],
        }),
      );
      must(
        sim.assignPolicy(p.policy.id, [
          { groupId: g.id, servicePlanId: null, allotmentDisplayName: null, allotmentLicensesCount: null },
        ]),
      );
      const [pc] = sim.cloudPcs.values();
      // Never provisioned, so losing coverage deprovisions it at once; its queued start must not revive it.
      must(sim.removeMember(g.id, u.id));
      sim.advanceBy(HOUR);
      assert.equal(sim.cloudPcs.size, 0);
      assert.equal(pc.status, 'deprovisioning');
      sim.advanceBy(3 * HOUR);
      assert.equal(pc.status, 'deprovisioning');
      assert.equal(sim.scheduler.size, 0);
    });

    it('gives the same tenant after a snapshot round trip in the middle of provisioning', () => {
      const build = (): Simulator => {
        const sim = new Simulator(
          createSeedData('empty', { units: { e2: 300, e4: 10, frontline: 5 }, randomSeed: 'rt' }),
        );
        const g = must(sim.createGroup({ displayName: 'G' }));
        for (let i = 0; i < 200; i++) {
          const u = must(sim.createUser({ displayName: `U${i}`, userPrincipalName: `u${i}@contoso.onmicrosoft.com` }));
          must(sim.assignLicense(u.id, [SKU_ENTERPRISE_2VCPU], []));
          must(sim.addMember(g.id, u.id));
        }
        const p = must(
          sim.createPolicy({
            displayName: 'P',
            imageType: 'gallery',
            imageId: IMAGE_WIN11_24H2_M365,
            domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'eastus2' }],
          }),
        );
        sim.updateSettings({ failureRate: 0.2 });
        must(
          sim.assignPolicy(p.policy.id, [
            { groupId: g.id, servicePlanId: null, allotmentDisplayName: null, allotmentLicensesCount: null },
          ]),
        );
        sim.advanceBy(70 * MINUTE);
        return sim;
      };
      const straight = build();
      straight.advanceBy(6 * HOUR);
      const restored = new Simulator(JSON.parse(JSON.stringify(build().toData())));
      restored.advanceBy(6 * HOUR);
      assert.equal(JSON.stringify(restored.toData()), JSON.stringify(straight.toData()));
    });
  });

  it('keeps device names unique when the template runs out of random names', () => {
    const sim = new Simulator(createSeedData('empty', { units: { e2: 100, e4: 10, frontline: 5 } }));
    const g = must(sim.createGroup({ displayName: 'G' }));
    for (let i = 0; i < 60; i++) {
      const u = must(sim.createUser({ displayName: `U${i}`, userPrincipalName: `same${i}@contoso.onmicrosoft.com` }));
      must(sim.assignLicense(u.id, [SKU_ENTERPRISE_2VCPU], []));
      must(sim.addMember(g.id, u.id));
    }
    const p = must(
      sim.createPolicy({
        displayName: 'P',
        imageType: 'gallery',
        imageId: IMAGE_WIN11_24H2_M365,
        cloudPcNamingTemplate: 'CPC-%RAND:1%',
        domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'eastus2' }],
      }),
    );
    must(
      sim.assignPolicy(p.policy.id, [
        { groupId: g.id, servicePlanId: null, allotmentDisplayName: null, allotmentLicensesCount: null },
      ]),
    );
    const names = [...sim.cloudPcs.values()].map((c) => c.deviceName.toUpperCase());
    assert.equal(names.length, 60);
    assert.equal(new Set(names).size, 60);
    assert.equal(sim.deviceNames.size, 60);
    assert.ok(names.every((n) => sim.deviceNames.has(n)));
  });
});
