// The simulator as a local Windows 365 emulator (think Azurite): node:http on 127.0.0.1 only, the same
// RestHandler as in process. Any bearer token, or none, is accepted: it is a local emulator, not a security
// boundary. Bodies above the limit get 413 in the envelope; the rest of the contract is the handler's.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { RestHandler } from '../model/rest';
import { DEFAULT_MAX_BODY_BYTES } from './simulatorHandler';

export interface SimulatorServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

export interface SimulatorServerOptions {
  handler: RestHandler;
  port?: number;
  maxBodyBytes?: number;
}

export function startSimulatorServer(options: SimulatorServerOptions): Promise<SimulatorServer> {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Keep draining so the client can read our answer, but stop buffering.
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      const send = (status: number, h: Record<string, string>, body?: string) => {
        if (res.headersSent || res.destroyed) return;
        res.writeHead(status, h);
        res.end(body);
      };
      if (tooLarge) {
        // Request ids are not state: a random one is fine here.
        const requestId = randomUUID();
        const clientRequestId = headers['client-request-id'] || requestId;
        send(413, { 'content-type': 'application/json', connection: 'close', 'request-id': requestId, 'client-request-id': clientRequestId }, JSON.stringify({
          error: {
            code: 'requestEntityTooLarge', message: `The request body is larger than ${limit} bytes.`,
            innerError: { code: 'RequestEntityTooLarge', 'request-id': requestId, 'client-request-id': clientRequestId, date: new Date().toISOString() },
          },
        }));
        return;
      }
      const body = chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined;
      options.handler({ method: req.method ?? 'GET', url: req.url ?? '/', headers, body }).then(
        (r) => send(r.status, r.headers, r.body),
        (err: unknown) => send(500, { 'content-type': 'application/json' }, JSON.stringify({ error: { code: 'internalServerError', message: String(err) } })),
      );
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      resolve({
        port,
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}
