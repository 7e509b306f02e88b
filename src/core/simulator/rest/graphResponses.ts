// Building Graph responses: JSON bodies with `@odata.context`, the error envelope with the service's code
// inside innerError (docs/service-facts.md "Errors and throttling"), and the request-id / client-request-id headers on every answer.
import type { RestResponse, GraphErrorBody } from '../../model/rest';

export interface ResponseContext {
  requestId: string;
  clientRequestId: string;
  date: string;
}

export const MALFORMED_MESSAGE = "The request can't be processed because it's malformed or incorrect.";

function headers(ctx: ResponseContext, extra?: Record<string, string>): Record<string, string> {
  return {
    'request-id': ctx.requestId,
    'client-request-id': ctx.clientRequestId,
    date: new Date(ctx.date).toUTCString(),
    ...extra,
  };
}

export function jsonResponse(
  ctx: ResponseContext,
  status: number,
  body: unknown,
  extra?: Record<string, string>,
): RestResponse {
  return {
    status,
    headers: headers(ctx, { 'content-type': 'application/json; odata.metadata=minimal; charset=utf-8', ...extra }),
    body: JSON.stringify(body),
  };
}

/** A body already serialized (the fast Cloud PC list path). */
export function jsonTextResponse(ctx: ResponseContext, status: number, text: string): RestResponse {
  return {
    status,
    headers: headers(ctx, { 'content-type': 'application/json; odata.metadata=minimal; charset=utf-8' }),
    body: text,
  };
}

export function emptyResponse(ctx: ResponseContext, status: 202 | 204, extra?: Record<string, string>): RestResponse {
  return { status, headers: headers(ctx, extra) };
}

export function errorResponse(
  ctx: ResponseContext,
  status: number,
  code: string,
  message: string,
  inner?: { code?: string; message?: string },
  extra?: Record<string, string>,
): RestResponse {
  const body: GraphErrorBody = {
    error: {
      code,
      message,
      innerError: {
        ...(inner?.code ? { code: inner.code } : {}),
        ...(inner?.message ? { message: inner.message } : {}),
        'request-id': ctx.requestId,
        'client-request-id': ctx.clientRequestId,
        date: ctx.date,
      },
    },
  };
  return jsonResponse(ctx, status, body, extra);
}

/** The CloudPC service's validation failure: `badRequest` outside, `InvalidProperties` + detail inside. */
export function invalidProperties(ctx: ResponseContext, messages: string[]): RestResponse {
  return errorResponse(ctx, 400, 'badRequest', MALFORMED_MESSAGE, {
    code: 'InvalidProperties',
    message: messages.join(' '),
  });
}

export function badRequest(ctx: ResponseContext, message: string): RestResponse {
  return errorResponse(ctx, 400, 'badRequest', message, { code: 'BadRequest', message });
}
