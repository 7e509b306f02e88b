// Adds the bearer token for the scope the operation declared; the token lives only in the outgoing header.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { callStateOf, methodOf } from './graphCallState';
import { GraphError } from './graphError';
import { GraphScope, qualifyScope } from './graphScopes';

/** The authentication provider: returns an access token for the scopes (VS Code auth, MSAL, or a constant fake). */
export type GetToken = (scopes: string[], signal?: AbortSignal) => Promise<string>;

export class AuthMiddleware implements Middleware {
  private next?: Middleware;

  /** @param resource the token audience, e.g. `https://graph.microsoft.com`; scopes are qualified with it. */
  constructor(
    private readonly getToken: GetToken,
    private readonly resource: string,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('AuthMiddleware needs a next middleware');
    const state = callStateOf(context);
    const scope = qualifyScope(this.resource, state?.scope ?? GraphScope.cloudPcRead);
    let token: string;
    try {
      token = await this.getToken([scope], state?.signal);
    } catch (err) {
      // The provider's own message is not shown: it may echo credentials; the code tells the UI to sign in again.
      throw new GraphError({
        status: 401,
        code: 'authenticationFailed',
        message: `Could not get an access token for ${scope}${err instanceof Error && err.name ? ` (${err.name})` : ''}.`,
        method: methodOf(context),
        path: state?.logPath,
      });
    }
    setHeader(context, 'Authorization', `Bearer ${token}`);
    await this.next.execute(context);
  }
}

function setHeader(context: Context, name: string, value: string): void {
  const options = (context.options ??= {});
  const headers = options.headers;
  if (headers instanceof Headers) headers.set(name, value);
  else if (Array.isArray(headers)) headers.push([name, value]);
  else options.headers = { ...(headers ?? {}), [name]: value };
}
