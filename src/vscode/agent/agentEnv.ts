// The agent tools' environment in the editor: the current backend (read per call, so a backend switch is
// followed), its name for confirmations, and policy files read from the workspace folders only (an open
// document's unsaved text wins, as the editor's own diagnostics see it).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AgentEnv, PolicyFileText } from '../../core/agent/agentTool';
import { withReadCache } from '../../core/agent/readCache';
import type { CachedApi } from '../../core/agent/readCache';
import type { ActiveBackend } from '../backend/backendManager';
import type { ExtensionContext } from '../extensionContext';

/** The editor reads policy files of at most 16 MB, as `cpcpolicy validate` does. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

export function backendName(ctx: ExtensionContext): string {
  const backend = ctx.backends.current;
  return backend.kind === 'simulator' ? 'the simulator' : `Microsoft Graph (${backend.label})`;
}

/** A workspace file by relative path (or absolute, inside a workspace folder); anything outside is refused. */
export async function readWorkspacePolicyFile(file: string): Promise<PolicyFileText> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return { error: 'no folder is open: give the policy as text' };
  const candidates = path.isAbsolute(file)
    ? [vscode.Uri.file(file)]
    : folders.map((f) => vscode.Uri.joinPath(f.uri, file.replace(/\\/g, '/')));
  for (const uri of candidates) {
    const inside = folders.some((f) => {
      const rel = path.relative(f.uri.fsPath, uri.fsPath);
      return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    });
    if (!inside) return { error: `${file} is outside the workspace folders` };
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return { name: vscode.workspace.asRelativePath(uri), text: open.getText() };
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_FILE_BYTES) return { error: `${file} is larger than 16 MB` };
      const bytes = await vscode.workspace.fs.readFile(uri);
      return { name: vscode.workspace.asRelativePath(uri), text: new TextDecoder('utf-8').decode(bytes) };
    } catch {
      // Try the next workspace folder.
    }
  }
  return { error: `no file ${file} in the workspace folders` };
}

/** How long an answer read for one tool call serves the next ones (a conversation asks in bursts). */
const READ_CACHE_MS = 10_000;
const caches = new WeakMap<ActiveBackend, CachedApi>();

/** The backend's API behind the agent's read cache; the simulator's own change events (not its clock) clear it. */
function cachedApiOf(backend: ActiveBackend): CachedApi {
  let cached = caches.get(backend);
  if (!cached) {
    const made = withReadCache(backend.api, { ttlMs: READ_CACHE_MS });
    backend.simulator?.onDidChange((change) => {
      if (change.kind !== 'clock') made.clear();
    });
    caches.set(backend, (cached = made));
  }
  return cached;
}

/** The environment of one call: aborted when the call is cancelled or the backend changes. */
export function agentEnvFor(ctx: ExtensionContext, token?: vscode.CancellationToken): AgentEnv {
  const backend = ctx.backends.current;
  const abort = new AbortController();
  token?.onCancellationRequested(() => abort.abort());
  return {
    api: cachedApiOf(backend).api,
    tenant: backendName(ctx),
    readPolicyFile: readWorkspacePolicyFile,
    now: () => backend.simulator?.now() ?? Date.now(),
    signal: AbortSignal.any([abort.signal, backend.signal]),
  };
}
