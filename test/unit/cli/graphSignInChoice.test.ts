// Which app-only credential `--backend graph` picks from flags and environment, and why (docs/policy-as-code.md
// "How the credential is chosen"); and which application permission a refused Graph request needs.
import * as assert from 'node:assert/strict';
import { safeReason } from '../../../src/cli/graphCliApi';
import { applicationPermissionFor, forbiddenLine, withPermissionHints } from '../../../src/cli/graphPermissions';
import { createInProcessCloudPcApi } from '../../../src/core/graph/createCloudPcApi';
import { isGraphError } from '../../../src/core/graph/graphError';
import { chooseSignIn } from '../../../src/cli/graphSignInChoice';
import type { SignInChoice, SignInFlags } from '../../../src/cli/graphSignInChoice';
import { GraphError } from '../../../src/core/graph/graphError';

const APP = { AZURE_TENANT_ID: 'contoso.onmicrosoft.com', AZURE_CLIENT_ID: '2f1e0d9c-8b7a-4695-a4b3-c2d1e0f9a8b7' };
const GITHUB = {
  GITHUB_ACTIONS: 'true',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://pipelines.actions.example/oidc?api-version=2.0',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner',
};
const PIPELINES = {
  SYSTEM_OIDCREQUESTURI: 'https://dev.azure.com/contoso/_apis/distributedtask/hubs/build/plans/p/jobs/j/oidctoken',
  SYSTEM_ACCESSTOKEN: 'job-token',
  AZURESUBSCRIPTION_SERVICE_CONNECTION_ID: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
  AZURESUBSCRIPTION_TENANT_ID: 'fabrikam.onmicrosoft.com',
  AZURESUBSCRIPTION_CLIENT_ID: '7c6b5a49-3827-4165-9f8e-7d6c5b4a3928',
};

function chosen(flags: SignInFlags, env: Record<string, string>, interactive = false): SignInChoice {
  const choice = chooseSignIn(flags, env, interactive);
  assert.equal(typeof choice, 'object', String(choice));
  return choice as SignInChoice;
}

function refused(flags: SignInFlags, env: Record<string, string>, interactive = false): string {
  const choice = chooseSignIn(flags, env, interactive);
  assert.equal(typeof choice, 'string', `expected a refusal, got ${JSON.stringify(choice)}`);
  assert.ok(!(choice as string).includes('\n'), 'one line');
  return choice as string;
}

