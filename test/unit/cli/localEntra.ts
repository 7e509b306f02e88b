// A sign-in host on this machine for @azure/identity: HTTPS on 127.0.0.1 with a self-signed certificate (MSAL
// refuses plain-http authorities), serving the OpenID metadata and the v2.0 token endpoint, and a fake GitHub
// Actions runner's OIDC token request and Azure Pipelines' OIDC token request. It records every token request's form so tests can see what was exchanged.
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface TokenRequest {
  path: string;
  form: Record<string, string>;
}

export interface LocalEntra {
  origin: string;
  /** The PEM the child process trusts (NODE_EXTRA_CA_CERTS). */
  caFile: string;
  tokenRequests: TokenRequest[];
  /** Every path asked for, in order (metadata, discovery, token, OIDC). */
  seen: string[];
  close(): Promise<void>;
}

export interface LocalEntraOptions {
  /** The access token issued to every accepted request. */
  accessToken: string;
  /** Decides a token request: undefined accepts it, a string refuses it with that AADSTS description. */
  refuse?: (form: Record<string, string>) => string | undefined;
  /** The GitHub runner's side: the request token it expects and the OIDC token it hands out. */
  github?: { requestToken: string; oidcToken: string };
  /** Azure Pipelines' side (SYSTEM_OIDCREQUESTURI): the job token and service connection it expects, its OIDC token. */
  azurePipelines?: { accessToken: string; serviceConnectionId: string; oidcToken: string };
}

export async function startLocalEntra(options: LocalEntraOptions): Promise<LocalEntra> {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  const caFile = path.join(mkdtempSync(path.join(tmpdir(), 'cpc-entra-')), 'ca.pem');
  writeFileSync(caFile, pems.cert);
  const tokenRequests: TokenRequest[] = [];
  const seen: string[] = [];
  let origin = '';
  const server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', origin);
      seen.push(url.pathname);
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const tenant = url.pathname.split('/')[1] ?? 'common';
      if (url.pathname.endsWith('/.well-known/openid-configuration')) return json(200, metadata(origin, tenant));
      if (url.pathname.endsWith('/oauth2/v2.0/token') && req.method === 'POST') {
        const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
        tokenRequests.push({ path: url.pathname, form });
        const refusal = options.refuse?.(form);
        if (refusal) return json(400, { error: 'invalid_client', error_description: refusal, error_codes: [700213] });
        return json(200, {
          token_type: 'Bearer',
          expires_in: 3599,
          ext_expires_in: 3599,
          access_token: options.accessToken,
        });
      }
      if (url.pathname === '/github-oidc' && options.github) {
        if (req.headers.authorization !== `Bearer ${options.github.requestToken}`) return json(401, {});
        if (url.searchParams.get('audience') !== 'api://AzureADTokenExchange') return json(400, {});
        return json(200, { value: options.github.oidcToken });
      }
      const ado = options.azurePipelines;
      if (url.pathname === '/ado-oidc' && ado && req.method === 'POST') {
        if (req.headers.authorization !== `Bearer ${ado.accessToken}`) return json(401, {});
        if (url.searchParams.get('serviceConnectionId') !== ado.serviceConnectionId) return json(404, {});
        return json(200, { oidcToken: ado.oidcToken });
      }
      json(404, { error: 'not_found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    caFile,
    tokenRequests,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The fields MSAL reads from a tenant's OpenID configuration. */
function metadata(origin: string, tenant: string): Record<string, unknown> {
  return {
    issuer: `${origin}/${tenant}/v2.0`,
    token_endpoint: `${origin}/${tenant}/oauth2/v2.0/token`,
    authorization_endpoint: `${origin}/${tenant}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${origin}/${tenant}/oauth2/v2.0/logout`,
    jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    request_uri_parameter_supported: false,
    tenant_region_scope: null,
    cloud_instance_name: 'microsoftonline.com',
  };
}
