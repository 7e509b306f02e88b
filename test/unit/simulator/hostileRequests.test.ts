// The local server against a hostile web page and malformed input (docs/simulator.md, "Who may talk to it"):
// only its own Host, no foreign Origin, JSON bodies only, links from its own origin; bad requests are
// 400 in the envelope, never 500, Node's own answers included.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as net from 'node:net';
import { SimulatorService } from '../../../src/core/simulator/hosting/simulatorService';
import { startSimulatorServer } from '../../../src/core/simulator/hosting/simulatorServer';
import type { SimulatorServer } from '../../../src/core/simulator/hosting/simulatorServer';
import { TenantClient, handlerTransport, VE } from './tenantClient';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** http.request, so Host and Origin can be anything (fetch would not let a test forge them). */
function raw(url: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${path}`, { method, headers, setHost: !('host' in headers) }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Writes bytes on a socket and returns everything the server answers before it closes. */
function rawSocket(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString()));
    socket.on('end', () => resolve(text));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

function envelope(text: string): { code: string; message: string } {
  return (JSON.parse(text) as { error: { code: string; message: string } }).error;
}

describe('the local server against hostile requests', () => {
  let service: SimulatorService;
  let server: SimulatorServer;
  beforeEach(async () => {
    service = SimulatorService.open({ seed: 'demo', timeScale: 0 });
    server = await startSimulatorServer({ handler: service.handler, port: 0 });
  });
  afterEach(async () => {
    await server.close();
    service.close();
  });

  it('answers only its own Host (421, or 400 without one), also for absolute-form URLs', async () => {
    const evil = await raw(server.url, 'GET', `${VE}/cloudPCs`, { host: `attacker.example:${server.port}` });
    assert.equal(evil.status, 421);
    assert.equal(envelope(evil.body).code, 'misdirectedRequest');
    assert.equal((await raw(server.url, 'GET', `${VE}/cloudPCs`, { host: `localhost:${server.port}` })).status, 200);
    const absolute = await rawSocket(
      server.port,
      `GET http://attacker.example${VE}/cloudPCs HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`,
    );
    assert.match(absolute, /^HTTP\/1\.1 421 /);
    const noHost = await rawSocket(server.port, `GET ${VE}/cloudPCs HTTP/1.0\r\n\r\n`);
    assert.match(noHost, /^HTTP\/1\.1 400 /);
    assert.equal(envelope(noHost.slice(noHost.indexOf('\r\n\r\n') + 4)).code, 'badRequest');
  });

  it('refuses a foreign Origin (403) and a text/plain body (415), so a web page cannot reset the tenant', async () => {
    const users = service.simulator.users.size;
    const host = { host: `127.0.0.1:${server.port}` };
    const fromPage = await raw(
      server.url,
      'POST',
      '/_simulator/reset',
      { ...host, origin: 'https://evil.example', 'content-type': 'application/json' },
      '{"seed":"empty"}',
    );
    assert.equal(fromPage.status, 403);
    assert.equal(envelope(fromPage.body).code, 'forbidden');
    const plain = await raw(
      server.url,
      'POST',
      '/_simulator/reset',
      { ...host, 'content-type': 'text/plain' },
      '{"seed":"empty"}',
    );
    assert.equal(plain.status, 415);
    assert.equal(envelope(plain.body).code, 'unsupportedMediaType');
    const crossSite = await raw(
      server.url,
      'POST',
      '/_simulator/reset',
      { ...host, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      '{"seed":"empty"}',
    );
    assert.equal(crossSite.status, 403);
    assert.equal(service.simulator.users.size, users, 'the tenant is untouched');
    const own = await raw(server.url, 'GET', '/_simulator/clock', { ...host, origin: server.url });
    assert.equal(own.status, 200);
  });

  it('builds nextLink and Location from its own origin, never from the Host header', async () => {
    const page = await raw(server.url, 'GET', '/v1.0/users?$top=1', { host: `localhost:${server.port}` });
    assert.ok(JSON.parse(page.body)['@odata.nextLink'].startsWith(`${server.url}/v1.0/users?`));
    const created = await raw(
      server.url,
      'POST',
      `${VE}/provisioningPolicies`,
      { host: `localhost:${server.port}`, 'content-type': 'application/json' },
      JSON.stringify({
        displayName: 'Loc',
        imageId: 'microsoftwindowsdesktop_windows-ent-cpc_win11-24h2-ent-cpc-m365',
        imageType: 'gallery',
        domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'automatic', regionGroup: 'usEast' }],
      }),
    );
    assert.equal(created.status, 201, created.body);
    assert.ok(String(created.headers.location).startsWith(`${server.url}/beta/`));
  });

  it("answers malformed HTTP and oversized headers in the envelope (Node's own 400 and 431)", async () => {
    const garbage = await rawSocket(server.port, 'NOT HTTP AT ALL\r\n\r\n');
    assert.match(garbage, /^HTTP\/1\.1 400 /);
    assert.equal(envelope(garbage.slice(garbage.indexOf('\r\n\r\n') + 4)).code, 'badRequest');
    const huge = await rawSocket(
      server.port,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nx-big: ${'a'.repeat(100_000)}\r\n\r\n`,
    );
    assert.match(huge, /^HTTP\/1\.1 431 /);
    assert.equal(envelope(huge.slice(huge.indexOf('\r\n\r\n') + 4)).code, 'requestHeaderFieldsTooLarge');
  });

  it("answers a stalled request with Node's 408 in the envelope", async () => {
    const quick = await startSimulatorServer({
      handler: service.handler,
      port: 0,
      timeouts: { headersMs: 300, requestMs: 300, checkEveryMs: 100 },
    });
    try {
      const stalled = await rawSocket(
        quick.port,
        `GET /_simulator/clock HTTP/1.1\r\nHost: 127.0.0.1:${quick.port}\r\n`,
      );
      assert.match(stalled, /^HTTP\/1\.1 408 /);
      assert.equal(envelope(stalled.slice(stalled.indexOf('\r\n\r\n') + 4)).code, 'requestTimeout');
    } finally {
      await quick.close();
    }
  });

  it('requires the secret as bearer token when it has one', async () => {
    const shared = await startSimulatorServer({ handler: service.handler, port: 0, token: 'window-secret' });
    try {
      assert.equal((await fetch(`${shared.url}/_simulator/clock`)).status, 401);
      assert.equal(
        (await fetch(`${shared.url}/_simulator/clock`, { headers: { authorization: 'Bearer wrong' } })).status,
        401,
      );
      assert.equal(
        (await fetch(`${shared.url}/_simulator/clock`, { headers: { authorization: 'Bearer window-secret' } })).status,
        200,
      );
    } finally {
      await shared.close();
    }
  });
});

describe('bad requests that once answered 500', () => {
  // Per test, not at describe time: what the demo seed runs would otherwise belong to no test (static mutants).
  let t: TenantClient;
  beforeEach(() => {
    t = new TenantClient(handlerTransport(SimulatorService.open({ seed: 'demo', timeScale: 0 }).handler));
  });
  const expect400 = async (method: string, url: string, body?: string) => {
    const r = await t.call(method, url, body);
    assert.equal(
      r.status,
      400,
      `${method} ${url.slice(0, 80)} ${body?.slice(0, 60)} → ${r.status} ${r.text?.slice(0, 200)}`,
    );
    assert.ok(r.json.error.code && r.json.error.innerError['request-id']);
  };

  it('$filter nested 3,500 (and 100) parentheses deep, or with thousands of terms', async () => {
    for (const depth of [3500, 100])
      await expect400(
        'GET',
        `${VE}/provisioningPolicies?$filter=${'('.repeat(depth)}displayName eq 'x'${')'.repeat(depth)}`,
      );
    await expect400(
      'GET',
      `${VE}/provisioningPolicies?$filter=${Array.from({ length: 2000 }, () => "displayName eq 'x'").join(' and ')}`,
    );
    await expect400('GET', `${VE}/provisioningPolicies?$filter=${'not '.repeat(200)}displayName eq 'x'`);
  });

  it('bodies with __proto__, hasOwnProperty, valueOf or constructor keys, at any depth', async () => {
    for (const key of ['__proto__', 'hasOwnProperty', 'valueOf', 'constructor']) {
      await expect400('POST', `${VE}/provisioningPolicies`, `{"${key}":{"x":1},"displayName":"a"}`);
      await expect400('POST', `${VE}/provisioningPolicies`, `{"displayName":"a","windowsSetting":{"${key}":1}}`);
      await expect400(
        'POST',
        '/v1.0/users',
        `{"${key}":1,"displayName":"a","userPrincipalName":"a@contoso.onmicrosoft.com"}`,
      );
      await expect400('PATCH', '/_simulator/settings', `{"${key}":{"failureRate":1}}`);
    }
  });

  it('a bad % escape in @odata.id', async () => {
    const groups = (await t.ok('GET', '/v1.0/groups')).json.value;
    await expect400(
      'POST',
      `/v1.0/groups/${groups[0].id}/members/$ref`,
      JSON.stringify({ '@odata.id': 'https://graph.microsoft.com/v1.0/directoryObjects/%E0%A4%A' }),
    );
  });
});
