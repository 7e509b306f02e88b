// The simulator as a local Windows 365 emulator (think Azurite): node:http on 127.0.0.1 only, the same
// RestHandler as in process. Any bearer token, or none, is accepted (a local emulator), unless a secret is
// set (the extension's windows sharing one tenant). Host, Origin and content type are checked first
// (requestHygiene.ts); bodies above the limit get 413; every answer, Node's own included, is an envelope.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { RestHandler, RestResponse } from '../../model/rest';
import { DEFAULT_MAX_BODY_BYTES } from '../rest/simulatorHandler';
import { envelopeError } from './envelopeError';
import { checkRequestHead } from './requestHygiene';

export interface SimulatorServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

export interface SimulatorServerOptions {
  handler: RestHandler;
  port?: number;
  maxBodyBytes?: number;
  /** A secret clients must send as their bearer token (omit: any token, or none, is accepted). */
  token?: string;
  /** How long a request's head / whole request may take, and how often Node checks (tests shorten them). */
  timeouts?: Partial<BodyTimeouts>;
  /** Open connections at most; more are closed at once (default 64: a few editor windows and a CLI). */
  maxConnections?: number;
  /** Request bodies buffered at one time, all requests together (default 32 MB: eight bodies of 4 MB). */
  maxBufferedBytes?: number;
}

interface BodyTimeouts {
  headersMs: number;
  requestMs: number;
  checkEveryMs: number;
  /** A body slower than this over a check interval is cut with 408 (default 1 KB/s). */
  bodyFloorBytesPerSecond: number;
}

const DEFAULT_TIMEOUTS: BodyTimeouts = {
  headersMs: 30_000,
  requestMs: 120_000,
  checkEveryMs: 30_000,
  bodyFloorBytesPerSecond: 1024,
};

export function startSimulatorServer(options: SimulatorServerOptions): Promise<SimulatorServer> {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let port = 0;
  const t = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const pool = new BodyPool(options.maxBufferedBytes ?? 32 * 1024 * 1024);
  const server = http.createServer(
    { headersTimeout: t.headersMs, requestTimeout: t.requestMs, connectionsCheckingInterval: t.checkEveryMs },
    (req, res) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      const send = (r: RestResponse) => {
        if (res.headersSent || res.destroyed) return;
        res.writeHead(r.status, r.headers);
        res.end(r.body);
      };
      // Refused before the body is read; the connection closes so an unread body cannot be taken for a request.
      const head = checkRequestHead({ url: req.url ?? '/', headers }, { port, token: options.token });
      if ('refused' in head)
        return send({ ...head.refused, headers: { ...head.refused.headers, connection: 'close' } });
      const chunks: Buffer[] = [];
      let size = 0;
      let tooLarge = false;
      let cut = false;
      const crid = headers['client-request-id'];
      // A refusal mid-body: answer, then close the connection (the rest of the body is never read).
      const cutWith = (r: RestResponse) => {
        cut = true;
        clearInterval(floor);
        pool.release(chunks);
        send({ ...r, headers: { ...r.headers, connection: 'close' } });
        res.once('finish', () => req.socket.destroy());
      };
      let lastSize = 0;
      // Slow headers get Node's 408; a body trickling slower than the floor rate gets ours.
      const floor = setInterval(() => {
        if (size - lastSize < (t.bodyFloorBytesPerSecond * t.checkEveryMs) / 1000)
          cutWith(envelopeError(408, 'requestTimeout', 'The request body arrived too slowly.', crid));
        lastSize = size;
      }, t.checkEveryMs);
      floor.unref();
      req.on('data', (chunk: Buffer) => {
        if (cut) return;
        size += chunk.length;
        // Keep draining so the client can read our answer, but stop buffering.
        if (size > limit) tooLarge = true;
        else if (!pool.take(chunk.length))
          return cutWith(envelopeError(503, 'serviceUnavailable', 'The simulator is busy; try again.', crid));
        else chunks.push(chunk);
      });
      req.on('error', () => res.destroy());
      req.on('close', () => {
        clearInterval(floor);
        if (!cut) pool.release(chunks);
        chunks.length = 0;
      });
      req.on('end', () => {
        clearInterval(floor);
        if (cut) return;
        if (tooLarge)
          return send(
            envelopeError(413, 'requestEntityTooLarge', `The request body is larger than ${limit} bytes.`, crid, {
              connection: 'close',
            }),
          );
        const body = chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined;
        pool.release(chunks);
        chunks.length = 0;
        // Links (nextLink, Location) are built from our own origin, never from what the client sent as Host.
        headers.host = `127.0.0.1:${port}`;
        options
          .handler({ method: req.method ?? 'GET', url: head.path, headers, body })
          .then(send, () =>
            send(envelopeError(500, 'internalServerError', 'The simulator hit an internal error.', crid)),
          );
      });
    },
  );
  server.maxConnections = options.maxConnections ?? 64;
  // Node answers malformed requests (400), stalled ones (408) and oversized heads (431) itself: in the envelope here.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => answerClientError(err, socket));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'The request headers are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'The request took too long to arrive.'],
};

function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, message] = CLIENT_ERRORS[err.code ?? ''] ?? [
    400,
    'Bad Request',
    'The request is not valid HTTP.',
  ];
  const r = envelopeError(
    status,
    status === 400 ? 'badRequest' : status === 408 ? 'requestTimeout' : 'requestHeaderFieldsTooLarge',
    message,
  );
  const lines = Object.entries({
    ...r.headers,
    'content-length': String(Buffer.byteLength(r.body ?? '')),
    connection: 'close',
  }).map(([k, v]) => `${k}: ${v}`);
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${lines.join('\r\n')}\r\n\r\n${r.body ?? ''}`);
}

/** Bytes of request bodies held at one time, across requests: one slow client cannot hold all memory. */
class BodyPool {
  private held = 0;
  constructor(private readonly cap: number) {}

  take(n: number): boolean {
    if (this.held + n > this.cap) return false;
    this.held += n;
    return true;
  }

  release(chunks: readonly Buffer[]): void {
    for (const c of chunks) this.held -= c.length;
  }
}
