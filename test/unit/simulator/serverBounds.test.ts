// The local server's resources are bounded (docs/simulator.md, "Limits"): connections past the cap are
// closed at once, bodies buffered at one time have a total cap (503 in the envelope past it), and a body that
// trickles in slower than a floor rate is cut with 408 in the envelope, as a stalled head already is.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { SimulatorService } from '../../../src/core/simulator/hosting/simulatorService';
import { startSimulatorServer } from '../../../src/core/simulator/hosting/simulatorServer';

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });
}

/** Everything the server sends on `s` until it closes it. */
function answer(s: net.Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    s.on('data', (d: Buffer) => (text += d.toString()));
    s.on('close', () => resolve(text));
    s.on('error', () => undefined);
  });
}

const head = (port: number, length: number): string =>
  `POST /v1.0/users HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

describe('the local server keeps its resources bounded', () => {
  it('closes connections past the cap at once, and serves again when they go', async () => {
    const service = SimulatorService.open({ seed: 'empty', timeScale: 0 });
    const server = await startSimulatorServer({ handler: service.handler, port: 0, maxConnections: 4 });
    const held: net.Socket[] = [];
    try {
      for (let i = 0; i < 4; i++) held.push(await connect(server.port));
      const extra = await connect(server.port);
      assert.equal(await answer(extra), '', 'closed without an answer');
      for (const s of held) s.destroy();
      held.length = 0;
      let text = '';
      for (const deadline = Date.now() + 5000; !text.startsWith('HTTP/1.1 200') && Date.now() < deadline;) {
        const s = await connect(server.port);
        const reply = answer(s);
        s.write(`GET /_simulator/clock HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`);
        text = await reply;
      }
      assert.match(text, /^HTTP\/1\.1 200 /, 'serves again once the held connections are gone');
    } finally {
      for (const s of held) s.destroy();
      await server.close();
      service.close();
    }
  });

  it('answers 503 in the envelope once the bodies buffered at one time pass their total cap', async () => {
    const service = SimulatorService.open({ seed: 'empty', timeScale: 0 });
    const server = await startSimulatorServer({
      handler: service.handler,
      port: 0,
      maxBufferedBytes: 64 * 1024,
    });
    const held: net.Socket[] = [];
    try {
      // Three unfinished 40 KB bodies: the first fits, the next push the total past 64 KB.
      const answers: Promise<string>[] = [];
      for (let i = 0; i < 3; i++) {
        const s = await connect(server.port);
        held.push(s);
        answers.push(answer(s));
        s.write(head(server.port, 100 * 1024) + 'x'.repeat(40 * 1024));
      }
      const refused = await Promise.race(answers);
      assert.match(refused, /^HTTP\/1\.1 503 /);
      assert.match(refused, /"code":"serviceUnavailable"/);
    } finally {
      for (const s of held) s.destroy();
      await server.close();
      service.close();
    }
  });

  it('cuts a body that trickles slower than the floor rate with 408 in the envelope', async () => {
    const service = SimulatorService.open({ seed: 'empty', timeScale: 0 });
    const server = await startSimulatorServer({
      handler: service.handler,
      port: 0,
      timeouts: { headersMs: 30_000, requestMs: 120_000, checkEveryMs: 100, bodyFloorBytesPerSecond: 1024 },
    });
    const s = await connect(server.port);
    const reply = answer(s);
    s.write(head(server.port, 1000) + '{');
    try {
      const text = await reply;
      assert.match(text, /^HTTP\/1\.1 408 /);
      assert.match(text, /"code":"requestTimeout"/);
    } finally {
      s.destroy();
      await server.close();
      service.close();
    }
  });
});
