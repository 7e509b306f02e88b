// Two editor windows on one tenant (docs/simulator.md, "Several editor windows"): the first owns the
// simulator and serves it on 127.0.0.1 behind a secret; the second is its client (same ids, change events
// by polling); when the owner is SIGKILLed the client takes over with every acknowledged change.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { SharedSimulator } from '../../../src/core/simulator/hosting/sharedSimulator';
import type { SimulatorChange } from '../../../src/core/simulator/changeEvents';
import { acquireStateLock, readLockOwner } from '../../../src/core/simulator/stateLock';
import { TenantClient, handlerTransport } from './tenantClient';
import { tempState } from './serveProcess';
import { rounds } from './soakLevel';

const root = path.resolve(__dirname, '../../..');

function window(statePath: string): Promise<{ child: ChildProcessWithoutNullStreams; role: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'fixtures/sharedWindow.ts'), statePath],
    { cwd: root },
  );
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /role (\w+)\n/.exec(out);
      if (m) resolve({ child, role: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`window exited ${code}: ${err}`)));
  });
}

async function kill(child: ChildProcessWithoutNullStreams): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

async function until<T>(what: string, probe: () => T | undefined, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a simulator shared by editor windows', function () {
  this.timeout(rounds(60_000, 1_200_000));

  it('makes the second window a client of the first: one tenant, one writer, changes reach both', async () => {
    const file = tempState();
    const first = await window(file);
    const second = new SharedSimulator({
      statePath: file,
      timeScale: 360,
      seed: 'empty',
      log: () => undefined,
      pollMs: 20,
    });
    try {
      assert.equal(first.role, 'owner');
      assert.equal(await second.currentRole(), 'client');
      const owner = readLockOwner(file)!;
      assert.equal(owner.pid, first.child.pid);
      assert.equal(fs.statSync(`${file}.lock`).mode & 0o077, 0, 'the secret is readable by this user only');
      assert.equal((await fetch(`${owner.url}/_simulator/clock`)).status, 401, 'a page without the secret is refused');
      const seen: SimulatorChange[] = [];
      second.onDidChange((c) => seen.push(c));
      const t = new TenantClient(handlerTransport(second.handler));
      const u = await t.user('Shared User');
      await until('the change event', () => seen.find((c) => c.kind === 'user' && c.id === u.id));
      // Paging links come back on the origin the caller used, not the owner's port.
      await t.user('Second User');
      const page = await t.ok('GET', 'https://graph.microsoft.com/v1.0/users?$top=1');
      assert.ok(page.json['@odata.nextLink'].startsWith('https://graph.microsoft.com/v1.0/users?'));
    } finally {
      await kill(first.child);
      await second.dispose();
    }
  });

  it('starts again on the next request after a failed start (a lock held without an endpoint, then released)', async () => {
    const file = tempState();
    const held = await acquireStateLock(file);
    assert.ok(held.ok);
    const sim = new SharedSimulator({
      statePath: file,
      timeScale: 360,
      seed: 'empty',
      log: () => undefined,
      connectTimeoutMs: 200,
    });
    try {
      await assert.rejects(sim.currentRole());
      await held.lock.release();
      const r = await sim.handler({ method: 'GET', url: '/v1.0/users', headers: {} });
      assert.equal(r.status, 200);
      assert.equal(await sim.currentRole(), 'owner');
    } finally {
      await sim.dispose();
    }
  });

  it('reopens in the same window while the previous session is still letting go (a backend switch)', async () => {
    const file = tempState();
    const open = () => new SharedSimulator({ statePath: file, timeScale: 360, seed: 'empty', log: () => undefined });
    const before = open();
    const u = await new TenantClient(handlerTransport(before.handler)).user('Switch');
    const closing = before.dispose();
    const after = open();
    try {
      assert.equal(await after.currentRole(), 'owner');
      const users = (await new TenantClient(handlerTransport(after.handler)).ok('GET', '/v1.0/users')).json.value as {
        id: string;
      }[];
      assert.ok(users.some((x) => x.id === u.id));
    } finally {
      await closing;
      await after.dispose();
    }
  });

  it('lets a client take over when the owner is SIGKILLed, keeping every acknowledged change under its id', async () => {
    const file = tempState();
    const acknowledged = new Map<string, string>();
    const open = () => new SharedSimulator({ statePath: file, timeScale: 360, seed: 'empty', log: () => undefined });
    let owner = await window(file);
    let client = open();
    try {
      for (let cycle = 0; cycle < rounds(2, 30); cycle++) {
        assert.equal(await client.currentRole(), 'client');
        const t = new TenantClient(handlerTransport(client.handler));
        const u = await t.user(`Cycle ${cycle}`);
        acknowledged.set(u.upn, u.id);
        await kill(owner.child);
        // The next request finds the owner gone, takes the lock and reopens the state from disk.
        const users = (await t.ok('GET', '/v1.0/users?$top=999')).json.value as {
          id: string;
          userPrincipalName: string;
        }[];
        assert.equal(await client.currentRole(), 'owner');
        for (const [upn, id] of acknowledged)
          assert.equal(users.find((x) => x.userPrincipalName === upn)?.id, id, `cycle ${cycle}: ${upn}`);
        // Closing this window hands the tenant to the next one.
        await client.dispose();
        owner = await window(file);
        assert.equal(owner.role, 'owner');
        client = open();
      }
    } finally {
      await kill(owner.child);
      await client.dispose();
    }
  });
});
