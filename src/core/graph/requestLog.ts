// What we log per logical request: never bodies, never headers, so never a token.

export interface RequestLogEntry {
  method: string;
  /** Path and query without origin; cursor-like values ($skiptoken) are masked. */
  path: string;
  /** HTTP status, or 0 when no answer arrived (network error, timeout, cancel). */
  status: number;
  durationMs: number;
  requestId?: string;
  /** The id we sent; lets an admin correlate even when no answer came. */
  clientRequestId: string;
  retries: number;
  /** Our error code when it failed (e.g. `networkError`, `badRequest`). */
  errorCode?: string;
}

export type RequestLogger = (entry: RequestLogEntry) => void;

const secretParam = /^(\$?skip_?token|access_?token|token|code|client_secret|sig|signature|key|api[-_]?key|password)$/i;

/** Path + query for logs: secret-looking query values become `***`. */
export function loggablePath(pathAndQuery: string): string {
  const q = pathAndQuery.indexOf('?');
  if (q < 0) return pathAndQuery;
  const params = pathAndQuery
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      let decodedKey = key;
      try {
        decodedKey = decodeURIComponent(key);
      } catch {
        /* keep raw */
      }
      return eq >= 0 && secretParam.test(decodedKey) ? `${key}=***` : pair;
    });
  return `${pathAndQuery.slice(0, q)}?${params.join('&')}`;
}
