// `--backend graph` end to end, as a pipeline runs it: the real CLI in a child process, @azure/identity signing in
// against a sign-in host on this machine (its authorityHost, trusted through NODE_EXTRA_CA_CERTS), and the
// simulator as the local Graph behind node:http (CPCPOLICY_GRAPH_BASE_URL, honoured only on loopback). The
// federated assertion comes from the file or the CI provider's request (GitHub Actions, Azure Pipelines), the token
// endpoint sees it, and Graph sees the token; the token itself never shows in the output, on success or failure.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createPublicKey, verify, X509Certificate } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';
import { SimulatorService } from '../../../src/core/simulator/hosting/simulatorService';
import { startSimulatorServer } from '../../../src/core/simulator/hosting/simulatorServer';
import type { SimulatorServer } from '../../../src/core/simulator/hosting/simulatorServer';
import type { RestHandler } from '../../../src/core/model/rest';
import { startLocalEntra } from './localEntra';
import type { LocalEntra } from './localEntra';

const root = path.resolve(__dirname, '../../..');
const TENANT = '8d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09';
const CLIENT = '2f1e0d9c-8b7a-4695-a4b3-c2d1e0f9a8b7';
const ACCESS_TOKEN = 'eyJhbGciOiJub25lIn0.eyJ0aWQiOiJsb2NhbCJ9.access-token-that-must-never-be-printed';
const ASSERTION = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJyZXBvOmNvbnRvc28vdzM2NSJ9.federated-assertion';
const SECRET = 'client-secret-that-must-never-be-printed';
const SERVICE_CONNECTION = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const POLICY = path.join(root, 'samples/finance-dedicated.cpcpolicy.json');

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/**
 * The bundled CLI (what ships; the unit run builds it first) as a pipeline step: only the variables given, so no
 * AZURE_* or CI variables leak in from this machine.
 */
function cli(args: string[], env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', HOME: tmpdir(), ...env },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

/** The simulator's demo tenant behind node:http, recording the Authorization header of every request. */
async function localGraph(answer?: RestHandler): Promise<SimulatorServer & { authorizations: string[] }> {
  const service = SimulatorService.open({ seed: 'demo', timeScale: 0 });
  const authorizations: string[] = [];
  const server = await startSimulatorServer({
    handler: async (request) => {
      authorizations.push(request.headers['authorization'] ?? '');
      return (answer ?? service.handler)(request);
    },
  });
  return {
    ...server,
    authorizations,
    close: async () => {
      await server.close();
      service.close();
    },
  };
}

const forbidden: RestHandler = async () => ({
  status: 403,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ error: { code: 'Forbidden', message: 'Insufficient privileges to complete the operation.' } }),
});

function assertNoSecrets(run: Run): void {
  for (const secret of [ACCESS_TOKEN, ASSERTION, SECRET, 'access-token-that-must-never-be-printed']) {
    assert.ok(!run.out.includes(secret), `stdout holds a secret: ${run.out}`);
    assert.ok(!run.err.includes(secret), `stderr holds a secret: ${run.err}`);
  }
}

