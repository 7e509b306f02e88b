// A local Graph stand-in on 127.0.0.1 (port 0) that misbehaves on purpose: 429 + Retry-After, 503,
// 401, 403 with innerError, reset connections, a 50-page nextLink chain, a response that never comes.
// Requests no rule claims fall through to a RestHandler (miniGraph or the simulator).
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RestHandler } from '../../../src/core/model/rest';
import { lowerCaseHeaders } from '../../../src/core/model/lowerCaseHeaders';

export interface RecordedRequest {
  method: string;
  /** Path + query as received. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Real arrival time (ms). */
  at: number;
}

export interface FaultRule {
  name: string;
  match: (req: RecordedRequest) => boolean;
  /** `hit` counts how often this rule matched so far (1-based). Return 'pass' to let the fallback answer. */
  respond: (req: RecordedRequest, res: ServerResponse, hit: number) => void | 'pass' | Promise<void | 'pass'>;
}

export interface FaultServer {
  url: string;
  requests: RecordedRequest[];
  /** Requests being answered right now, and the most ever at once. */
  inFlight: number;
  maxInFlight: number;
  hits(ruleName: string): number;
  close(): Promise<void>;
}

export async function startFaultServer(rules: FaultRule[], fallback?: RestHandler): Promise<FaultServer> {
  const hits = new Map<string, number>();
  const state = { inFlight: 0, maxInFlight: 0 };
  const requests: RecordedRequest[] = [];
  let origin = '';
  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const headers = lowerCaseHeaders(req.headers);
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers,
      body: body || undefined,
      at: Date.now(),
    };
    requests.push(recorded);
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    res.on('close', () => {
      state.inFlight--;
    });
    try {
      for (const rule of rules) {
        if (!rule.match(recorded)) continue;
        const hit = (hits.get(rule.name) ?? 0) + 1;
        hits.set(rule.name, hit);
        if ((await rule.respond(recorded, res, hit)) !== 'pass') return;
        break;
      }
      if (!fallback) return answerJson(res, 404, { error: { code: 'notFound', message: 'No rule for this request.' } });
      const answer = await fallback({
        method: recorded.method,
        url: `${origin}${recorded.url}`,
        headers,
        body: recorded.body,
      });
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    } catch (err) {
      answerJson(res, 500, { error: { code: 'internalServerError', message: String(err) } });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    requests,
    get inFlight() {
      return state.inFlight;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    hits: (name) => hits.get(name) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function answerJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Drops the TCP connection without an answer: the client sees ECONNRESET / "socket hang up". */
export function resetConnection(res: ServerResponse): void {
  res.socket?.destroy();
}

/** Never answers; the client must time out or cancel (the server closes the socket on shutdown). */
export function neverAnswer(): void {
  // Intentionally nothing.
}

const ve = '/beta/deviceManagement/virtualEndpoint';
const pathOf = (req: RecordedRequest): string => decodeURIComponent(req.url.split('?')[0]);
const queryOf = (req: RecordedRequest): URLSearchParams => new URLSearchParams(req.url.split('?')[1] ?? '');

export const faultTriggers = {
  /** getCloudPc(id) triggers. */
  unauthorizedCloudPc: 'fault-401',
  resetCloudPc: 'fault-reset',
  slowCloudPc: 'fault-slow',
  /** Headers arrive, the body stalls half way. */
  stalledBodyCloudPc: 'fault-stalled-body',
  /** applyPolicy / renameCloudPc(id) answering 403 with an innerError. */
  forbiddenPolicy: 'fault-403',
  resetActionCloudPc: 'fault-reset-post',
  /** listCloudPcs({ filter }) that walks 50 pages. */
  fiftyPagesFilter: "displayName eq 'fifty-pages'",
  /** Prefix of ids whose reprovision is throttled once (every third) before succeeding. */
  bulkPrefix: 'bulk-',
  forbiddenMessage: 'The tenant has no Windows 365 license that allows this action.',
  forbiddenInnerCode: 'NoLicense',
};

/** The standard fault scenario of the contract suite (c). `bulkDone` counts each id's successful reprovision. */
export function graphFaultRules(bulkDone: Map<string, number>): FaultRule[] {
  return [
    {
      // Transparent faults the shared contract assertions must survive: first list throttled for 1 s.
      name: 'policies-429',
      match: (r) => r.method === 'GET' && pathOf(r) === `${ve}/provisioningPolicies`,
      respond: (_r, res, hit) =>
        hit === 1
          ? answerJson(
              res,
              429,
              { error: { code: 'tooManyRequests', message: 'Too many requests.' } },
              { 'retry-after': '1' },
            )
          : 'pass',
    },
    {
      name: 'gallery-503',
      match: (r) => r.method === 'GET' && pathOf(r) === `${ve}/galleryImages`,
      respond: (_r, res, hit) =>
        hit === 1
          ? answerJson(res, 503, { error: { code: 'serviceUnavailable', message: 'Service unavailable.' } })
          : 'pass',
    },
    {
      name: 'cloudpc-401',
      match: (r) => pathOf(r) === `${ve}/cloudPCs/${faultTriggers.unauthorizedCloudPc}`,
      respond: (_r, res) =>
        answerJson(
          res,
          401,
          {
            error: {
              code: 'InvalidAuthenticationToken',
              message: 'Access token has expired or is not yet valid.',
              innerError: { 'request-id': 'rid-401', date: '2026-11-23T12:00:00' },
            },
          },
          { 'request-id': 'rid-401' },
        ),
    },
    {
      name: 'policy-403',
      match: (r) => pathOf(r).startsWith(`${ve}/provisioningPolicies/${faultTriggers.forbiddenPolicy}`),
      respond: (_r, res) =>
        answerJson(
          res,
          403,
          {
            error: {
              code: 'forbidden',
              message: 'Forbidden.',
              innerError: {
                code: faultTriggers.forbiddenInnerCode,
                message: faultTriggers.forbiddenMessage,
                'request-id': 'rid-403',
                'client-request-id': 'crid-403',
                date: '2026-11-23T12:00:00',
              },
            },
          },
          { 'request-id': 'rid-403' },
        ),
    },
    {
      name: 'cloudpc-reset',
      match: (r) => pathOf(r) === `${ve}/cloudPCs/${faultTriggers.resetCloudPc}`,
      respond: (_r, res) => resetConnection(res),
    },
    {
      name: 'cloudpc-reset-post',
      match: (r) => pathOf(r).startsWith(`${ve}/cloudPCs/${faultTriggers.resetActionCloudPc}/`),
      respond: (_r, res) => resetConnection(res),
    },
    {
      name: 'cloudpc-slow',
      match: (r) => pathOf(r).startsWith(`${ve}/cloudPCs/${faultTriggers.slowCloudPc}`),
      respond: () => neverAnswer(),
    },
    {
      name: 'cloudpc-stalled-body',
      match: (r) => pathOf(r) === `${ve}/cloudPCs/${faultTriggers.stalledBodyCloudPc}`,
      respond: (_r, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id":"fault-stalled-body","displayName":');
      },
    },
    {
      name: 'fifty-pages',
      match: (r) =>
        r.method === 'GET' &&
        pathOf(r) === `${ve}/cloudPCs` &&
        queryOf(r).get('$filter') === faultTriggers.fiftyPagesFilter,
      respond: (r, res) => {
        const q = queryOf(r);
        const pageNo = Number(q.get('$skiptoken') ?? 0);
        const value = [0, 1].map((i) => ({
          id: `page${pageNo}-item${i}`,
          displayName: `P${pageNo} #${i}`,
          status: 'provisioned',
        }));
        const body: Record<string, unknown> = { value };
        if (pageNo < 49) {
          // Absolute link with a filter that needs encoding, as Graph sends it.
          body['@odata.nextLink'] =
            `http://${r.headers.host}${ve}/cloudPCs?$filter=${encodeURIComponent(faultTriggers.fiftyPagesFilter)}&$skiptoken=${pageNo + 1}`;
        }
        answerJson(res, 200, body);
      },
    },
    {
      name: 'bulk',
      match: (r) => r.method === 'POST' && pathOf(r).startsWith(`${ve}/cloudPCs/${faultTriggers.bulkPrefix}`),
      respond: async (r, res) => {
        const id = pathOf(r).split('/')[5];
        const n = Number(id.slice(faultTriggers.bulkPrefix.length));
        const seen = (bulkDone.get(`${id}#attempts`) ?? 0) + 1;
        bulkDone.set(`${id}#attempts`, seen);
        // A short pause so concurrent requests overlap and the in-flight maximum means something.
        await new Promise((resolve) => setTimeout(resolve, 3));
        if (n % 3 === 0 && seen === 1)
          return answerJson(
            res,
            429,
            { error: { code: 'tooManyRequests', message: 'Slow down.' } },
            { 'retry-after': '0' },
          );
        bulkDone.set(id, (bulkDone.get(id) ?? 0) + 1);
        res.writeHead(204);
        res.end();
      },
    },
  ];
}
