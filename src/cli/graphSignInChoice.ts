// Which app-only credential `--backend graph` uses, and why: flags first, then the usual AZURE_* variables and
// what a CI provider puts in the environment (docs/policy-as-code.md "How the credential is chosen"). Pure:
// no secret value is copied here, only where it is (the credential factory reads it when it signs in).
import { graphCloudBaseUrl } from '../core/graph/graphClouds';
import type { GraphCloud } from '../core/graph/graphClouds';

export const SIGN_IN_METHODS = [
  'client-secret',
  'certificate',
  'federated-token-file',
  'github-oidc',
  'azure-pipelines',
  'managed-identity',
  'azure-cli',
] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** The sign-in host of each cloud (docs/policy-as-code.md "US Government"). */
export const cloudAuthorityHost: Readonly<Record<GraphCloud, string>> = {
  global: 'https://login.microsoftonline.com',
  usGovL4: 'https://login.microsoftonline.us',
};

/** The federated credential's audience Entra expects per cloud (docs/policy-as-code.md "Federated credentials"). */
export const cloudOidcAudience: Readonly<Record<GraphCloud, string>> = {
  global: 'api://AzureADTokenExchange',
  usGovL4: 'api://AzureADTokenExchangeUSGov',
};

export interface SignInFlags {
  auth?: string;
  cloud?: string;
  tenant?: string;
  clientId?: string;
  certificate?: string;
  serviceConnection?: string;
  oidcAudience?: string;
}

