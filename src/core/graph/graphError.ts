// One typed error for everything that can go wrong talking to Graph (HTTP, network, cancel).
// The message is what an admin sees: the service's innerError message when there is one (docs/service-facts.md "Errors and throttling").
import type { GraphErrorBody } from '../model/rest';

export interface GraphErrorInit {
  status: number;
  code: string;
  message: string;
  innerCode?: string;
  innerMessage?: string;
  requestId?: string;
  clientRequestId?: string;
  retries?: number;
  method?: string;
  path?: string;
  retryAfterMs?: number;
}

export class GraphError extends Error {
  override readonly name = 'GraphError';
  /** HTTP status; 0 for network errors, timeouts and cancellation. */
  readonly status: number;
  /** Top-level Graph code, e.g. `badRequest`, or `networkError` / `timeout` / `cancelled`. */
  readonly code: string;
  readonly innerCode?: string;
  readonly innerMessage?: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  /** How many times the request was retried before this error. */
  retries: number;
  readonly method?: string;
  readonly path?: string;
  readonly retryAfterMs?: number;

  constructor(init: GraphErrorInit) {
    super(init.innerMessage || init.message || `${init.code} (HTTP ${init.status})`);
    this.status = init.status;
    this.code = init.code;
    this.innerCode = init.innerCode;
    this.innerMessage = init.innerMessage;
    this.requestId = init.requestId;
    this.clientRequestId = init.clientRequestId;
    this.retries = init.retries ?? 0;
    this.method = init.method;
    this.path = init.path;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** Plain data for logs and JSON: never headers or bodies, so never a token. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      status: this.status,
      code: this.code,
      message: this.message,
      innerCode: this.innerCode,
      innerMessage: this.innerMessage,
      requestId: this.requestId,
      clientRequestId: this.clientRequestId,
      retries: this.retries,
      method: this.method,
      path: this.path,
    };
  }
}

export function isGraphError(value: unknown): value is GraphError {
  return value instanceof GraphError;
}

/** The resource is gone (deleted, or never existed): Graph answers 404. */
export function isNotFound(err: unknown): boolean {
  return isGraphError(err) && err.status === 404;
}

/** Builds a GraphError from a non-2xx response; tolerates non-JSON bodies (proxies, gateways). */
export function graphErrorFromResponse(
  status: number,
  headers: { get(name: string): string | null },
  bodyText: string | undefined,
  where: { method?: string; path?: string; retries?: number; retryAfterMs?: number } = {},
): GraphError {
  let envelope: GraphErrorBody['error'] | undefined;
  if (bodyText) {
    try {
      const parsed = JSON.parse(bodyText) as Partial<GraphErrorBody>;
      if (parsed && typeof parsed === 'object' && parsed.error && typeof parsed.error === 'object')
        envelope = parsed.error;
    } catch {
      // Not JSON: fall back to the status text below.
    }
  }
  const inner = envelope?.innerError;
  return new GraphError({
    status,
    code: str(envelope?.code) ?? defaultCode(status),
    message: str(envelope?.message) ?? `HTTP ${status}`,
    innerCode: str(inner?.code),
    innerMessage: str(inner?.message),
    requestId: str(inner?.['request-id']) ?? headers.get('request-id') ?? undefined,
    clientRequestId: str(inner?.['client-request-id']) ?? headers.get('client-request-id') ?? undefined,
    retries: where.retries,
    method: where.method,
    path: where.path,
    retryAfterMs: where.retryAfterMs,
  });
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function defaultCode(status: number): string {
  switch (status) {
    case 400:
      return 'badRequest';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'notFound';
    case 409:
      return 'conflict';
    case 429:
      return 'tooManyRequests';
    case 503:
      return 'serviceUnavailable';
    case 504:
      return 'gatewayTimeout';
    default:
      return status >= 500 ? 'serviceError' : 'httpError';
  }
}

/** Network-level failure (ECONNRESET, DNS, refused): status 0 so callers can tell it from an HTTP answer. */
export function networkGraphError(cause: unknown, where: { method?: string; path?: string } = {}): GraphError {
  const errno = cause as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const sysCode =
    typeof errno?.cause?.code === 'string'
      ? errno.cause.code
      : typeof errno?.code === 'string'
        ? errno.code
        : undefined;
  return new GraphError({
    status: 0,
    code: 'networkError',
    message: sysCode
      ? `Network error (${sysCode}) talking to Microsoft Graph.`
      : 'Network error talking to Microsoft Graph.',
    innerCode: sysCode,
    method: where.method,
    path: where.path,
  });
}

export function timeoutGraphError(timeoutMs: number, where: { method?: string; path?: string } = {}): GraphError {
  return new GraphError({
    status: 0,
    code: 'timeout',
    message: `No answer from Microsoft Graph within ${Math.round(timeoutMs / 1000)} s.`,
    ...where,
  });
}

export function cancelledGraphError(where: { method?: string; path?: string } = {}): GraphError {
  return new GraphError({ status: 0, code: 'cancelled', message: 'The request was cancelled.', ...where });
}
