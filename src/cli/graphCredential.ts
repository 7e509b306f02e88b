// The @azure/identity credential for a sign-in choice (graphSignInChoice.ts decides which). Every token exchange
// is the library's; the only request of our own is GitHub's "give me the job's OIDC token" (docs/policy-as-code.md).
import {
  AzureCliCredential,
  AzurePipelinesCredential,
  ClientAssertionCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  WorkloadIdentityCredential,
} from '@azure/identity';
import type { TokenCredential } from '@azure/identity';
import type { SignInChoice } from './graphSignInChoice';

type Env = Readonly<Record<string, string | undefined>>;

/** The credential the choice names, built from its fields and the secrets still in the environment. */
export function createGraphCredential(choice: SignInChoice, env: Env): TokenCredential {
  const common = { authorityHost: choice.authorityHost, disableInstanceDiscovery: choice.disableInstanceDiscovery };
  const tenantId = choice.tenantId ?? '';
  const clientId = choice.clientId ?? '';
  switch (choice.method) {
    case 'client-secret':
      return new ClientSecretCredential(tenantId, clientId, env['AZURE_CLIENT_SECRET'] ?? '', common);
    case 'certificate':
      return new ClientCertificateCredential(
        tenantId,
        clientId,
        { certificatePath: choice.certificatePath!, certificatePassword: env['AZURE_CLIENT_CERTIFICATE_PASSWORD'] },
        common,
      );
    case 'federated-token-file':
      // The file is read again for each token: Kubernetes and other providers rotate it in place.
      return new WorkloadIdentityCredential({ ...common, tenantId, clientId, tokenFilePath: choice.tokenFilePath! });
    case 'github-oidc':
      return new ClientAssertionCredential(tenantId, clientId, () => githubOidcToken(choice, env), common);
    case 'azure-pipelines':
      return new AzurePipelinesCredential(
        tenantId,
        clientId,
        choice.serviceConnectionId!,
        env['SYSTEM_ACCESSTOKEN'] ?? '',
        common,
      );
    case 'managed-identity':
      return choice.clientId
        ? new ManagedIdentityCredential({ clientId: choice.clientId })
        : new ManagedIdentityCredential();
    case 'azure-cli':
      return new AzureCliCredential(choice.tenantId ? { tenantId: choice.tenantId } : {});
  }
}

/**
 * The job's OIDC token from the GitHub Actions runner (the request `core.getIDToken` makes): GET the request URL
 * with the audience, the runner's request token as bearer; the answer is `{ "value": "<JWT>" }`.
 */
async function githubOidcToken(choice: SignInChoice, env: Env): Promise<string> {
  const url = new URL(choice.oidcRequestUrl!);
  url.searchParams.set('audience', choice.oidcAudience!);
  let reply: Response;
  try {
    reply = await fetch(url, {
      headers: { Authorization: `Bearer ${env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] ?? ''}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(30_000),
    });
  } catch (err) {
    throw new Error(`the GitHub Actions runner did not hand out an OIDC token (${(err as Error).name})`);
  }
  if (!reply.ok) throw new Error(`the GitHub Actions runner refused the OIDC token request (HTTP ${reply.status})`);
  const body = (await reply.json().catch(() => undefined)) as { value?: unknown } | undefined;
  if (typeof body?.value !== 'string' || body.value === '')
    throw new Error('the GitHub Actions runner answered without an OIDC token');
  return body.value;
}
