// What every handler reads (the request, parsed once) and the helpers that turn a bad body, a failed model
// result or an unknown id into Graph's error envelope (docs/simulator.md "The Graph contract").
import type { RestResponse } from '../../model/rest';
import type { Simulator } from '../simulator';
import type { Actor } from '../tenant';
import type { SimResult } from '../simResult';
import type { ResponseContext } from './graphResponses';
import { errorResponse, invalidProperties, badRequest, MALFORMED_MESSAGE } from './graphResponses';
import { parseBodyObject } from './requestBodyChecks';
import { DEFAULT_ACTOR } from '../tenant';

export interface RestContext extends ResponseContext {
  sim: Simulator;
  method: string;
  segments: string[];
  params: URLSearchParams;
  /** `https://graph.microsoft.com` or `http://127.0.0.1:PORT`. */
  origin: string;
  /** `beta`, `v1.0` or `_simulator`: the first path segment, for `@odata.context` and next links. */
  version: string;
  includeEvolvable: boolean;
  headers: Record<string, string>;
  rawBody: string | undefined;
}

/** Thrown by the parsing helpers below: the answer is ready, nothing else runs. */
export class HttpProblem {
  constructor(readonly response: RestResponse) {}
}

export function body(ctx: RestContext, required = true): Record<string, unknown> {
  const text = ctx.rawBody;
  if (text === undefined || text.trim() === '') {
    if (!required) return {};
    throw new HttpProblem(badRequest(ctx, 'The request needs a JSON body.'));
  }
  const parsed = parseBodyObject(text);
  if (parsed.ok) return parsed.value;
  if (parsed.notJson !== undefined)
    throw new HttpProblem(
      errorResponse(ctx, 400, 'badRequest', MALFORMED_MESSAGE, {
        code: 'InvalidJson',
        message: `The body is not valid JSON: ${parsed.notJson}`,
      }),
    );
  throw new HttpProblem(
    parsed.prototypeKey !== undefined
      ? invalidProperties(ctx, [`'${parsed.prototypeKey}' is not a property of any resource.`])
      : badRequest(ctx, 'The request body must be a JSON object.'),
  );
}

export function onlyKeys(ctx: RestContext, b: Record<string, unknown>, allowed: string[], type: string): void {
  const unknown = Object.keys(b).filter((k) => !allowed.includes(k));
  if (unknown.length)
    throw new HttpProblem(
      invalidProperties(
        ctx,
        unknown.map((k) => `'${k}' is not a property of ${type}.`),
      ),
    );
}

export function expectType(
  ctx: RestContext,
  value: unknown,
  type: 'string' | 'boolean' | 'number',
  name: string,
  optional = true,
): void {
  if (value === undefined || (optional && value === null)) {
    if (!optional) throw new HttpProblem(invalidProperties(ctx, [`'${name}' is required.`]));
    return;
  }
  if (typeof value !== type || (type === 'number' && !Number.isFinite(value as number)))
    throw new HttpProblem(invalidProperties(ctx, [`'${name}' must be a ${type}.`]));
}

/** The model's answer: its value shaped by `onOk`, or its error in the envelope (a 400's detail inside innerError). */
export function result<T>(ctx: RestContext, r: SimResult<T>, onOk: (v: T) => RestResponse): RestResponse {
  if (r.ok) return onOk(r.value);
  const e = r.error;
  if (e.innerCode)
    return errorResponse(ctx, e.status, e.code, e.status === 400 ? MALFORMED_MESSAGE : e.message, {
      code: e.innerCode,
      message: e.message,
    });
  return errorResponse(ctx, e.status, e.code, e.message);
}

export function notFound(ctx: RestContext, type: string, id: string): RestResponse {
  return errorResponse(ctx, 404, 'ResourceNotFound', `No ${type} with id '${id}' exists.`, {
    code: 'ResourceNotFound',
    message: `No ${type} with id '${id}' exists.`,
  });
}

/** The directory's own 404 wording (Graph v1.0 users and groups). */
export function directoryNotFound(ctx: RestContext, id: string): RestResponse {
  return errorResponse(
    ctx,
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

/** Who the audit event names: `x-simulator-actor` (docs/simulator.md "Simulator controls"), or the default admin. */
export function actor(ctx: RestContext): Actor {
  return {
    userPrincipalName: ctx.headers['x-simulator-actor'] || DEFAULT_ACTOR.userPrincipalName,
    ipAddress: ctx.headers['x-forwarded-for'],
  };
}
