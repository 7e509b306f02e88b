// One line per Graph request in the "Cloud PC" log: method, path, status, duration, request-id,
// retries. Never bodies, never headers (the token lives in a header).
import type * as vscode from 'vscode';
import type { RequestLogEntry, RequestLogger } from '../../core/graph/requestLog';

export function formatRequestLogEntry(e: RequestLogEntry): string {
  const parts = [`${e.method} ${e.path}`, `→ ${e.status || 'no response'}`, `${Math.round(e.durationMs)} ms`];
  if (e.requestId) parts.push(`request-id ${e.requestId}`);
  if (e.retries > 0) parts.push(`${e.retries} ${e.retries === 1 ? 'retry' : 'retries'}`);
  if (e.errorCode) parts.push(e.errorCode);
  return parts.join(' · ');
}

export function requestLoggerFor(log: vscode.LogOutputChannel, backendLabel: string): RequestLogger {
  return (entry) => {
    const line = `[${backendLabel}] ${formatRequestLogEntry(entry)}`;
    if (entry.status >= 400 || entry.status === 0) log.warn(line);
    else log.info(line);
  };
}
