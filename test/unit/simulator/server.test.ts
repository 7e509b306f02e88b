// The same scenario in process and over HTTP (plain fetch), and the server's own edges: 413, auth, CLI.
import * as assert from 'node:assert/strict';
import { SimulatorService } from '../../../src/core/simulator/hosting/simulatorService';
import { startSimulatorServer } from '../../../src/core/simulator/hosting/simulatorServer';
import type { SimulatorServer } from '../../../src/core/simulator/hosting/simulatorServer';
import { runSimulator } from '../../../src/cli/simulatorCommand';
import { SKU_ENTERPRISE_4VCPU, SKU_ENTERPRISE_2VCPU } from '../../../src/core/simulator/catalogSeed';
import { TenantClient, handlerTransport, fetchTransport, VE } from './tenantClient';

/** Licenses, an overlap, a failure, a grace period, a reprovision: returns what an admin would see. */
async function scenario(t: TenantClient): Promise<unknown> {
  const a = await t.user('Scenario A');
  const b = await t.user('Scenario B', [SKU_ENTERPRISE_2VCPU, SKU_ENTERPRISE_4VCPU]);
  const c = await t.user('Scenario C');
  const g = await t.group('Scenario', [a.id, b.id, c.id]);
  const p = await t.policy({ displayName: 'Scenario policy', cloudPcNamingTemplate: 'SCN-%RAND:5%' });
  await t.ok('POST', '/_simulator/faults', { kind: 'provisioningFailure', userPrincipalName: c.upn, count: 3 });
  await t.assign(p, [g]);
  await t.advance({ hours: 8 });
  await t.removeMember(g, a.id);
  const pcs = await t.cloudPcs('?$top=2');
  const bPc = pcs.find((x) => x.userPrincipalName === b.upn);
  await t.ok('POST', `${VE}/cloudPCs/${bPc.id}/reprovision`, {});
  await t.advance({ minutes: 30 });
  const after = await t.cloudPcs(
    '?$top=2&$select=id,displayName,status,managedDeviceName,userPrincipalName,gracePeriodEndDateTime',
  );
  const audit = (await t.ok('GET', `${VE}/auditEvents?$count=true&$top=1`)).json['@odata.count'];
  return { after, audit };
}

describe('simulator over HTTP', () => {
  let service: SimulatorService;
  let server: SimulatorServer;
  beforeEach(async () => {
    service = SimulatorService.open({ seed: 'empty', timeScale: 0 });
    server = await startSimulatorServer({ handler: service.handler, port: 0 });
  });
  afterEach(async () => {
    await server.close();
    service.close();
  });

  it('gives the same answers in process and through a plain fetch client', async () => {
    const inProcess = await scenario(
      new TenantClient(handlerTransport(SimulatorService.open({ seed: 'empty', timeScale: 0 }).handler)),
    );
    const overHttp = await scenario(new TenantClient(fetchTransport(server.url)));
    assert.deepEqual(overHttp, inProcess);
  });

  it('builds nextLink from its own origin', async () => {
    const t = new TenantClient(fetchTransport(server.url));
    await t.user('Host One');
    await t.user('Host Two');
    const r = await t.ok('GET', '/v1.0/users?$top=1');
    assert.ok(r.json['@odata.nextLink'].startsWith(`${server.url}/v1.0/users?`));
    assert.ok(r.headers['request-id']);
  });

  it('answers an oversized body with 413 in the envelope and keeps serving', async () => {
    const big = 'x'.repeat(50 * 1024 * 1024);
    const r = await fetch(`${server.url}/v1.0/users`, {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(r.status, 413);
    assert.equal((await r.json()).error.code, 'requestEntityTooLarge');
    assert.equal((await fetch(`${server.url}/_simulator/clock`)).status, 200);
  });

  it('accepts requests without a token and with any bearer token', async () => {
    assert.equal((await fetch(`${server.url}${VE}/servicePlans`)).status, 200);
    assert.equal(
      (await fetch(`${server.url}${VE}/servicePlans`, { headers: { authorization: 'Bearer not-a-jwt' } })).status,
      200,
    );
  });
});

describe('cpcpolicy simulator serve', () => {
  it('prints "listening on" first, serves, and stops cleanly', async () => {
    const out: string[] = [];
    const stop = new AbortController();
    const done = runSimulator(
      ['serve', '--port', '0', '--seed', 'empty', '--time-scale', '0'],
      { stdout: (s) => out.push(s), stderr: (s) => out.push(`ERR ${s}`), cwd: process.cwd() },
      { signal: stop.signal },
    );
    const deadline = Date.now() + 10_000;
    while (!out.length && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n$/.exec(out[0]);
    assert.ok(m, out.join(''));
    assert.equal((await fetch(`${m[1]}/_simulator/clock`)).status, 200);
    stop.abort();
    assert.equal(await done, 0);
  });

  it('rejects bad options with exit code 2', async () => {
    const err: string[] = [];
    const io = { stdout: () => undefined, stderr: (s: string) => err.push(s), cwd: process.cwd() };
    assert.equal(await runSimulator(['serve', '--seed', 'nope'], io), 2);
    assert.equal(await runSimulator(['serve', '--bogus'], io), 2);
    assert.match(err.join(''), /--seed must be demo or empty/);
  });
});
