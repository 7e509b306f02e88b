// Durable state: acknowledged changes survive a SIGKILL at any moment, the state always loads, and corrupt
// files are moved aside and reported, never silently replaced.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SimulatorService } from '../../../src/core/simulator/hosting/simulatorService';
import { TenantClient, handlerTransport } from './tenantClient';
import { mustServe, tempState } from './serveProcess';
import type { Served } from './serveProcess';
import { rounds } from './soakLevel';

describe('simulator durable state', () => {
  it('reloads exactly the state it had, without a clean shutdown', async () => {
    const file = tempState();
    const a = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0, snapshotEvery: 7 });
    const t = new TenantClient(handlerTransport(a.handler));
    const u = await t.user('Durable User');
    await t.assign(await t.policy(), [await t.group('G', [u.id])]);
    for (let i = 0; i < 10; i++) await t.user(`Bulk ${i}`);
    await t.advance({ hours: 1 });
    const before = JSON.stringify(a.simulator.toData());
    // No close(): as if the process died right after the last response.
    const b = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0 });
    assert.equal(JSON.stringify(b.simulator.toData()), before);
    b.close();
  });

  it('moves a corrupt state file aside, reports it, and starts from the seed', () => {
    const file = tempState();
    fs.writeFileSync(file, '{"format":"cpcpolicy-simulator-state", "data": {tru');
    const log: string[] = [];
    const s = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0, log: (m) => log.push(m) });
    assert.match(log.join('\n'), /corrupt/);
    const aside = fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith('state.json.corrupt-'));
    assert.equal(aside.length, 1);
    assert.match(fs.readFileSync(path.join(path.dirname(file), aside[0]), 'utf8'), /data": \{tru/);
    assert.equal(s.simulator.users.size, 0);
    s.close();
  });

  it('ignores a torn last journal record (never acknowledged) and reports it', async () => {
    const file = tempState();
    const a = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0 });
    await new TenantClient(handlerTransport(a.handler)).user('Kept');
    fs.appendFileSync(`${file}.journal`, '{"seq":99,"t":17,"req":{"method":"POST","url":"/v1.0/us');
    const log: string[] = [];
    const b = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0, log: (m) => log.push(m) });
    assert.equal(b.simulator.users.size, 1);
    assert.match(log.join(), /incomplete last journal record/);
    b.close();
  });

  it('does not replay a last record whose newline never reached the disk, even one that parses', async () => {
    const file = tempState();
    const a = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0, snapshotEvery: 1000 });
    await new TenantClient(handlerTransport(a.handler)).user('Kept');
    // A whole record for a second user, cut just before its newline: the write was never acknowledged.
    const last = fs.readFileSync(`${file}.journal`, 'utf8').trimEnd().split('\n').pop()!;
    const torn = last.replace(/"seq":\d+/, '"seq":99').replace(/Kept/g, 'Torn');
    fs.appendFileSync(`${file}.journal`, torn);
    const log: string[] = [];
    const b = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0, log: (m) => log.push(m) });
    assert.deepEqual(
      [...b.simulator.users.values()].map((u) => u.displayName),
      ['Kept'],
    );
    assert.match(log.join(), /incomplete last journal record/);
    b.close();
  });

  describe('SIGKILL during a burst of writes', function () {
    this.timeout(rounds(120_000, 1_800_000));

    const start = (file: string): Promise<Served> =>
      mustServe(['--state', file, '--seed', 'empty', '--time-scale', '0']);

    it('keeps every acknowledged change over 10 kill/restart cycles, and the state always loads', async () => {
      const file = tempState();
      const acknowledged = new Set<string>();
      for (let round = 0; round < rounds(10, 100); round++) {
        const { child, url, stderr } = await start(file);
        // Everything acknowledged in earlier rounds is there.
        const users = new Set<string>();
        let next: string | undefined = `${url}/v1.0/users?$top=999&$select=userPrincipalName`;
        while (next) {
          const page = (await (await fetch(next)).json()) as {
            value: { userPrincipalName: string }[];
            '@odata.nextLink'?: string;
          };
          for (const u of page.value) users.add(u.userPrincipalName);
          next = page['@odata.nextLink'];
        }
        for (const upn of acknowledged) assert.ok(users.has(upn), `round ${round}: lost ${upn}; stderr: ${stderr()}`);
        assert.doesNotMatch(stderr(), /corrupt/);
        // A burst of concurrent writes; kill after a varying number of acknowledgements.
        const killAfter = 5 + ((round * 7) % 20);
        let acks = 0;
        const exited = new Promise((r) => child.once('exit', r));
        const writers = Array.from({ length: 8 }, async (_, w) => {
          for (let i = 0; ; i++) {
            const upn = `r${round}w${w}i${i}@contoso.onmicrosoft.com`;
            try {
              const r = await fetch(`${url}/v1.0/users`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ displayName: upn, userPrincipalName: upn }),
              });
              if (r.status === 201) {
                acknowledged.add(upn);
                if (++acks === killAfter) child.kill('SIGKILL');
              }
            } catch {
              return; // connection refused / reset: the server is gone
            }
          }
        });
        await Promise.all(writers);
        await exited;
      }
      const { child, url } = await start(file);
      const count = (
        (await (await fetch(`${url}/v1.0/users?$count=true&$top=1`)).json()) as { '@odata.count': number }
      )['@odata.count'];
      assert.ok(count >= acknowledged.size);
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    });
  });
});
