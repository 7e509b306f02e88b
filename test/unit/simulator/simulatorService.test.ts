// The in-process API the extension uses: scaled real time (injected clock and timers, no sleeps), change
// events driven by the timer alone, typed controls.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SimulatorService } from '../../../src/core/simulator/hosting/simulatorService';
import type { TimerApi } from '../../../src/core/simulator/hosting/simulatorService';
import { TenantClient, handlerTransport } from './tenantClient';

class FakeTime implements TimerApi {
  now = 1_000_000;
  private timers = new Map<number, { fn: () => void; at: number }>();
  private next = 0;
  setTimeout(fn: () => void, ms: number): unknown {
    this.timers.set(++this.next, { fn, at: this.now + ms });
    return this.next;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  /** Moves real time forward, firing timers as they fall due. */
  pass(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = Math.max(this.now, due[1].at);
      due[1].fn();
    }
    this.now = end;
  }
}

describe('SimulatorService (in-process API)', () => {
  it('runs in scaled real time: a provisioning takes about 20 real seconds at the default scale', async () => {
    const time = new FakeTime();
    const service = SimulatorService.open({ seed: 'empty', realClock: { now: () => time.now }, timers: time });
    const t = new TenantClient(handlerTransport(service.handler));
    const u = await t.user('Scaled');
    await t.assign(await t.policy(), [await t.group('G', [u.id])]);
    const changes: string[] = [];
    const sub = service.onDidChange((c) => c.kind === 'cloudPc' && changes.push(c.id));
    time.pass(10_000);
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'provisioning');
    time.pass(15_000);
    // The timer alone moved the state: listeners heard it without any request.
    assert.ok(changes.length >= 2);
    assert.equal((await t.cloudPcsOf(u.upn))[0].status, 'provisioned');
    sub.dispose();
    service.close();
  });

  it('journals time that passed in scaled mode, so a restart does not rewind provisioning', async () => {
    const statePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpcsim-')), 'state.json');
    const time = new FakeTime();
    const a = SimulatorService.open({ seed: 'empty', statePath, realClock: { now: () => time.now }, timers: time });
    const t = new TenantClient(handlerTransport(a.handler));
    const u = await t.user('Ticks');
    await t.assign(await t.policy(), [await t.group('G', [u.id])]);
    time.pass(25_000);
    assert.equal(a.simulator.cloudPcs.size, 1);
    assert.equal([...a.simulator.cloudPcs.values()][0].status, 'provisioned');
    // No close(): reopen the files as a crash would leave them.
    const b = SimulatorService.open({ seed: 'empty', statePath, timeScale: 0 });
    assert.equal([...b.simulator.cloudPcs.values()][0].status, 'provisioned');
    b.close();
  });

  it('offers typed controls: advance, faults, connection health, reset', async () => {
    const service = SimulatorService.open({ seed: 'demo', timeScale: 0 });
    const start = service.now();
    const iso = await service.advance({ hours: 2 });
    assert.equal(Date.parse(iso), start + 2 * 3600_000);
    await service.addFault({ userPrincipalName: 'nobody@contoso.onmicrosoft.com', count: 1 });
    assert.equal(service.simulator.faults.length, 1);
    const failing = [...service.simulator.connections.values()].find((c) => c.healthCheckStatus === 'failed')!;
    await service.setConnectionHealth(failing.id, 'passed');
    assert.equal(service.simulator.connections.get(failing.id)!.healthCheckStatus, 'passed');
    await service.reset('empty');
    assert.equal(service.simulator.users.size, 0);
    await assert.rejects(service.setConnectionHealth('nope', 'passed'), /nope/);
    service.close();
  });
});