export interface SignInChoice {
  method: SignInMethod;
  /** Why this method, for the label and docs: "--auth certificate", "AZURE_FEDERATED_TOKEN_FILE is set". */
  why: string;
  cloud: GraphCloud;
  /** Token audience and default origin: https://graph.microsoft.com or https://graph.microsoft.us. */
  graphResource: string;
  /** The origin requests go to: graphResource, or a loopback test server (CPCPOLICY_GRAPH_BASE_URL). */
  graphBaseUrl: string;
  authorityHost: string;
  /** A sign-in host on this machine (tests): MSAL must not ask the public cloud to discover it. */
  disableInstanceDiscovery: boolean;
  tenantId?: string;
  clientId?: string;
  certificatePath?: string;
  tokenFilePath?: string;
  /** github-oidc: where the runner hands out its OIDC token, and the audience to ask for. */
  oidcRequestUrl?: string;
  oidcAudience?: string;
  serviceConnectionId?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The credential flags and environment select, or one line saying what is missing. */
export function chooseSignIn(flags: SignInFlags, env: Env, interactive: boolean): SignInChoice | string {
  const place = whereToSignIn(flags, env);
  if (typeof place === 'string') return place;
  const picked = pickMethod(flags, env, interactive);
  if (typeof picked === 'string') return picked;
  const tenantId = flags.tenant ?? nonEmpty(env['AZURE_TENANT_ID']) ?? nonEmpty(env['AZURESUBSCRIPTION_TENANT_ID']);
  const clientId = flags.clientId ?? nonEmpty(env['AZURE_CLIENT_ID']) ?? nonEmpty(env['AZURESUBSCRIPTION_CLIENT_ID']);
  if (tenantId !== undefined && !/^[A-Za-z0-9][A-Za-z0-9.-]{0,99}$/.test(tenantId))
    return `--tenant '${tenantId}' is not a tenant id or domain (e.g. contoso.onmicrosoft.com)`;
  const choice: SignInChoice = { ...place, ...picked, tenantId, clientId };
  return completeFor(choice, flags, env);
}

function whereToSignIn(
  flags: SignInFlags,
  env: Env,
):
  | Pick<SignInChoice, 'cloud' | 'graphResource' | 'graphBaseUrl' | 'authorityHost' | 'disableInstanceDiscovery'>
  | string {
  if (flags.cloud !== undefined && !(flags.cloud in graphCloudBaseUrl))
    return `--cloud must be global or usGovL4, not '${flags.cloud}' (the clouds Windows 365's Graph API is in)`;
  const hostText = nonEmpty(env['AZURE_AUTHORITY_HOST']);
  const host = hostText === undefined ? undefined : parseUrl(hostText);
  if (host === null || (host && host.protocol !== 'https:'))
    return `AZURE_AUTHORITY_HOST must be an https URL such as ${cloudAuthorityHost.usGovL4}, not '${hostText}'`;
  const hostCloud = host ? cloudOfAuthority(host.origin) : undefined;
  const cloud = (flags.cloud as GraphCloud | undefined) ?? hostCloud ?? 'global';
  if (hostCloud && hostCloud !== cloud)
    return `AZURE_AUTHORITY_HOST (${host!.origin}) signs in to the ${hostCloud} cloud, not --cloud ${cloud}`;
  const graphResource = graphCloudBaseUrl[cloud];
  const baseText = nonEmpty(env['CPCPOLICY_GRAPH_BASE_URL']);
  const base = baseText === undefined ? undefined : parseUrl(baseText);
  // A test hatch only: a token is sent to this origin, so nothing off this machine is accepted.
  if (base === null || (base && !isLoopback(base)))
    return `CPCPOLICY_GRAPH_BASE_URL is for tests against a server on this machine (http://127.0.0.1:PORT), not '${baseText}'`;
  return {
    cloud,
    graphResource,
    graphBaseUrl: base ? base.origin : graphResource,
    authorityHost: host ? host.origin : cloudAuthorityHost[cloud],
    disableInstanceDiscovery: host ? isLoopback(host) : false,
  };
}

/** Explicit --auth wins; otherwise the first credential the environment holds, in the documented order. */
function pickMethod(flags: SignInFlags, env: Env, interactive: boolean): Pick<SignInChoice, 'method' | 'why'> | string {
  if (flags.auth !== undefined) {
    if (!(SIGN_IN_METHODS as readonly string[]).includes(flags.auth))
      return `--auth must be one of ${SIGN_IN_METHODS.join(', ')}, not '${flags.auth}'`;
    return { method: flags.auth as SignInMethod, why: `--auth ${flags.auth}` };
  }
  if (flags.certificate !== undefined) return { method: 'certificate', why: '--certificate is given' };
  if (nonEmpty(env['AZURE_CLIENT_SECRET'])) return { method: 'client-secret', why: 'AZURE_CLIENT_SECRET is set' };
  if (nonEmpty(env['AZURE_CLIENT_CERTIFICATE_PATH']))
    return { method: 'certificate', why: 'AZURE_CLIENT_CERTIFICATE_PATH is set' };
  if (nonEmpty(env['AZURE_FEDERATED_TOKEN_FILE']))
    return { method: 'federated-token-file', why: 'AZURE_FEDERATED_TOKEN_FILE is set' };
  if (nonEmpty(env['ACTIONS_ID_TOKEN_REQUEST_URL']))
    return { method: 'github-oidc', why: 'GitHub Actions offers an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL)' };
  if (nonEmpty(env['SYSTEM_OIDCREQUESTURI']) && serviceConnectionOf(flags, env))
    return { method: 'azure-pipelines', why: 'an Azure Pipelines service connection is named' };
  if (env['GITHUB_ACTIONS'] === 'true')
    return 'GitHub Actions gave this job no OIDC token: add `permissions: id-token: write` to the job (or set AZURE_* credentials)';
  if (interactive) return { method: 'azure-cli', why: 'a person at a terminal (az login)' };
  return (
    'no credentials for --backend graph: set AZURE_TENANT_ID and AZURE_CLIENT_ID with AZURE_CLIENT_SECRET, ' +
    'AZURE_CLIENT_CERTIFICATE_PATH or AZURE_FEDERATED_TOKEN_FILE, run in GitHub Actions with id-token: write, ' +
    'or pass --auth azure-pipelines|managed-identity|azure-cli'
  );
}

/** What each method needs besides the tenant and app; the first thing missing, named with where to put it. */
function completeFor(choice: SignInChoice, flags: SignInFlags, env: Env): SignInChoice | string {
  const needsApp = choice.method !== 'managed-identity' && choice.method !== 'azure-cli';
  const how = describeMethod(choice.method);
  if (needsApp && !choice.tenantId) return `${how} needs the tenant: --tenant or AZURE_TENANT_ID`;
  if (needsApp && !choice.clientId)
    return `${how} needs the app registration's client id: --client-id or AZURE_CLIENT_ID`;
  switch (choice.method) {
    case 'client-secret':
      // Never a flag: a secret on a command line is visible to every process on the machine and in shell history.
      return nonEmpty(env['AZURE_CLIENT_SECRET']) ? choice : `${how} reads the secret from AZURE_CLIENT_SECRET only`;
    case 'certificate': {
      const certificatePath = flags.certificate ?? nonEmpty(env['AZURE_CLIENT_CERTIFICATE_PATH']);
      if (!certificatePath) return `${how} needs a PEM file: --certificate or AZURE_CLIENT_CERTIFICATE_PATH`;
      return { ...choice, certificatePath };
    }
    case 'federated-token-file': {
      const tokenFilePath = nonEmpty(env['AZURE_FEDERATED_TOKEN_FILE']);
      return tokenFilePath
        ? { ...choice, tokenFilePath }
        : `${how} reads the token file named by AZURE_FEDERATED_TOKEN_FILE`;
    }
    case 'github-oidc':
      return githubOidc(choice, flags, env, how);
    case 'azure-pipelines': {
      const serviceConnectionId = serviceConnectionOf(flags, env);
      if (!serviceConnectionId)
        return `${how} needs the service connection's id: --service-connection or AZURESUBSCRIPTION_SERVICE_CONNECTION_ID`;
      if (!nonEmpty(env['SYSTEM_OIDCREQUESTURI'])) return `${how} runs only inside an Azure Pipelines job`;
      if (!nonEmpty(env['SYSTEM_ACCESSTOKEN']))
        return `${how} needs the job's token: map SYSTEM_ACCESSTOKEN: $(System.AccessToken) into the step's env`;
      return { ...choice, serviceConnectionId };
    }
    default:
      return choice;
  }
}

function githubOidc(choice: SignInChoice, flags: SignInFlags, env: Env, how: string): SignInChoice | string {
  const requestText = nonEmpty(env['ACTIONS_ID_TOKEN_REQUEST_URL']);
  if (!requestText || !nonEmpty(env['ACTIONS_ID_TOKEN_REQUEST_TOKEN']))
    return `${how} needs the job's OIDC token: add \`permissions: id-token: write\` to the job`;
  const request = parseUrl(requestText);
  // The runner's request token travels with it: https, or plain http only on this machine (tests).
  if (!request || !(request.protocol === 'https:' || isLoopback(request)))
    return `ACTIONS_ID_TOKEN_REQUEST_URL must be an https URL, not '${requestText}'`;
  return {
    ...choice,
    oidcRequestUrl: request.href,
    oidcAudience: flags.oidcAudience ?? cloudOidcAudience[choice.cloud],
  };
}

/** The method in words, for messages and the backend's label. */
export function describeMethod(method: SignInMethod): string {
  const words: Record<SignInMethod, string> = {
    'client-secret': 'sign-in with a client secret',
    certificate: 'sign-in with a certificate',
    'federated-token-file': 'workload identity federation (token file)',
    'github-oidc': 'workload identity federation (GitHub Actions OIDC)',
    'azure-pipelines': 'workload identity federation (Azure Pipelines service connection)',
    'managed-identity': 'managed identity',
    'azure-cli': 'Azure CLI sign-in',
  };
  return words[method];
}

function serviceConnectionOf(flags: SignInFlags, env: Env): string | undefined {
  return flags.serviceConnection ?? nonEmpty(env['AZURESUBSCRIPTION_SERVICE_CONNECTION_ID']);
}

function cloudOfAuthority(origin: string): GraphCloud | undefined {
  return (Object.keys(cloudAuthorityHost) as GraphCloud[]).find((c) => cloudAuthorityHost[c] === origin);
}

function isLoopback(url: URL): boolean {
  return (url.protocol === 'http:' || url.protocol === 'https:') && ['127.0.0.1', 'localhost'].includes(url.hostname);
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
