// `cpcpolicy validate --backend URL` against a real `cpcpolicy simulator serve` process (demo tenant): the
// tenant checks (CPC5xx) join the offline findings, and without --backend the run stays offline.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CliIo } from '../../../src/cli/cliIo';
import { runValidate } from '../../../src/cli/validateCommand';
import { ANC_FAILING, IMAGE_WIN11_22H2_EXPIRED } from '../../../src/core/simulator/catalogSeed';
import { mustServe, stop } from '../simulator/serveProcess';
import type { Served } from '../simulator/serveProcess';

function capture(cwd: string): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    cwd,
    stdout: (s: string) => void (io.out += s),
    stderr: (s: string) => void (io.err += s),
  };
  return io;
}

const MADE_UP_GROUP = '0d9a1c3e-1111-4222-8333-944455556666';
const POLICY = JSON.stringify(
  {
    displayName: 'Against the tenant',
    imageType: 'gallery',
    imageId: IMAGE_WIN11_22H2_EXPIRED,
    domainJoinConfigurations: [{ domainJoinType: 'hybridAzureADJoin', onPremisesConnectionId: ANC_FAILING }],
    cloudPcNamingTemplate: 'CPC-%RAND:5%',
    assignments: [{ target: { groupId: MADE_UP_GROUP } }],
  },
  null,
  2,
);

describe('cpcpolicy validate --backend (a simulator server process)', function () {
  this.timeout(90_000);
  let server: Served;
  let dir: string;

  before(async () => {
    server = await mustServe(['--seed', 'demo']);
    dir = mkdtempSync(path.join(tmpdir(), 'cpcpolicy-backend-'));
    writeFileSync(path.join(dir, 'p.cpcpolicy.json'), POLICY);
  });
  after(async () => stop(server));

  it('adds the tenant findings: the failing connection, the expired image and the unknown group (exit 1)', async () => {
    const io = capture(dir);
    const code = await runValidate(['p.cpcpolicy.json', '--backend', server.url], io);
    assert.equal(io.err, '');
    const codes = [...io.out.matchAll(/ (CPC5\d\d) /g)].map((m) => m[1]);
    assert.deepEqual(codes, ['CPC504', 'CPC502', 'CPC507']);
    assert.equal(code, 1);
  });

  it('without --backend the same file is checked offline only (exit 0)', async () => {
    const io = capture(dir);
    assert.equal(await runValidate(['p.cpcpolicy.json'], io), 0);
    assert.doesNotMatch(io.out, /CPC5\d\d/);
  });

  it('--backend simulator checks against the simulator in process (the demo tenant, or --state)', async () => {
    const io = capture(dir);
    const code = await runValidate(['p.cpcpolicy.json', '--backend', 'simulator'], io);
    assert.equal(io.err, '');
    assert.deepEqual(
      [...io.out.matchAll(/ (CPC5\d\d) /g)].map((m) => m[1]),
      ['CPC504', 'CPC502', 'CPC507'],
    );
    assert.equal(code, 1);
    const stateless = capture(dir);
    assert.equal(await runValidate(['p.cpcpolicy.json', '--state', 'w365.json'], stateless), 2);
    assert.match(stateless.err, /--state and --seed go with --backend simulator/);
  });

  it('a backend that is not on this machine, or not answering, is a usage problem (exit 2)', async () => {
    const remote = capture(dir);
    assert.equal(await runValidate(['p.cpcpolicy.json', '--backend', 'https://graph.microsoft.com'], remote), 2);
    assert.match(remote.err, /server on this machine/);
    // The simulator server listens on 127.0.0.1 only.
    const v6 = capture(dir);
    assert.equal(await runValidate(['p.cpcpolicy.json', '--backend', 'http://[::1]:8080'], v6), 2);
    const down = capture(dir);
    assert.equal(await runValidate(['p.cpcpolicy.json', '--backend', 'http://127.0.0.1:9'], down), 2);
    assert.match(down.err, /cannot read the tenant at http:\/\/127\.0\.0\.1:9/);
  });

  it('does not follow a redirect off this machine: exit 2, and the other host is never asked', async () => {
    // Another host: 127.0.0.2 is a loopback address, but not the one a backend may name.
    let asked = 0;
    const foreign = http.createServer((_req, res) => {
      asked++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"value":[]}');
    });
    await new Promise<void>((r) => foreign.listen(0, '127.0.0.2', r));
    const target = `http://127.0.0.2:${(foreign.address() as AddressInfo).port}`;
    const redirector = http.createServer((req, res) => res.writeHead(302, { location: `${target}${req.url}` }).end());
    await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', r));
    try {
      const io = capture(dir);
      const url = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
      assert.equal(await runValidate(['p.cpcpolicy.json', '--backend', url], io), 2);
      assert.match(io.err, /redirect/);
      assert.equal(asked, 0);
    } finally {
      foreign.close();
      redirector.close();
    }
  });
});
