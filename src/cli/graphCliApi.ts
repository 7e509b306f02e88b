// `--backend graph` for the command line: app-only sign-in for pipelines (docs/policy-as-code.md). Which
// credential is graphSignInChoice.ts, building it is graphCredential.ts; here the token is asked for once up
// front (so a missing credential is one line before any work) and then per request. A token is never printed,
// logged or written: it lives in the credential's memory cache and the outgoing Authorization header only.
import type { TokenCredential } from '@azure/identity';
import type { CloudPcApi } from '../core/graph/cloudPcApi';
import { createFetchCloudPcApi } from '../core/graph/createCloudPcApi';
import { stringValue } from './cliArgs';
import type * as CredentialModuleType from './graphCredential';
import type { CliArgs, CliOptions } from './cliArgs';
import { withPermissionHints } from './graphPermissions';
import { chooseSignIn, describeMethod, SIGN_IN_METHODS } from './graphSignInChoice';

/** The sign-in options `--backend graph` reads (added to each command's own options). */
export const GRAPH_SIGN_IN_OPTIONS: CliOptions = {
  cloud: { type: 'string' },
  tenant: { type: 'string' },
  'client-id': { type: 'string' },
  auth: { type: 'string' },
  certificate: { type: 'string' },
  'service-connection': { type: 'string' },
  'oidc-audience': { type: 'string' },
};

/** Their lines in a command's --help. */
export const GRAPH_SIGN_IN_HELP = `  --cloud global|usGovL4     with --backend graph: the Graph cloud (default global, or the one
                             AZURE_AUTHORITY_HOST names)
  --tenant <id>              the tenant id or domain (or AZURE_TENANT_ID)
  --client-id <id>           the app registration's client id (or AZURE_CLIENT_ID)
  --auth <method>            ${SIGN_IN_METHODS.slice(0, 4).join('|')}|
                             ${SIGN_IN_METHODS.slice(4).join('|')}
                             (default: the first the environment holds: AZURE_CLIENT_SECRET,
                             AZURE_CLIENT_CERTIFICATE_PATH, AZURE_FEDERATED_TOKEN_FILE, GitHub Actions
                             OIDC, an Azure Pipelines service connection; Azure CLI at a terminal)
  --certificate <pem>        certificate sign-in: PEM with the private key (or AZURE_CLIENT_CERTIFICATE_PATH)
  --service-connection <id>  azure-pipelines: the service connection's id (or
                             AZURESUBSCRIPTION_SERVICE_CONNECTION_ID)
  --oidc-audience <aud>      github-oidc: the audience of the federated credential (default
                             api://AzureADTokenExchange; usGovL4 api://AzureADTokenExchangeUSGov)
                             A client secret is read from AZURE_CLIENT_SECRET only, never a flag.
`;

export interface GraphCliApi {
  api: CloudPcApi;
  /** The tenant as the person knows it, for messages ("graph (contoso.onmicrosoft.com)"). */
  label: string;
  /** The tenant signed in to: --tenant / AZURE_TENANT_ID, or the token's own `tid`. */
  tenantId: string;
}

/** A CloudPcApi on Microsoft Graph signed in as an application, or one line saying why not. */
export async function openGraphCliApi(args: CliArgs, env: NodeJS.ProcessEnv): Promise<GraphCliApi | string> {
  const choice = chooseSignIn(
    {
      auth: stringValue(args, 'auth'),
      cloud: stringValue(args, 'cloud'),
      tenant: stringValue(args, 'tenant'),
      clientId: stringValue(args, 'client-id'),
      certificate: stringValue(args, 'certificate'),
      serviceConnection: stringValue(args, 'service-connection'),
      oidcAudience: stringValue(args, 'oidc-audience'),
    },
    env,
    // Azure CLI is the fallback only for a person at a terminal; a pipeline without credentials gets told so.
    process.stdin.isTTY === true && process.stdout.isTTY === true,
  );
  if (typeof choice === 'string') return choice;
  const how = describeMethod(choice.method);
  let credential: TokenCredential;
  try {
    credential = credentialModule().createGraphCredential(choice, env);
  } catch (err) {
    return `${how} could not start: ${safeReason(err, env)}`;
  }
  // App-only tokens carry the consented application permissions; per-operation scopes are delegated names.
  const scope = `${choice.graphResource}/.default`;
  let first: string;
  try {
    const token = await credential.getToken(scope);
    if (!token) return `${how} returned no token for ${scope}`;
    first = token.token;
  } catch (err) {
    return `${how} failed for tenant ${choice.tenantId ?? '(default)'}: ${safeReason(err, env)}`;
  }
  const tenantId = choice.tenantId ?? tenantOfToken(first) ?? 'unknown tenant';
  const api = createFetchCloudPcApi({
    cloud: choice.cloud,
    ...(choice.graphBaseUrl !== choice.graphResource ? { baseUrl: choice.graphBaseUrl } : {}),
    getToken: async (_scopes, signal) => {
      const token = await credential.getToken(scope, { abortSignal: signal });
      if (!token) throw new Error('no token');
      return token.token;
    },
    timeoutMs: 60_000,
  });
  return { api: withPermissionHints(api), label: `graph (${tenantId}, ${how})`, tenantId };
}

type CredentialModule = typeof CredentialModuleType;

/** Loaded only for --backend graph: the identity library is most of the CLI's size, and validate starts faster. */
function credentialModule(): CredentialModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./graphCredential') as CredentialModule;
}

/**
 * The credential's failure in one line: its AADSTS code and text when there is one, with anything shaped like a
 * token (a JWT) or a secret from the environment blanked out, so the line is safe for a CI log.
 */
export function safeReason(err: unknown, env: NodeJS.ProcessEnv): string {
  const raw = err instanceof Error ? err.message : String(err);
  const aadsts = /AADSTS\d+:[^\r\n]*/.exec(raw)?.[0];
  let line = (aadsts ?? raw.split(/\r?\n/).find((l) => l.trim() !== '') ?? 'no reason given').trim();
  line = line.replace(/\beyJ[\w-]*\.[\w-]*\.?[\w-]*/g, '[redacted]');
  for (const name of ['AZURE_CLIENT_SECRET', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'SYSTEM_ACCESSTOKEN']) {
    const secret = env[name];
    if (secret && secret.length >= 4) line = line.split(secret).join('[redacted]');
  }
  line = line.replace(/\s*Trace ID:.*$/i, '');
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

/** The `tid` claim of a JWT access token, read to name the tenant when none was given; never shown itself. */
function tenantOfToken(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { tid?: unknown };
    return typeof claims.tid === 'string' && /^[0-9a-f-]{36}$/i.test(claims.tid) ? claims.tid : undefined;
  } catch {
    return undefined;
  }
}
