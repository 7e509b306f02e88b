// Per-request facts that ride through the SDK middleware chain (as a MiddlewareOptions instance).
import type { Context, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import type { GraphError } from './graphError';
import type { GraphScopeName } from './graphScopes';

export class GraphCallState implements MiddlewareOptions {
  /** Retries done so far (429/503/504 and network). */
  retries = 0;
  /** The typed error a middleware raised; the SDK would otherwise re-wrap it in its own GraphError. */
  error?: GraphError;

  constructor(
    readonly method: string,
    /** Path + query for logs and errors (no origin, no secrets). */
    readonly logPath: string,
    readonly scope: GraphScopeName,
    readonly signal?: AbortSignal,
  ) {}
}

export function callStateOf(context: Context): GraphCallState | undefined {
  // Duck-typed: a deep import for instanceof could load a second copy of the SDK (CJS vs ESM build).
  const option = context.middlewareControl?.getMiddlewareOptions(GraphCallState);
  return option instanceof GraphCallState ? option : undefined;
}

/** The method of the request in the context, whatever form the SDK used. */
export function methodOf(context: Context): string {
  if (typeof context.request !== 'string') return context.request.method.toUpperCase();
  return (context.options?.method ?? 'GET').toUpperCase();
}

export function urlOf(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}
