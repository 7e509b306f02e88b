// Our own retry middleware: the SDK RetryHandler sleeps on real timers, can't be cancelled and
// doesn't report its retry count (see test/unit/graph/sdkRetryHandler.test.ts).
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { Clock } from '../model/clock';
import { callStateOf, methodOf } from './graphCallState';
import { cancelledGraphError, GraphError, networkGraphError } from './graphError';
import { backoffDelayMs, defaultRetryOptions, isRetryableStatus, parseRetryAfter } from './retryPolicy';
import type { RetryOptions } from './retryPolicy';
import type { Sleep } from './sleep';

export interface RetryMiddlewareDeps {
  clock: Clock;
  sleep: Sleep;
  /** Uniform [0,1); seeded in tests. */
  random: () => number;
  options?: Partial<RetryOptions>;
}

export class RetryMiddleware implements Middleware {
  private next?: Middleware;
  private readonly options: RetryOptions;

  constructor(private readonly deps: RetryMiddlewareDeps) {
    this.options = { ...defaultRetryOptions, ...deps.options };
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    try {
      await this.run(context);
    } catch (err) {
      // Outermost middleware: park the typed error where GraphRequester finds it (the SDK re-wraps thrown errors).
      const state = callStateOf(context);
      const error =
        err instanceof GraphError ? err : networkGraphError(err, { method: methodOf(context), path: state?.logPath });
      if (state) state.error = error;
      throw error;
    }
  }

  private async run(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error('RetryMiddleware needs a next middleware');
    const state = callStateOf(context);
    const method = methodOf(context);
    const signal = state?.signal;
    const where = { method, path: state?.logPath };
    let statusRetries = 0;
    let networkRetries = 0;
    for (;;) {
      if (signal?.aborted) throw cancelledGraphError(where);
      let delayMs: number;
      try {
        await next.execute(context);
        const response = context.response;
        if (!response || !isRetryableStatus(response.status, method) || statusRetries >= this.options.maxRetries)
          return;
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'), this.deps.clock.now());
        // Never come back earlier than told: a wait beyond our cap is handed to the caller as the error.
        if (retryAfter !== undefined && retryAfter > this.options.maxDelayMs) return;
        statusRetries++;
        delayMs = retryAfter ?? backoffDelayMs(statusRetries, this.options, this.deps.random);
      } catch (err) {
        const error = err instanceof GraphError ? err : networkGraphError(err, where);
        // Network errors and timeouts: the request may have landed, so only a GET is safe to repeat.
        const retryable = (error.code === 'networkError' || error.code === 'timeout') && method === 'GET';
        if (!retryable || networkRetries >= this.options.maxNetworkRetries || signal?.aborted) {
          error.retries = state?.retries ?? 0;
          throw error;
        }
        networkRetries++;
        delayMs = backoffDelayMs(networkRetries, this.options, this.deps.random);
      }
      await this.deps.sleep(delayMs, signal);
      if (signal?.aborted) throw cancelledGraphError(where);
      if (state) state.retries++;
    }
  }
}
