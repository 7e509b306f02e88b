// A full disk (docs/simulator.md, "Durable state"): a change whose journal record did not reach the disk whole
// is not acknowledged (503 in the Graph envelope, memory unchanged); a snapshot that did not reach the disk
// whole never replaces the good one and never empties the journal; a crash after any single file system call
// of a write or a snapshot keeps every acknowledged change and shows no unacknowledged one half-made.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SimulatorService } from '../../../src/core/simulator/hosting/simulatorService';
import type { StateIo } from '../../../src/core/simulator/statePersistence';
import { TenantClient, handlerTransport, VE } from './tenantClient';
import { tempState } from './serveProcess';

/** Bytes of the regular files in `dir`: what a small file system of its own would hold. */
function used(dir: string): number {
  let n = 0;
  for (const f of fs.readdirSync(dir)) {
    const st = fs.lstatSync(path.join(dir, f));
    if (st.isFile()) n += st.size;
  }
  return n;
}

/** fs on a disk of `capacity` bytes: a write past the end is cut short (as write(2) is), the next fails ENOSPC. */
function smallDisk(dir: string, capacity: number): StateIo & { capacity: number } {
  const io = {
    ...fs,
    capacity,
    writeSync: ((fd: number, buf: Uint8Array, offset: number, length: number) => {
      const free = io.capacity - used(dir);
      if (free <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return fs.writeSync(fd, buf, offset, Math.min(length, free));
    }) as unknown as typeof fs.writeSync,
  };
  return io;
}

function policyBody(i: number, padTo: number): string {
  return JSON.stringify({
    '@odata.type': '#microsoft.graph.cloudPcProvisioningPolicy',
    displayName: `Disk ${i}`,
    description: 'x'.repeat(padTo),
    provisioningType: 'dedicated',
    imageType: 'gallery',
    imageId: 'microsoftwindowsdesktop_windows-ent-cpc_win11-24h2-ent-cpc-m365',
    domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', type: 'azureADJoin', regionName: 'automatic' }],
  });
}

const policyNames = (s: SimulatorService): string[] =>
  s.simulator
    .toData()
    .policies.map((p) => p.policy.displayName)
    .sort();

describe('simulator state on a full disk', () => {
  it('does not acknowledge a record cut short: 503 in the envelope, memory unchanged, later writes survive', async () => {
    const file = tempState();
    const dir = path.dirname(file);
    const io = smallDisk(dir, 1 << 20);
    const a = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0, journalIo: io });
    const t = new TenantClient(handlerTransport(a.handler));
    assert.equal((await t.call('POST', `${VE}/provisioningPolicies`, policyBody(1, 100))).status, 201);
    io.capacity = used(dir) + 8 * 1024;
    const big = await t.call('POST', `${VE}/provisioningPolicies`, policyBody(2, 20 * 1024));
    assert.equal(big.status, 503);
    assert.equal(big.json.error.code, 'serviceUnavailable');
    assert.deepEqual(policyNames(a), ['Disk 1']);
    assert.equal((await t.call('POST', `${VE}/provisioningPolicies`, policyBody(3, 100))).status, 201);
    assert.equal((await t.call('POST', `${VE}/provisioningPolicies`, policyBody(4, 100))).status, 201);
    const log: string[] = [];
    const b = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0, log: (m) => log.push(m) });
    assert.deepEqual(policyNames(b), ['Disk 1', 'Disk 3', 'Disk 4']);
    assert.deepEqual(log, []);
    b.close();
  });

  it('keeps the good snapshot and the journal when the snapshot at shutdown does not fit', async () => {
    const file = tempState();
    const dir = path.dirname(file);
    const io = smallDisk(dir, 1 << 20);
    const log: string[] = [];
    const a = SimulatorService.open({
      seed: 'empty',
      statePath: file,
      timeScale: 0,
      journalIo: io,
      log: (m) => log.push(m),
    });
    const t = new TenantClient(handlerTransport(a.handler));
    for (let i = 0; i < 5; i++)
      assert.equal((await t.call('POST', `${VE}/provisioningPolicies`, policyBody(i, 6 * 1024))).status, 201);
    const goodSnapshot = fs.readFileSync(file, 'utf8');
    io.capacity = used(dir) + 20 * 1024;
    a.close();
    assert.match(log.join('\n'), /could not write a snapshot.*ENOSPC/);
    assert.equal(fs.readFileSync(file, 'utf8'), goodSnapshot, 'the good snapshot is not replaced');
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.includes('.tmp-')),
      [],
    );
    const b = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0 });
    assert.deepEqual(policyNames(b), ['Disk 0', 'Disk 1', 'Disk 2', 'Disk 3', 'Disk 4']);
    b.close();
  });

  describe('a crash after each file system call of writes and snapshots', () => {
    class Crash extends Error {}
    const CALLS = ['openSync', 'writeSync', 'fsyncSync', 'closeSync', 'ftruncateSync', 'renameSync', 'unlinkSync'];

    /** fs that dies after its `limit`-th call: that call may write half its bytes, nothing after it runs. */
    function crashingIo(limit: number): { io: StateIo; calls: string[]; fds: Set<number> } {
      const calls: string[] = [];
      const fds = new Set<number>();
      const io: Record<string, unknown> = { ...fs };
      for (const name of CALLS)
        io[name] = (...args: unknown[]) => {
          if (calls.length >= limit) throw new Crash('crashed');
          calls.push(name);
          if (name === 'writeSync' && calls.length === limit) {
            // The last call before the crash: half of it reaches the disk.
            const [fd, buf, offset = 0, length = (buf as Uint8Array).byteLength - (offset as number)] = args as [
              number,
              Uint8Array,
              number?,
              number?,
            ];
            fs.writeSync(fd, buf, offset, Math.ceil(length / 2));
            throw new Crash('crashed mid-write');
          }
          const r = (fs as unknown as Record<string, (...a: unknown[]) => unknown>)[name](...args);
          if (name === 'openSync') fds.add(r as number);
          if (name === 'closeSync') fds.delete(args[0] as number);
          return r;
        };
      return { io: io as unknown as StateIo, calls, fds };
    }

    /** Five users, a snapshot every two records, then a clean close. Returns the names acknowledged. */
    async function scenario(file: string, io: StateIo): Promise<string[]> {
      const acked: string[] = [];
      let s: SimulatorService;
      try {
        s = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0, snapshotEvery: 2, journalIo: io });
      } catch {
        return acked;
      }
      const t = new TenantClient(handlerTransport(s.handler));
      for (let i = 0; i < 5; i++) {
        const name = `Crash ${i}`;
        let r;
        try {
          r = await t.call(
            'POST',
            '/v1.0/users',
            JSON.stringify({ displayName: name, userPrincipalName: `c${i}@contoso.onmicrosoft.com` }),
          );
        } catch (err) {
          if (err instanceof Crash) return acked;
          throw err;
        }
        if (r.status === 201) acked.push(name);
      }
      try {
        s.close();
      } catch {
        // a crash during the final snapshot
      }
      return acked;
    }

    it('keeps every acknowledged change and shows no half-made one, whatever call the crash follows', async () => {
      const probe = crashingIo(Infinity);
      const all = await scenario(tempState(), probe.io);
      assert.equal(all.length, 5);
      const total = probe.calls.length;
      assert.ok(total > 30, `the scenario makes ${total} calls`);
      for (let k = 1; k <= total; k++) {
        const file = tempState();
        const run = crashingIo(k);
        const acked = await scenario(file, run.io);
        for (const fd of run.fds) fs.closeSync(fd);
        const log: string[] = [];
        const b = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0, log: (m) => log.push(m) });
        const names = [...b.simulator.users.values()].map((u) => u.displayName);
        const where = `crash after call ${k} (${run.calls[k - 1]}) of ${total}`;
        for (const n of acked) assert.ok(names.includes(n), `${where}: acknowledged ${n} is lost`);
        // An unacknowledged change may be there whole (its record was durable), never in part.
        assert.deepEqual(names, all.slice(0, names.length), where);
        assert.doesNotMatch(log.join('\n'), /corrupt|cannot be replayed/, where);
        b.close();
      }
    });
  });
});
