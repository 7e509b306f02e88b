// One writer per state file (docs/simulator.md, "One writer per state file"): a second server on the same
// --state exits 2 and touches nothing, two started at once leave exactly one serving, and a SIGKILLed
// owner's lock is free at once (the kernel releases it) with every acknowledged change kept.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { folderSnapshot, mustServe, serve, stop, tempState } from './serveProcess';
import type { Served } from './serveProcess';
import { rounds } from './soakLevel';

const ARGS = ['--seed', 'empty', '--time-scale', '0'];

async function addUser(url: string, upn: string): Promise<number> {
  const r = await fetch(`${url}/v1.0/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ displayName: upn, userPrincipalName: upn }),
  });
  await r.text();
  return r.status;
}

async function userIds(url: string): Promise<Map<string, string>> {
  const page = (await (await fetch(`${url}/v1.0/users?$top=999`)).json()) as {
    value: { id: string; userPrincipalName: string }[];
  };
  return new Map(page.value.map((u) => [u.userPrincipalName, u.id]));
}

/** Starts two servers at the same moment; exactly one must serve and the other exit 2. */
async function race(file: string): Promise<Served> {
  const outcomes = await Promise.all([serve(['--state', file, ...ARGS]), serve(['--state', file, ...ARGS])]);
  const served = outcomes.flatMap((o) => ('served' in o ? [o.served] : []));
  const refused = outcomes.flatMap((o) => ('exitCode' in o ? [o] : []));
  // Two serving is the failure under test: stop both before saying so, so no process outlives the test.
  if (served.length !== 1) await Promise.all(served.map((s) => stop(s)));
  assert.equal(served.length, 1, `exactly one serves; refused: ${refused.map((r) => r.stderr).join(' | ')}`);
  assert.equal(refused[0].exitCode, 2);
  assert.match(refused[0].stderr, /is in use by (process \d+|another process)/);
  return served[0];
}

describe('one writer per state file', function () {
  this.timeout(rounds(120_000, 1_800_000));

  it('refuses a second server on the same state with exit 2, before the port check, touching nothing', async () => {
    const file = tempState();
    const a = await mustServe(['--state', file, ...ARGS]);
    try {
      assert.equal(await addUser(a.url, 'first@contoso.onmicrosoft.com'), 201);
      const before = folderSnapshot(path.dirname(file));
      // Same port as the running one: the lock is checked first, so the answer is "in use", not "port in use".
      const port = new URL(a.url).port;
      const second = await serve(['--state', file, ...ARGS, '--port', port]);
      if ('served' in second) await stop(second.served);
      assert.ok('exitCode' in second, 'the second server must not serve');
      assert.equal(second.exitCode, 2);
      assert.match(
        second.stderr,
        new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by process ${a.child.pid}`),
      );
      assert.doesNotMatch(second.stderr, /cannot listen/);
      assert.deepEqual(folderSnapshot(path.dirname(file)), before);
      assert.ok((await userIds(a.url)).has('first@contoso.onmicrosoft.com'));
    } finally {
      await stop(a);
    }
  });

  it('leaves exactly one of two servers started at once serving, round after round', async () => {
    const file = tempState();
    const ids = new Map<string, string>();
    for (let round = 0; round < rounds(1, 25); round++) {
      const winner = await race(file);
      try {
        // Ids handed out before stay the same objects: no second writer forked the tenant.
        const now = await userIds(winner.url);
        for (const [upn, id] of ids) assert.equal(now.get(upn), id, `round ${round}: ${upn} changed id`);
        const upn = `race${round}@contoso.onmicrosoft.com`;
        assert.equal(await addUser(winner.url, upn), 201);
        ids.set(upn, (await userIds(winner.url)).get(upn)!);
      } finally {
        await stop(winner);
      }
    }
  });

  it("takes a SIGKILLed owner's lock over at once and keeps every acknowledged change", async () => {
    const file = tempState();
    const acknowledged = new Map<string, string>();
    let owner = await mustServe(['--state', file, ...ARGS]);
    for (let cycle = 0; cycle < rounds(2, 60); cycle++) {
      const upn = `kill${cycle}@contoso.onmicrosoft.com`;
      assert.equal(await addUser(owner.url, upn), 201);
      acknowledged.set(upn, (await userIds(owner.url)).get(upn)!);
      await stop(owner, 'SIGKILL');
      owner = await race(file);
      const now = await userIds(owner.url);
      for (const [u, id] of acknowledged) assert.equal(now.get(u), id, `cycle ${cycle}: lost or re-numbered ${u}`);
    }
    await stop(owner);
  });
});
