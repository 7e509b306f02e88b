// Terminal middleware for the in-process simulator: a function call, no socket.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { RestHandler } from '../model/rest';
import { hasNoBody } from './fetchTransport';
import { callStateOf, methodOf, urlOf } from './graphCallState';
import { cancelledGraphError, networkGraphError } from './graphError';
import { lowerCaseHeaders } from '../model/lowerCaseHeaders';

export class HandlerTransport implements Middleware {
  constructor(private readonly handler: RestHandler) {}

  setNext(): void {
    // Last in the chain.
  }

  async execute(context: Context): Promise<void> {
    const state = callStateOf(context);
    const method = methodOf(context);
    const where = { method, path: state?.logPath };
    if (state?.signal?.aborted) throw cancelledGraphError(where);
    const body = context.options?.body;
    let answer;
    try {
      answer = await this.handler({
        method,
        url: urlOf(context),
        headers: lowerCaseHeaders(context.options?.headers),
        body: typeof body === 'string' ? body : undefined,
      });
    } catch (err) {
      // A throwing handler is a simulator bug; it still reaches the caller as a typed error.
      throw networkGraphError(err, where);
    }
    if (state?.signal?.aborted) throw cancelledGraphError(where);
    context.response = new Response(hasNoBody(answer.status) || answer.body === undefined ? null : answer.body, {
      status: answer.status,
      headers: answer.headers,
    });
  }
}
