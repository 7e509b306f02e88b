// Graph's error envelope for answers that come from around the model (the server, the durable wrapper),
// not from a handler: the same shape, a random request id (request ids are not state), no paths inside.
import { randomUUID } from 'node:crypto';
import type { RestResponse } from '../../model/rest';
import { errorResponse } from '../rest/graphResponses';

export function envelopeError(
  status: number,
  code: string,
  message: string,
  clientRequestId?: string,
  extra?: Record<string, string>,
): RestResponse {
  const requestId = randomUUID();
  const ctx = {
    requestId,
    clientRequestId: clientRequestId || requestId,
    date: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  const innerCode = code.charAt(0).toUpperCase() + code.slice(1);
  return errorResponse(ctx, status, code, message, { code: innerCode }, extra);
}
