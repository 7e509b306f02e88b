// One logical Graph request through the SDK: headers every call carries, typed errors, one log entry.
import { Client, ResponseType } from '@microsoft/microsoft-graph-client';
import type { GraphRequest, Middleware } from '@microsoft/microsoft-graph-client';
import type { Clock } from '../model/clock';
import { systemClock } from '../model/clock';
import { AuthMiddleware } from './authMiddleware';
import type { GetToken } from './authMiddleware';
import { GraphCallState } from './graphCallState';
import { cancelledGraphError, GraphError, graphErrorFromResponse, networkGraphError } from './graphError';
import type { GraphScopeName } from './graphScopes';
import { buildQuery } from './odataQuery';
import type { QueryValue } from './odataQuery';
import { nextLinkTarget } from './nextLink';
import { loggablePath } from './requestLog';
import type { RequestLogger } from './requestLog';
import { RetryMiddleware } from './retryMiddleware';
import { parseRetryAfter } from './retryPolicy';
import type { RetryOptions } from './retryPolicy';
import { realSleep } from './sleep';
import type { Sleep } from './sleep';

export type GraphApiVersion = 'beta' | 'v1.0';

export interface GraphRequestSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  version: GraphApiVersion;
  /** Path below the version, e.g. `/deviceManagement/virtualEndpoint/cloudPCs`; may carry an already-encoded query. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Least scope the operation needs (docs/service-facts.md "Permissions and scopes"). */
  scope: GraphScopeName;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface GraphReply<T> {
  status: number;
  body: T | undefined;
  requestId?: string;
  retries: number;
}

export interface GraphRequesterOptions {
  /** Origin requests go to: `https://graph.microsoft.com`, `https://graph.microsoft.us`, or `http://127.0.0.1:PORT`. */
  baseUrl: string;
  /** Last middleware: FetchTransport or HandlerTransport. */
  transport: Middleware;
  getToken: GetToken;
  /** Token audience used to qualify scopes; defaults to baseUrl. */
  tokenResource?: string;
  logger?: RequestLogger;
  clock?: Clock;
  sleep?: Sleep;
  random?: () => number;
  retry?: Partial<RetryOptions>;
  /** Per-request correlation id sent as `client-request-id` (Graph echoes it; support asks for it). */
  newClientRequestId?: () => string;
}

/** Evolvable enums: without this Graph hides newer members behind `unknownFutureValue` (docs/service-facts.md "Evolvable enums"). */
export const preferUnknownEnumMembers = 'include-unknown-enum-members';

export class GraphRequester {
  private readonly client: Client;
  private readonly clock: Clock;
  private readonly logger?: RequestLogger;
  private readonly newClientRequestId: () => string;
  readonly baseUrl: string;

  constructor(options: GraphRequesterOptions) {
    this.baseUrl = new URL(options.baseUrl).origin;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger;
    this.newClientRequestId = options.newClientRequestId ?? (() => globalThis.crypto.randomUUID());
    const chain: Middleware[] = [
      new RetryMiddleware({
        clock: this.clock,
        sleep: options.sleep ?? realSleep,
        random: options.random ?? Math.random,
        options: options.retry,
      }),
      new AuthMiddleware(options.getToken, options.tokenResource ?? this.baseUrl),
      options.transport,
    ];
    this.client = Client.initWithMiddleware({ middleware: chain, baseUrl: this.baseUrl, defaultVersion: 'beta' });
  }

  async send<T>(spec: GraphRequestSpec): Promise<GraphReply<T>> {
    const pathAndQuery = joinQuery(spec.path, buildQuery(spec.query));
    const logPath = loggablePath(`/${spec.version}${pathAndQuery}`);
    const state = new GraphCallState(spec.method, logPath, spec.scope, spec.signal);
    const clientRequestId = this.newClientRequestId();
    const started = this.clock.now();
    let status = 0;
    let requestId: string | undefined;
    let errorCode: string | undefined;
    try {
      if (spec.signal?.aborted) throw cancelledGraphError({ method: spec.method, path: logPath });
      const request = this.client
        .api(pathAndQuery)
        .version(spec.version)
        .headers({ ...spec.headers, Prefer: joinPrefer(spec.headers?.Prefer), 'client-request-id': clientRequestId })
        .middlewareOptions([state])
        .responseType(ResponseType.RAW);
      if (spec.signal) request.option('signal', spec.signal);
      const response = await this.dispatch(request, spec).catch((err: unknown) => {
        throw (
          state.error ??
          (err instanceof GraphError
            ? err
            : (findGraphError(err) ?? networkGraphError(err, { method: spec.method, path: logPath })))
        );
      });
      status = response.status;
      requestId = response.headers.get('request-id') ?? undefined;
      const text = await response.text();
      if (!response.ok) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.clock.now());
        throw graphErrorFromResponse(response.status, response.headers, text, {
          method: spec.method,
          path: logPath,
          retries: state.retries,
          retryAfterMs,
        });
      }
      return { status, body: parseBody<T>(text, spec.method, logPath), requestId, retries: state.retries };
    } catch (err) {
      const error = err instanceof GraphError ? err : networkGraphError(err, { method: spec.method, path: logPath });
      error.retries = state.retries;
      errorCode = error.code;
      requestId ??= error.requestId;
      throw error;
    } finally {
      this.logger?.({
        method: spec.method,
        path: logPath,
        status,
        durationMs: this.clock.now() - started,
        requestId,
        clientRequestId,
        retries: state.retries,
        errorCode,
      });
    }
  }

  /** Turns an `@odata.nextLink` into a request on OUR origin: the token never follows a link to another host. */
  specForNextLink(link: string, previous: GraphRequestSpec): GraphRequestSpec {
    const target = nextLinkTarget(link, this.baseUrl);
    return {
      ...previous,
      method: 'GET',
      version: target.version,
      path: target.pathAndQuery,
      query: undefined,
      body: undefined,
    };
  }

  private dispatch(request: GraphRequest, spec: GraphRequestSpec): Promise<Response> {
    switch (spec.method) {
      case 'GET':
        return request.get() as Promise<Response>;
      case 'DELETE':
        return request.delete() as Promise<Response>;
      case 'PATCH':
        return request.patch(spec.body ?? {}) as Promise<Response>;
      case 'POST':
        return request.post(spec.body) as Promise<Response>;
    }
  }
}

function joinQuery(path: string, query: string): string {
  if (!query) return path;
  return path.includes('?') ? `${path}&${query.slice(1)}` : `${path}${query}`;
}

function joinPrefer(extra: string | undefined): string {
  return extra ? `${preferUnknownEnumMembers}, ${extra}` : preferUnknownEnumMembers;
}

/** 202/204 or an empty body are fine (PATCH 204 without body, retry 202 or 204: docs/service-facts.md "Endpoints and paging"). */
function parseBody<T>(text: string, method: string, path: string): T | undefined {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new GraphError({
      status: 0,
      code: 'invalidResponse',
      message: 'Microsoft Graph answered with something that is not JSON.',
      method,
      path,
    });
  }
}

/** The SDK wraps middleware errors; our GraphError may sit in its chain. */
function findGraphError(err: unknown): GraphError | undefined {
  let current: unknown = err;
  for (let i = 0; i < 4 && current && typeof current === 'object'; i++) {
    if (current instanceof GraphError) return current;
    current = (current as { cause?: unknown; body?: unknown }).cause;
  }
  return undefined;
}
