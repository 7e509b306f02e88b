// Offers `cpcpolicy mcp` to the agents of this VS Code (contributes.mcpServerDefinitionProviders), where the
// running VS Code has the API (1.101+). The @types are 1.100, the minimum this extension supports, so the narrow
// shape used here is declared and the API detected at run time: on 1.100 nothing is offered and nothing fails.
import * as vscode from 'vscode';

export const MCP_PROVIDER_ID = 'cpcpolicy.mcpServers';

interface McpStdioServerDefinitionCtor {
  new (
    label: string,
    command: string,
    args?: string[],
    env?: Record<string, string | number | null>,
    version?: string,
  ): unknown;
}

interface McpApi {
  registerMcpServerDefinitionProvider?(
    id: string,
    provider: { provideMcpServerDefinitions(token: vscode.CancellationToken): unknown[] },
  ): vscode.Disposable;
}

/** The API became stable in 1.101; VS Code 1.100 has a proposed one of the same name that wants another contribution. */
function versionAtLeast(version: string, major: number, minor: number): boolean {
  const [a = 0, b = 0] = version.split('.').map((n) => Number.parseInt(n, 10));
  return a > major || (a === major && b >= minor);
}

/** True when this VS Code can be offered MCP servers by an extension. */
export function hasMcpProviderApi(): boolean {
  if (!versionAtLeast(vscode.version, 1, 101)) return false;
  const lm = vscode.lm as unknown as McpApi;
  const ctor = (vscode as unknown as { McpStdioServerDefinition?: unknown }).McpStdioServerDefinition;
  return typeof lm.registerMcpServerDefinitionProvider === 'function' && typeof ctor === 'function';
}

/**
 * The read-only server on the demo simulator: it runs the bundled CLI with the editor's own runtime
 * (ELECTRON_RUN_AS_NODE makes VS Code's executable a plain Node). A real tenant or changes need the
 * person's own configuration (README "Ask the agent"), never an offer made without asking.
 */
export function registerMcpServerProvider(
  context: vscode.ExtensionContext,
  version: string,
  log: vscode.LogOutputChannel,
): vscode.Disposable {
  const none = new vscode.Disposable(() => undefined);
  if (!hasMcpProviderApi()) return none;
  try {
    return offer(context, version);
  } catch (err) {
    // Offering the server is a convenience: a VS Code that refuses it must not stop the extension.
    log.warn(`The MCP server could not be offered to VS Code: ${err instanceof Error ? err.message : String(err)}`);
    return none;
  }
}

function offer(context: vscode.ExtensionContext, version: string): vscode.Disposable {
  const lm = vscode.lm as unknown as Required<McpApi>;
  const Definition = (vscode as unknown as { McpStdioServerDefinition: McpStdioServerDefinitionCtor })
    .McpStdioServerDefinition;
  return lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, {
    provideMcpServerDefinitions: () => [
      new Definition(
        vscode.l10n.t('Cloud PC policies (demo simulator, read-only)'),
        process.execPath,
        [context.asAbsolutePath('dist/cli.js'), 'mcp', '--backend', 'simulator'],
        { ELECTRON_RUN_AS_NODE: '1' },
        version,
      ),
    ],
  });
}
