// `--backend graph` for the command line: app-only sign-in for pipelines (docs/policy-as-code.md).
// The options it reads are spread into every command that takes --backend.
import type { CloudPcApi } from '../core/graph/cloudPcApi';
import type { CliArgs, CliOptions } from './cliArgs';

/** The sign-in options `--backend graph` reads (added to each command's own options). */
export const GRAPH_SIGN_IN_OPTIONS: CliOptions = {
  cloud: { type: 'string' },
  tenant: { type: 'string' },
  'client-id': { type: 'string' },
};

/** Their lines in a command's --help. */
export const GRAPH_SIGN_IN_HELP = `  --cloud global|usGovL4     with --backend graph: the Graph cloud (default global)
  --tenant <id>              with --backend graph: the tenant id (or AZURE_TENANT_ID)
  --client-id <id>           with --backend graph: the app registration's client id (or AZURE_CLIENT_ID)
`;

export interface GraphCliApi {
  api: CloudPcApi;
  /** The tenant as the person knows it, for messages ("graph (contoso.onmicrosoft.com)"). */
  label: string;
}

/** A CloudPcApi on Microsoft Graph signed in as an application, or one line saying why not. */
export async function openGraphCliApi(_args: CliArgs, _env: NodeJS.ProcessEnv): Promise<GraphCliApi | string> {
  return '--backend graph needs app-only sign-in, which this build does not have yet: use --backend simulator or a loopback URL';
}
