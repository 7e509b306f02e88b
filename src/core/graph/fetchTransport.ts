// Terminal middleware for a real network: Graph over HTTPS, or the simulator server over http://127.0.0.1.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { callStateOf, methodOf, urlOf } from './graphCallState';
import { GraphError, cancelledGraphError, networkGraphError, timeoutGraphError } from './graphError';
import { lowerCaseHeaders } from '../model/lowerCaseHeaders';

export interface FetchTransportOptions {
  /** Whole exchange (connect + headers + body) per attempt. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const defaultTimeoutMs = 60_000;

export class FetchTransport implements Middleware {
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: FetchTransportOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
  }

  setNext(): void {
    // Last in the chain.
  }

  async execute(context: Context): Promise<void> {
    const state = callStateOf(context);
    const method = methodOf(context);
    const where = { method, path: state?.logPath };
    const userSignal = state?.signal ?? context.options?.signal ?? undefined;
    if (userSignal?.aborted) throw cancelledGraphError(where);
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.timeoutMs);
    const signal = userSignal ? AbortSignal.any([userSignal, timeout.signal]) : timeout.signal;
    let redirectedTo: string | undefined;
    try {
      // Redirects are never followed: the token and the loopback-only rule hold for the address asked, and
      // none of the Cloud PC APIs answers with one (docs/architecture.md "The Graph client").
      const response = await this.fetchImpl(urlOf(context), {
        method,
        headers: lowerCaseHeaders(context.options?.headers),
        body: context.options?.body ?? undefined,
        signal,
        redirect: 'manual',
      });
      if (isRedirect(response.status)) {
        redirectedTo = response.headers.get('location') ?? '(no location)';
        await response.body?.cancel();
        return;
      }
      // Read the body inside the timeout so a stalled body can't hang the caller; Graph JSON is small.
      const text = await response.text();
      context.response = new Response(hasNoBody(response.status) ? null : text, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (err) {
      if (userSignal?.aborted) throw cancelledGraphError(where);
      if (timeout.signal.aborted) throw timeoutGraphError(this.timeoutMs, where);
      throw networkGraphError(err, where);
    } finally {
      clearTimeout(timer);
      if (redirectedTo !== undefined) throw redirectGraphError(redirectedTo, where);
    }
  }
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400 && status !== 304;
}

function redirectGraphError(location: string, where: { method?: string; path?: string }): GraphError {
  return new GraphError({
    status: 0,
    code: 'redirectRefused',
    message: `The server answered with a redirect to ${location.slice(0, 200)}; redirects are not followed.`,
    ...where,
  });
}

export function hasNoBody(status: number): boolean {
  return status === 204 || status === 205 || status === 304;
}