describe('cpcpolicy --backend graph: choosing the credential', () => {
  it('takes the first credential the environment holds, in the documented order', () => {
    const all = { ...APP, AZURE_CLIENT_SECRET: 's', AZURE_CLIENT_CERTIFICATE_PATH: 'c.pem' };
    assert.equal(chosen({}, all).method, 'client-secret');
    assert.equal(chosen({}, { ...APP, AZURE_CLIENT_CERTIFICATE_PATH: 'c.pem', ...GITHUB }).method, 'certificate');
    assert.equal(
      chosen({}, { ...APP, AZURE_FEDERATED_TOKEN_FILE: '/var/run/t', ...GITHUB }).method,
      'federated-token-file',
    );
    assert.equal(chosen({}, { ...APP, ...GITHUB, ...PIPELINES }).method, 'github-oidc');
    assert.equal(chosen({}, PIPELINES).method, 'azure-pipelines');
    assert.equal(chosen({}, {}, true).method, 'azure-cli');
  });

  it('says why, and --auth or --certificate win over the environment', () => {
    assert.equal(chosen({}, { ...APP, AZURE_FEDERATED_TOKEN_FILE: '/t' }).why, 'AZURE_FEDERATED_TOKEN_FILE is set');
    const explicit = chosen({ auth: 'managed-identity' }, { ...APP, AZURE_CLIENT_SECRET: 's' });
    assert.deepEqual([explicit.method, explicit.why], ['managed-identity', '--auth managed-identity']);
    const cert = chosen({ certificate: 'app.pem' }, { ...APP, AZURE_CLIENT_SECRET: 's' });
    assert.deepEqual([cert.method, cert.certificatePath], ['certificate', 'app.pem']);
    assert.equal(chosen({ auth: 'azure-cli' }, {}).method, 'azure-cli');
  });

  it('reads tenant and app from flags first, then AZURE_*, then the Azure Pipelines task variables', () => {
    const flags = chosen({ tenant: 'a.onmicrosoft.com', clientId: 'flag-app' }, { ...APP, AZURE_CLIENT_SECRET: 's' });
    assert.deepEqual([flags.tenantId, flags.clientId], ['a.onmicrosoft.com', 'flag-app']);
    const env = chosen({}, { ...APP, AZURE_CLIENT_SECRET: 's' });
    assert.deepEqual([env.tenantId, env.clientId], [APP.AZURE_TENANT_ID, APP.AZURE_CLIENT_ID]);
    const ado = chosen({}, PIPELINES);
    assert.deepEqual(
      [ado.tenantId, ado.clientId, ado.serviceConnectionId],
      [
        'fabrikam.onmicrosoft.com',
        PIPELINES.AZURESUBSCRIPTION_CLIENT_ID,
        PIPELINES.AZURESUBSCRIPTION_SERVICE_CONNECTION_ID,
      ],
    );
  });

  it('names what is missing, in one line', () => {
    assert.match(refused({}, {}), /^no credentials for --backend graph: set AZURE_TENANT_ID/);
    assert.match(refused({}, { AZURE_CLIENT_SECRET: 's' }), /needs the tenant: --tenant or AZURE_TENANT_ID/);
    assert.match(
      refused({}, { AZURE_TENANT_ID: 't', AZURE_CLIENT_SECRET: 's' }),
      /client id: --client-id or AZURE_CLIENT_ID/,
    );
    assert.match(refused({ auth: 'client-secret' }, APP), /reads the secret from AZURE_CLIENT_SECRET only/);
    assert.match(refused({ auth: 'certificate' }, APP), /needs a PEM file/);
    assert.match(refused({}, { ...APP, GITHUB_ACTIONS: 'true' }), /permissions: id-token: write/);
    assert.match(refused({ auth: 'github-oidc' }, APP), /permissions: id-token: write/);
    const noJobToken = { ...PIPELINES, SYSTEM_ACCESSTOKEN: '' };
    assert.match(refused({}, noJobToken), /SYSTEM_ACCESSTOKEN: \$\(System\.AccessToken\)/);
    assert.match(refused({ auth: 'azure-pipelines' }, APP), /service connection's id/);
    assert.match(refused({ auth: 'password' }, APP), /--auth must be one of client-secret, certificate/);
    assert.match(refused({ tenant: 'a b' }, { ...APP, AZURE_CLIENT_SECRET: 's' }), /not a tenant id or domain/);
  });

  it('signs in to the US Government cloud by --cloud or by its authority host', () => {
    const gov = chosen({ cloud: 'usGovL4' }, { ...APP, ...GITHUB });
    assert.deepEqual(
      [gov.cloud, gov.authorityHost, gov.graphResource, gov.graphBaseUrl, gov.oidcAudience],
      [
        'usGovL4',
        'https://login.microsoftonline.us',
        'https://graph.microsoft.us',
        'https://graph.microsoft.us',
        'api://AzureADTokenExchangeUSGov',
      ],
    );
    const byHost = chosen(
      {},
      { ...APP, AZURE_CLIENT_SECRET: 's', AZURE_AUTHORITY_HOST: 'https://login.microsoftonline.us/' },
    );
    assert.equal(byHost.cloud, 'usGovL4');
    const global = chosen({}, { ...APP, ...GITHUB });
    assert.deepEqual(
      [global.cloud, global.authorityHost, global.graphResource, global.oidcAudience, global.disableInstanceDiscovery],
      [
        'global',
        'https://login.microsoftonline.com',
        'https://graph.microsoft.com',
        'api://AzureADTokenExchange',
        false,
      ],
    );
    assert.match(refused({ cloud: 'china' }, APP), /--cloud must be global or usGovL4/);
    const mismatch = { ...APP, AZURE_CLIENT_SECRET: 's', AZURE_AUTHORITY_HOST: 'https://login.microsoftonline.com' };
    assert.match(refused({ cloud: 'usGovL4' }, mismatch), /signs in to the global cloud, not --cloud usGovL4/);
    assert.match(refused({}, { ...mismatch, AZURE_AUTHORITY_HOST: 'http://login.example' }), /must be an https URL/);
  });

  it('sends a token only to Graph or, for tests, to a server on this machine', () => {
    const secret = { ...APP, AZURE_CLIENT_SECRET: 's' };
    const local = chosen(
      {},
      { ...secret, CPCPOLICY_GRAPH_BASE_URL: 'http://127.0.0.1:8080/', AZURE_AUTHORITY_HOST: 'https://127.0.0.1:9443' },
    );
    assert.deepEqual(
      [local.graphBaseUrl, local.graphResource, local.disableInstanceDiscovery],
      ['http://127.0.0.1:8080', 'https://graph.microsoft.com', true],
    );
    assert.match(refused({}, { ...secret, CPCPOLICY_GRAPH_BASE_URL: 'https://graph.contoso.com' }), /on this machine/);
    const plainRunner = { ...APP, ...GITHUB, ACTIONS_ID_TOKEN_REQUEST_URL: 'http://runner.example/oidc' };
    assert.match(refused({}, plainRunner), /ACTIONS_ID_TOKEN_REQUEST_URL must be an https URL/);
  });

  it('never copies a secret into the choice', () => {
    const env = { ...APP, AZURE_CLIENT_SECRET: 'the-secret', ...GITHUB, ...PIPELINES };
    for (const auth of ['client-secret', 'github-oidc', 'azure-pipelines'])
      assert.doesNotMatch(JSON.stringify(chosen({ auth }, env)), /the-secret|runner|job-token/);
  });
});

describe('cpcpolicy --backend graph: the application permission a refused request needs', () => {
  it('reads need CloudPC.Read.All, changes CloudPC.ReadWrite.All, groups Group.Read.All', () => {
    assert.equal(
      applicationPermissionFor('GET', '/beta/deviceManagement/virtualEndpoint/provisioningPolicies'),
      'CloudPC.Read.All',
    );
    assert.equal(
      applicationPermissionFor('POST', '/beta/deviceManagement/virtualEndpoint/provisioningPolicies'),
      'CloudPC.ReadWrite.All',
    );
    assert.equal(
      applicationPermissionFor('PATCH', '/beta/deviceManagement/virtualEndpoint/provisioningPolicies/x'),
      'CloudPC.ReadWrite.All',
    );
    assert.equal(applicationPermissionFor('GET', '/v1.0/groups/abc/members'), 'Group.Read.All');
    assert.equal(applicationPermissionFor('GET', '/v1.0/subscribedSkus'), 'LicenseAssignment.Read.All');
  });

  it('says so in one line with what was refused', () => {
    const err = new GraphError({
      status: 403,
      code: 'Forbidden',
      message: 'no',
      method: 'POST',
      path: '/beta/deviceManagement/virtualEndpoint/provisioningPolicies/p1/assign',
    });
    assert.equal(
      forbiddenLine(err),
      'Graph refused POST /beta/deviceManagement/virtualEndpoint/provisioningPolicies/p1/assign (403): the app registration ' +
        'lacks the application permission CloudPC.ReadWrite.All (add it under API permissions, Microsoft Graph, ' +
        'Application permissions, and grant admin consent)',
    );
  });
});

describe('cpcpolicy --backend graph: every refused call of the api names its permission', () => {
  const forbiddenGraph = createInProcessCloudPcApi(async () => ({
    status: 403,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ error: { code: 'Forbidden', message: 'Insufficient privileges.' } }),
  }));
  const api = withPermissionHints(forbiddenGraph);
  const refusal = (permission: string) => (err: unknown) =>
    isGraphError(err) && err.status === 403 && err.message.includes(`application permission ${permission} `);

  it('promises and the paged iterators alike, keeping the 403 for callers that branch on it', async () => {
    await assert.rejects(api.listPolicies(), refusal('CloudPC.Read.All'));
    await assert.rejects(api.createPolicy({ displayName: 'x' }), refusal('CloudPC.ReadWrite.All'));
    await assert.rejects(api.getGroup('g1'), refusal('Group.Read.All'));
    await assert.rejects(async () => {
      for await (const page of api.iteratePolicies()) assert.fail(`no page expected: ${page.items.length}`);
    }, refusal('CloudPC.Read.All'));
    await assert.rejects(forbiddenGraph.listPolicies(), (err: unknown) => !refusal('CloudPC.Read.All')(err));
  });
});

describe('cpcpolicy --backend graph: a refused sign-in as one safe line', () => {
  it('keeps the AADSTS code and text, blanks tokens and the secrets in the environment', () => {
    const env = { AZURE_CLIENT_SECRET: 'hunter2-secret', SYSTEM_ACCESSTOKEN: 'job-token-123' };
    const err = new Error(
      'invalid_client (status code 401).\nMore details:\nAADSTS7000215: Invalid client secret provided: hunter2-secret ' +
        'with eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl and job-token-123. Trace ID: 1',
    );
    assert.equal(
      safeReason(err, env),
      'AADSTS7000215: Invalid client secret provided: [redacted] with [redacted] and [redacted].',
    );
    assert.equal(
      safeReason(new Error('\n\nManaged identity endpoint not available.\nmore'), {}),
      'Managed identity endpoint not available.',
    );
  });
});
