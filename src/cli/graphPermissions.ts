// Application permissions for app-only sign-in, least first (docs/policy-as-code.md "Application permissions";
// the same names as the delegated scopes in docs/service-facts.md "Permissions and scopes"). An app-only token
// carries what the admin consented to, so the CLI asks for `<graph>/.default` and, when Graph answers 403,
// names the permission the refused request needs.
import { GraphError, isGraphError } from '../core/graph/graphError';
import type { CloudPcApi } from '../core/graph/cloudPcApi';
import { GraphScope } from '../core/graph/graphScopes';
import type { GraphScopeName } from '../core/graph/graphScopes';

/** The application permission a Graph request needs, from its method and path (as GraphError reports them). */
export function applicationPermissionFor(method: string | undefined, path: string | undefined): GraphScopeName {
  const p = (path ?? '').replace(/^\/(beta|v1\.0)(?=\/)/, '');
  if (p.startsWith('/groups')) return GraphScope.groupRead;
  if (p.startsWith('/subscribedSkus') || /^\/users\/[^/]+\/licenseDetails/.test(p)) return GraphScope.licenseRead;
  return (method ?? 'GET').toUpperCase() === 'GET' ? GraphScope.cloudPcRead : GraphScope.cloudPcWrite;
}

/** One line for a 403: what was refused and the permission to grant. */
export function forbiddenLine(err: GraphError): string {
  const permission = applicationPermissionFor(err.method, err.path);
  const what = err.method && err.path ? `${err.method} ${err.path.split('?')[0]}` : 'a request';
  return (
    `Graph refused ${what} (403): the app registration lacks the application permission ${permission} ` +
    '(add it under API permissions, Microsoft Graph, Application permissions, and grant admin consent)'
  );
}

/** A 403 becomes a GraphError (status kept) whose message names the missing permission; anything else passes. */
export function explainForbidden(err: unknown): unknown {
  if (!isGraphError(err) || err.status !== 403) return err;
  return new GraphError({
    status: err.status,
    code: err.code,
    message: forbiddenLine(err),
    requestId: err.requestId,
    clientRequestId: err.clientRequestId,
    retries: err.retries,
    method: err.method,
    path: err.path,
  });
}

/** The api with every call's 403 explained, for promises and the paged async iterators alike. */
export function withPermissionHints(api: CloudPcApi): CloudPcApi {
  return new Proxy(api, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...callArgs: unknown[]) => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, callArgs);
        if (result instanceof Promise) return result.catch((err: unknown) => Promise.reject(explainForbidden(err)));
        if (isAsyncIterable(result)) return explainIterations(result);
        return result;
      };
    },
  });
}

async function* explainIterations<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* source;
  } catch (err) {
    throw explainForbidden(err);
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
