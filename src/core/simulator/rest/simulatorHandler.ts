// The simulator's REST facade: one request in, one Graph answer out, over the model. A RestHandler, so the
// in-process transport and the HTTP server share it. Every failure is a Graph error envelope: 4xx for bad
// requests, 404 for unknown ids, 405/501 for what isn't modelled, never a crash (docs/simulator.md "The Graph contract").
import type { RestHandler, RestRequest, RestResponse } from '../../model/rest';
import { errorText } from '../../model/errorText';
import { lowerCaseHeaders } from '../../model/lowerCaseHeaders';
import type { Simulator } from '../simulator';
import { SeededSource } from '../seededIds';
import type { ResponseContext } from './graphResponses';
import { errorResponse, badRequest } from './graphResponses';
import type { RestContext } from './restContext';
import { HttpProblem } from './restContext';
import { createRouter } from './router';
import { ROUTES } from './routes';

export interface SimulatorHandlerOptions {
  /** Used for `@odata.context` / `@odata.nextLink` when the request URL is a bare path without a Host header. */
  baseUrl?: string;
  /** Bodies above this size get 413 (default 4 MB). */
  maxBodyBytes?: number;
  /** Seed for request ids (they are not state, so they don't draw from the tenant's seeded stream). */
  requestIdSeed?: string;
}

export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

const route = createRouter(ROUTES);

export function createSimulatorHandler(sim: Simulator, options: SimulatorHandlerOptions = {}): RestHandler {
  const process = createSimulatorRequestProcessor(sim, options);
  return async (request) => process(request);
}

/**
 * The same handler, synchronous: the durable wrapper journals a change before any other request can run,
 * so the journal order is the order changes were applied.
 */
export function createSimulatorRequestProcessor(
  sim: Simulator,
  options: SimulatorHandlerOptions = {},
): (request: RestRequest) => RestResponse {
  const requestIds = new SeededSource(options.requestIdSeed ?? 'request-ids');
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const defaultBase = options.baseUrl ?? 'https://graph.microsoft.com';
  return (request: RestRequest): RestResponse => {
    const headers = lowerCaseHeaders(request.headers);
    const requestId = requestIds.guid();
    const base: ResponseContext = {
      requestId,
      clientRequestId: headers['client-request-id'] || requestId,
      date: sim.iso(),
    };
    try {
      if (request.body !== undefined && Buffer.byteLength(request.body, 'utf8') > maxBody) {
        return errorResponse(base, 413, 'requestEntityTooLarge', `The request body is larger than ${maxBody} bytes.`, {
          code: 'RequestEntityTooLarge',
        });
      }
      const ctx = parseRequest(sim, request, headers, base, defaultBase);
      return 'status' in ctx ? ctx : route(ctx);
    } catch (err) {
      if (err instanceof HttpProblem) return err.response;
      // A bug, not a bad request: still an envelope, never a crash.
      return errorResponse(base, 500, 'internalServerError', `The simulator hit an internal error: ${errorText(err)}`);
    }
  };
}

/** The request as handlers read it, or the 400 for a URL that cannot be read. */
function parseRequest(
  sim: Simulator,
  request: RestRequest,
  headers: Record<string, string>,
  base: ResponseContext,
  defaultBase: string,
): RestContext | RestResponse {
  let url: URL;
  try {
    url = new URL(request.url, headers.host ? `http://${headers.host}` : defaultBase);
  } catch {
    return badRequest(base, `Invalid request URL '${request.url}'.`);
  }
  const origin = /^https?:\/\//i.test(request.url) || headers.host ? url.origin : defaultBase.replace(/\/+$/, '');
  let segments: string[];
  try {
    segments = url.pathname
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
  } catch {
    return badRequest(base, 'The request path is not valid URL encoding.');
  }
  return {
    ...base,
    sim,
    method: (request.method || 'GET').toUpperCase(),
    segments,
    params: url.searchParams,
    origin,
    version: '',
    includeEvolvable: /include-unknown-enum-members/i.test(headers.prefer ?? ''),
    headers,
    rawBody: request.body,
  };
}
