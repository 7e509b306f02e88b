// Nothing lost (docs/simulator.md, "Durable state"): a change whose journal record could not be written is
// not applied (503 "the simulator could not save its state", no path); the clock and time scale stay in
// range; --state refuses what is not ours; a state that no longer loads is set aside, never dropped; the
// audit actor's IP address survives a replay.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SimulatorService } from '../../../src/core/simulator/hosting/simulatorService';
import type { JournalIo } from '../../../src/core/simulator/statePersistence';
import { StateRefusedError } from '../../../src/core/simulator/stateFileCheck';
import { runSimulator } from '../../../src/cli/simulatorCommand';
import { TenantClient, handlerTransport, VE } from './tenantClient';
import { tempState, folderSnapshot } from './serveProcess';

/** fs, except that writes fail while `failing` is set (a full disk, a yanked drive). */
function flakyIo(): JournalIo & { failing: boolean } {
  const io = {
    ...fs,
    failing: false,
    writeSync: ((fd: number, buf: Uint8Array, offset: number, length: number) => {
      if (io.failing) {
        // Half a record reaches the disk, then the device gives up.
        fs.writeSync(fd, buf, offset, Math.min(10, length));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }
      return fs.writeSync(fd, buf, offset, length);
    }) as unknown as typeof fs.writeSync,
  };
  return io;
}

async function cli(args: string[], cwd = process.cwd()): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const abort = new AbortController();
  const code = await runSimulator(
    args,
    { stdout: (s) => (s.startsWith('listening') ? abort.abort() : undefined), stderr: (s) => (stderr += s), cwd },
    { signal: abort.signal },
  );
  return { code, stderr };
}

describe('simulator state under faults', () => {
  it('does not keep a change whose journal record failed: 503 in the envelope, no path, ids stay in step', async () => {
    const file = tempState();
    const io = flakyIo();
    const a = SimulatorService.open({
      seed: 'empty',
      statePath: file,
      timeScale: 0,
      journalIo: io,
      log: () => undefined,
    });
    const t = new TenantClient(handlerTransport(a.handler));
    await t.user('Before');
    io.failing = true;
    const r = await t.call(
      'POST',
      '/v1.0/users',
      JSON.stringify({ displayName: 'Lost', userPrincipalName: 'lost@contoso.onmicrosoft.com' }),
    );
    assert.equal(r.status, 503);
    assert.equal(r.json.error.message, 'the simulator could not save its state');
    assert.doesNotMatch(r.text!, new RegExp(path.basename(path.dirname(file))));
    assert.equal(a.simulator.users.size, 1, 'the refused change is not in memory');
    io.failing = false;
    const after = await t.user('After');
    // A restart replays exactly what was acknowledged, under the same ids.
    const b = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0 });
    assert.deepEqual(
      [...b.simulator.users.values()].map((u) => [u.id, u.displayName]),
      [...a.simulator.users.values()].map((u) => [u.id, u.displayName]),
    );
    assert.ok(b.simulator.users.has(after.id));
    b.close();
  });

  it('checks at start that it can write its state: exit 2 when it cannot', async () => {
    const dir = path.dirname(tempState());
    fs.writeFileSync(path.join(dir, 'plain-file'), 'x');
    const r = await cli(['serve', '--state', path.join(dir, 'plain-file', 'state.json'), '--time-scale', '0']);
    assert.equal(r.code, 2);
    assert.throws(
      () => SimulatorService.open({ statePath: path.join(dir, 'plain-file', 'state.json'), timeScale: 0 }),
      StateRefusedError,
    );
  });

  it('keeps the clock before year 10000: 400 in the envelope, and the tenant keeps working', async () => {
    const s = SimulatorService.open({ seed: 'empty', timeScale: 0 });
    const t = new TenantClient(handlerTransport(s.handler));
    const far = await t.call(
      'POST',
      '/_simulator/clock/advance',
      JSON.stringify({ to: '+275760-09-13T00:00:00.000Z' }),
    );
    assert.equal(far.status, 400);
    assert.equal(far.json.error.innerError.code, 'InvalidProperties');
    assert.equal(
      (await t.call('POST', '/_simulator/clock/advance', JSON.stringify({ to: '9999-12-31T23:00:00Z' }))).status,
      200,
    );
    assert.equal((await t.call('POST', '/_simulator/clock/advance', JSON.stringify({ hours: 2 }))).status, 400);
    assert.equal((await t.call('GET', `${VE}/cloudPCs`)).status, 200);
    assert.equal((await t.call('POST', '/_simulator/reset', JSON.stringify({ seed: 'empty' }))).status, 200);
  });

  it('holds the time scale to 0 or 1–100000: exit 2 outside, RangeError in the API', async () => {
    for (const v of ['10000000000000', '100001', '0.5'])
      assert.equal((await cli(['serve', '--time-scale', v])).code, 2, v);
    assert.throws(() => SimulatorService.open({ timeScale: 1e13 }), RangeError);
  });

  it('sets aside a state of ours whose clock is out of range, says where, and starts from the seed', () => {
    const file = tempState();
    const a = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0 });
    a.close();
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    saved.data.now = 8.64e15;
    fs.writeFileSync(file, JSON.stringify(saved));
    const log: string[] = [];
    const b = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0, log: (m) => log.push(m) });
    const aside = fs.readdirSync(path.dirname(file)).filter((f) => /^state\.json\.corrupt-/.test(f));
    assert.equal(aside.length, 1);
    assert.match(log.join('\n'), new RegExp(aside[0]));
    assert.equal(JSON.parse(fs.readFileSync(path.join(path.dirname(file), aside[0]), 'utf8')).data.now, 8.64e15);
    assert.ok(b.simulator.now() < 8.64e15);
    b.close();
  });

  it('refuses a directory, a foreign file and `.` with exit 2 and leaves them untouched', async () => {
    const dir = path.dirname(tempState());
    fs.writeFileSync(path.join(dir, 'notes.json'), '{"mine": true}');
    fs.mkdirSync(path.join(dir, 'folder'));
    const before = folderSnapshot(dir);
    for (const state of ['notes.json', 'folder', '.']) {
      const r = await cli(['serve', '--state', state, '--time-scale', '0'], dir);
      assert.equal(r.code, 2, state);
      assert.match(r.stderr, /Left it untouched/);
    }
    assert.deepEqual(folderSnapshot(dir), before);
    assert.throws(
      () => SimulatorService.open({ statePath: path.join(dir, 'notes.json'), timeScale: 0 }),
      StateRefusedError,
    );
  });

  it("keeps the audit actor's IP address over a journal replay", async () => {
    const file = tempState();
    const a = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0 });
    const t = new TenantClient(handlerTransport(a.handler));
    await t.ok(
      'POST',
      `${VE}/provisioningPolicies`,
      {
        displayName: 'IP',
        imageId: 'microsoftwindowsdesktop_windows-ent-cpc_win11-24h2-ent-cpc-m365',
        imageType: 'gallery',
        provisioningType: 'dedicated',
        domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'automatic', regionGroup: 'usEast' }],
      },
      { 'x-forwarded-for': '203.0.113.7' },
    );
    const ips = (s: SimulatorService) => s.simulator.auditEvents.map((e) => e.actor.ipAddress);
    assert.deepEqual(ips(a), ['203.0.113.7']);
    const b = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0 });
    assert.deepEqual(ips(b), ips(a));
    b.close();
  });
});