describe('cpcpolicy --backend graph: app-only sign-in end to end (local token endpoint and Graph)', function () {
  this.timeout(120_000);
  let entra: LocalEntra;
  let graph: Awaited<ReturnType<typeof localGraph>>;
  let dir: string;
  let base: Record<string, string>;

  before(async () => {
    entra = await startLocalEntra({
      accessToken: ACCESS_TOKEN,
      github: { requestToken: 'runner-request-token', oidcToken: ASSERTION },
      azurePipelines: {
        accessToken: 'job-access-token',
        serviceConnectionId: SERVICE_CONNECTION,
        oidcToken: ASSERTION,
      },
      // An app the tenant does not know: refused the way Entra refuses, echoing the assertion it was given.
      refuse: (form) =>
        form['client_id'] === 'unknown-app-0000'
          ? `AADSTS700213: No matching federated identity record found for presented assertion ${ASSERTION}. Trace ID: x`
          : undefined,
    });
    graph = await localGraph();
    dir = mkdtempSync(path.join(tmpdir(), 'cpc-signin-'));
    base = {
      NODE_EXTRA_CA_CERTS: entra.caFile,
      AZURE_TENANT_ID: TENANT,
      AZURE_CLIENT_ID: CLIENT,
      AZURE_AUTHORITY_HOST: entra.origin,
      CPCPOLICY_GRAPH_BASE_URL: graph.url,
    };
  });
  after(async () => {
    await graph?.close();
    await entra?.close();
  });
  beforeEach(() => {
    entra.tokenRequests.length = 0;
    graph.authorizations.length = 0;
  });

  it('workload identity federation from AZURE_FEDERATED_TOKEN_FILE: the file is the assertion, Graph gets the token', async () => {
    const tokenFile = path.join(dir, 'federated-token');
    writeFileSync(tokenFile, ASSERTION);
    const run = await cli(['validate', POLICY, '--backend', 'graph'], {
      ...base,
      AZURE_FEDERATED_TOKEN_FILE: tokenFile,
    });
    assert.equal(run.code, 0, run.err);
    const [exchange] = entra.tokenRequests;
    assert.equal(exchange?.path, `/${TENANT}/oauth2/v2.0/token`);
    assert.equal(exchange?.form['client_assertion'], ASSERTION);
    assert.equal(exchange?.form['client_assertion_type'], JWT_BEARER);
    assert.equal(exchange?.form['client_id'], CLIENT);
    assert.equal(exchange?.form['grant_type'], 'client_credentials');
    assert.equal(exchange?.form['scope'], 'https://graph.microsoft.com/.default');
    // MSAL reads the tenant's metadata from the authority host itself; no instance discovery on a loopback host.
    assert.ok(entra.seen.includes(`/${TENANT}/v2.0/.well-known/openid-configuration`), entra.seen.join());
    assert.ok(!entra.seen.some((p) => p.includes('discovery/instance')), entra.seen.join());
    assert.ok(graph.authorizations.length > 0, 'the local Graph was called');
    assert.ok(
      graph.authorizations.every((a) => a === `Bearer ${ACCESS_TOKEN}`),
      graph.authorizations.join(),
    );
    assertNoSecrets(run);
  });

  it("GitHub Actions OIDC: the assertion is the runner's answer to ACTIONS_ID_TOKEN_REQUEST_URL", async () => {
    const run = await cli(['validate', POLICY, '--backend', 'graph'], {
      ...base,
      GITHUB_ACTIONS: 'true',
      ACTIONS_ID_TOKEN_REQUEST_URL: `${entra.origin}/github-oidc?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner-request-token',
    });
    assert.equal(run.code, 0, run.err);
    assert.ok(entra.seen.includes('/github-oidc'), 'the runner was asked for the OIDC token');
    assert.equal(entra.tokenRequests[0]?.form['client_assertion'], ASSERTION);
    assert.equal(entra.tokenRequests[0]?.form['client_assertion_type'], JWT_BEARER);
    assert.ok(graph.authorizations.length > 0 && graph.authorizations.every((a) => a === `Bearer ${ACCESS_TOKEN}`));
    assertNoSecrets(run);
  });

  it('Azure Pipelines: the assertion is the OIDC token of the named service connection (AzurePipelinesCredential)', async () => {
    const run = await cli(
      [
        'validate',
        POLICY,
        '--backend',
        'graph',
        '--auth',
        'azure-pipelines',
        '--service-connection',
        SERVICE_CONNECTION,
      ],
      { ...base, SYSTEM_OIDCREQUESTURI: `${entra.origin}/ado-oidc`, SYSTEM_ACCESSTOKEN: 'job-access-token' },
    );
    assert.equal(run.code, 0, run.err);
    assert.ok(entra.seen.includes('/ado-oidc'), 'Azure Pipelines was asked for the OIDC token');
    assert.equal(entra.tokenRequests[0]?.form['client_assertion'], ASSERTION);
    assert.equal(entra.tokenRequests[0]?.form['client_assertion_type'], JWT_BEARER);
    assert.ok(graph.authorizations.length > 0 && graph.authorizations.every((a) => a === `Bearer ${ACCESS_TOKEN}`));
    assertNoSecrets(run);
    assert.ok(!run.err.includes('job-access-token') && !run.out.includes('job-access-token'));
  });

  it('a client secret from AZURE_CLIENT_SECRET is sent to the token endpoint only', async () => {
    const run = await cli(['validate', POLICY, '--backend', 'graph'], { ...base, AZURE_CLIENT_SECRET: SECRET });
    assert.equal(run.code, 0, run.err);
    assert.equal(entra.tokenRequests[0]?.form['client_secret'], SECRET);
    assert.ok(graph.authorizations.every((a) => a === `Bearer ${ACCESS_TOKEN}`));
    assertNoSecrets(run);
  });

  it('a certificate (--certificate PEM): the client assertion is a JWT signed by its key', async () => {
    const pems = await generate([{ name: 'commonName', value: 'cpcpolicy-ci' }], { keySize: 2048 });
    const pemFile = path.join(dir, 'app.pem');
    writeFileSync(pemFile, `${pems.private}\n${pems.cert}`);
    const run = await cli(['validate', POLICY, '--backend', 'graph', '--certificate', pemFile], base);
    assert.equal(run.code, 0, run.err);
    const form = entra.tokenRequests[0]?.form ?? {};
    assert.equal(form['client_assertion_type'], JWT_BEARER);
    const [head, body, signature] = (form['client_assertion'] ?? '').split('.');
    const header = JSON.parse(Buffer.from(head!, 'base64url').toString()) as { alg: string };
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as { iss: string; aud: string };
    assert.equal(claims.iss, CLIENT);
    assert.equal(claims.aud, `${entra.origin}/${TENANT}/oauth2/v2.0/token`);
    const key = createPublicKey(new X509Certificate(pems.cert).publicKey.export({ type: 'spki', format: 'pem' }));
    const pss = header.alg === 'PS256' ? { padding: 6, saltLength: 32 } : {};
    const signed = verify(
      'sha256',
      Buffer.from(`${head}.${body}`),
      { key, ...pss },
      Buffer.from(signature!, 'base64url'),
    );
    assert.ok(signed, `the assertion (${header.alg}) is signed by the certificate's key`);
    assertNoSecrets(run);
  });

  it('a refused sign-in is one line with the AADSTS reason, the assertion blanked, exit 1', async () => {
    const tokenFile = path.join(dir, 'federated-token-refused');
    writeFileSync(tokenFile, ASSERTION);
    const run = await cli(['validate', POLICY, '--backend', 'graph'], {
      ...base,
      AZURE_CLIENT_ID: 'unknown-app-0000',
      AZURE_FEDERATED_TOKEN_FILE: tokenFile,
    });
    assert.equal(run.code, 1);
    assert.equal(run.out, '');
    assert.equal(run.err.trimEnd().split('\n').length, 1, run.err);
    assert.match(run.err, /workload identity federation \(token file\) failed .*AADSTS700213: No matching federated/);
    assert.match(run.err, /\[redacted\]/);
    assert.equal(graph.authorizations.length, 0, 'Graph is not called without a token');
    assertNoSecrets(run);
  });

  it('missing credentials in a pipeline: one line saying what to set, exit 1', async () => {
    const run = await cli(['validate', POLICY, '--backend', 'graph'], { CPCPOLICY_GRAPH_BASE_URL: graph.url });
    assert.equal(run.code, 1);
    assert.match(run.err, /^cpcpolicy validate: no credentials for --backend graph: set AZURE_TENANT_ID/);
    assert.equal(run.err.trimEnd().split('\n').length, 1, run.err);
    const github = await cli(['validate', POLICY, '--backend', 'graph'], { ...base, GITHUB_ACTIONS: 'true' });
    assert.equal(github.code, 1);
    assert.match(github.err, /add `permissions: id-token: write`/);
  });
});

describe('cpcpolicy --backend graph: a missing application permission (local Graph answers 403)', function () {
  this.timeout(120_000);

  it('names the permission the refused request needs in one line, exit 1, no token shown', async () => {
    const entra = await startLocalEntra({ accessToken: ACCESS_TOKEN });
    const graph = await localGraph(forbidden);
    try {
      const dir = mkdtempSync(path.join(tmpdir(), 'cpc-signin-'));
      const tokenFile = path.join(dir, 'federated-token');
      writeFileSync(tokenFile, ASSERTION);
      const run = await cli(['validate', POLICY, '--backend', 'graph'], {
        NODE_EXTRA_CA_CERTS: entra.caFile,
        AZURE_TENANT_ID: TENANT,
        AZURE_CLIENT_ID: CLIENT,
        AZURE_AUTHORITY_HOST: entra.origin,
        AZURE_FEDERATED_TOKEN_FILE: tokenFile,
        CPCPOLICY_GRAPH_BASE_URL: graph.url,
      });
      assert.equal(run.code, 1);
      assert.equal(run.err.trimEnd().split('\n').length, 1, run.err);
      assert.match(
        run.err,
        /Graph refused GET \/beta\/deviceManagement\/virtualEndpoint\/supportedRegions \(403\): the app registration lacks the application permission CloudPC\.Read\.All/,
      );
      assert.deepEqual([...new Set(graph.authorizations)], [`Bearer ${ACCESS_TOKEN}`]);
      assertNoSecrets(run);
    } finally {
      await graph.close();
      await entra.close();
    }
  });
});
