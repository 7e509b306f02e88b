// Rounds of the faults `npm run soak` repeats (docs/simulator.md, "Durable state" and "Limits"): a disk that
// fills during a burst of writes over HTTP (acknowledged writes after a restart = acknowledged writes before),
// and clients holding unfinished bodies (the server's memory stays bounded and returns near its idle size).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { SimulatorService } from '../../../src/core/simulator/hosting/simulatorService';
import { startSimulatorServer } from '../../../src/core/simulator/hosting/simulatorServer';
import type { StateIo } from '../../../src/core/simulator/statePersistence';
import { TenantClient, fetchTransport } from './tenantClient';
import { mustServe, stop, tempState } from './serveProcess';
import { SOAK, rounds } from './soakLevel';

function used(dir: string): number {
  return fs.readdirSync(dir).reduce((n, f) => {
    const st = fs.lstatSync(path.join(dir, f));
    return st.isFile() ? n + st.size : n;
  }, 0);
}

/** fs on a disk of `capacity` bytes: writes past it are cut short, then fail ENOSPC (write(2) on a full disk). */
function smallDisk(dir: string): StateIo & { capacity: number } {
  const io = {
    ...fs,
    capacity: Infinity,
    writeSync: ((fd: number, buf: Uint8Array, offset: number, length: number) => {
      const free = io.capacity - used(dir);
      if (free <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return fs.writeSync(fd, buf, offset, Math.min(length, free));
    }) as unknown as typeof fs.writeSync,
  };
  return io;
}

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

describe('fault rounds (bounded here, many in npm run soak)', function () {
  this.timeout(rounds(60_000, 1_800_000));

  it('a disk that fills during bursts over HTTP: acknowledged writes after restart = before, every round', async () => {
    const file = tempState();
    const dir = path.dirname(file);
    let acked = 0;
    let refused = 0;
    for (let round = 0; round < rounds(3, 25); round++) {
      const io = smallDisk(dir);
      const service = SimulatorService.open({
        seed: 'empty',
        statePath: file,
        timeScale: 0,
        journalIo: io,
        snapshotEvery: 7,
      });
      assert.equal(service.simulator.users.size, acked, `round ${round}: after restart`);
      const server = await startSimulatorServer({ handler: service.handler, port: 0 });
      const t = new TenantClient(fetchTransport(server.url));
      // The disk fills part way through the burst: some writes are refused (503), none half-made.
      io.capacity = used(dir) + 3_000 + round * 97;
      for (let i = 0; i < 30; i++) {
        const r = await t.call(
          'POST',
          '/v1.0/users',
          JSON.stringify({
            displayName: `R${round} U${i} ${'x'.repeat(i * 13)}`,
            userPrincipalName: `r${round}u${i}@contoso.onmicrosoft.com`,
          }),
        );
        assert.ok(r.status === 201 || r.status === 503, `${r.status}`);
        if (r.status === 201) acked++;
        else refused++;
      }
      assert.equal(service.simulator.users.size, acked);
      await server.close();
      service.close();
    }
    assert.ok(refused > 0 && acked > 0, `${acked} acknowledged, ${refused} refused`);
    const last = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0 });
    assert.equal(last.simulator.users.size, acked);
    last.close();
  });

  (SOAK && process.platform === 'linux' ? it : it.skip)(
    'clients holding unfinished 3 MB bodies: memory stays bounded and returns near idle (soak only)',
    async () => {
      const served = await mustServe(['--seed', 'empty', '--time-scale', '0']);
      const port = Number(new URL(served.url).port);
      const pid = served.child.pid!;
      try {
        const idle = rssOf(pid);
        let peak = idle;
        for (let round = 0; round < 3; round++) {
          const sockets: net.Socket[] = [];
          for (let i = 0; i < 250; i++) {
            const s = net.connect(port, '127.0.0.1');
            s.on('error', () => undefined);
            s.write(
              `POST /v1.0/users HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${3 * 1024 * 1024}\r\n\r\n`,
            );
            s.write(Buffer.alloc(3 * 1024 * 1024 - 1, 0x20));
            sockets.push(s);
          }
          for (let i = 0; i < 20; i++) {
            peak = Math.max(peak, rssOf(pid));
            await new Promise((r) => setTimeout(r, 250));
          }
          // The clients give up (the floor's 408 has a test of its own): what they held must be let go.
          for (const s of sockets) s.destroy();
        }
        let now = rssOf(pid);
        for (const deadline = Date.now() + 60_000; now > idle + 96 * 1024 * 1024 && Date.now() < deadline;) {
          await new Promise((r) => setTimeout(r, 500));
          now = rssOf(pid);
        }
        const mb = (n: number) => Math.round(n / 1024 / 1024);
        console.log(`      [soak] server RSS: idle ${mb(idle)} MB, peak ${mb(peak)} MB, after ${mb(now)} MB`);
        assert.ok(peak < idle + 256 * 1024 * 1024, `peak ${mb(peak)} MB over idle ${mb(idle)} MB`);
        assert.ok(now <= idle + 96 * 1024 * 1024, `after ${mb(now)} MB, idle ${mb(idle)} MB`);
      } finally {
        await stop(served);
      }
    },
  );
});
