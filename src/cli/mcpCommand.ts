// `cpcpolicy mcp [--backend simulator|URL|graph] [--allow-changes]`: the agent tools as an MCP server over stdio.
// stdout carries only protocol messages (every log line goes to stderr), no token is ever printed, and a client
// that goes away mid-call ends the server cleanly (its requests are aborted, the backend closed).
import path from 'node:path';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { version } from '../../package.json';
import type { AgentEnv, PolicyFileText } from '../core/agent/agentTool';
import { withReadCache } from '../core/agent/readCache';
import { errorText } from '../core/model/errorText';
import { parseCliArgs } from './cliArgs';
import { BACKEND_HELP, BACKEND_OPTIONS, openCliBackend } from './cliBackend';
import type { CliIo } from './cliIo';
import { createMcpServer, offeredTools } from './mcpServer';
import { readPolicyFile } from './readPolicyFile';

export const MCP_USAGE = 'mcp [--backend simulator|URL|graph] [--allow-changes]';

export const MCP_HELP = `Usage: cpcpolicy ${MCP_USAGE}

Serves the agent tools (validate, preview names, policies, Cloud PCs, explain failures, what-if, tenant
lookups) to an MCP client over stdio. Read-only unless --allow-changes; with it the changing tools
(assign, retry, reprovision, end grace period, apply) are offered, and the client asks before each call.

Options:
${BACKEND_HELP}
  --allow-changes            offer the tools that change the tenant
  -h, --help                 show this help
`;

/** Reads a policy file named relative to the directory the server was started in. */
export function cliPolicyFileReader(cwd: string): (file: string) => Promise<PolicyFileText> {
  return async (file) => {
    const full = path.resolve(cwd, file);
    const read = readPolicyFile(full);
    if ('problem' in read) return { error: read.problem };
    return { name: file, text: new TextDecoder('utf-8').decode(read.bytes) };
  };
}

export async function runMcp(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(args, { ...BACKEND_OPTIONS, 'allow-changes': { type: 'boolean' } });
  if (typeof parsed === 'string') {
    io.stderr(`cpcpolicy mcp: ${parsed}\n\n${MCP_HELP}`);
    return 2;
  }
  if (parsed.values['help'] === true) {
    // Help is for a person at a terminal: stderr, so even a misconfigured client never reads it as protocol.
    io.stderr(MCP_HELP);
    return 0;
  }
  if (parsed.positionals.length > 0) {
    io.stderr(`cpcpolicy mcp: unexpected argument '${parsed.positionals[0]}'\n`);
    return 2;
  }
  // Nothing a backend prints may reach stdout: it is the protocol channel.
  const quietIo: CliIo = { ...io, stdout: (s) => io.stderr(s) };
  const backend = await openCliBackend(parsed, quietIo);
  if ('exitCode' in backend) {
    io.stderr(`cpcpolicy mcp: ${backend.message}\n`);
    return backend.exitCode;
  }
  const allowChanges = parsed.values['allow-changes'] === true;
  const env: AgentEnv = {
    // A conversation repeats its reads within seconds; changes made through the server clear the cache.
    api: withReadCache(backend.api, { ttlMs: 10_000 }).api,
    tenant: backend.label,
    readPolicyFile: cliPolicyFileReader(io.cwd),
    now: () => Date.now(),
  };
  const server = createMcpServer({ env, allowChanges, version });
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
    process.stdin.once('close', () => resolve());
    // A client gone mid-answer: the write fails with EPIPE; end quietly instead of crashing.
    process.stdout.once('error', () => resolve());
  });
  server.onerror = (err) => io.stderr(`cpcpolicy mcp: ${errorText(err)}\n`);
  await server.connect(transport);
  io.stderr(
    `cpcpolicy mcp: ${offeredTools(allowChanges).length} tools on ${backend.label}${allowChanges ? ' (changes allowed)' : ' (read-only)'}\n`,
  );
  await closed;
  await server.close().catch(() => undefined);
  await backend.close();
  return 0;
}
