// An `@odata.nextLink` (Graph's paging, docs/architecture.md) is read as a whole URL and followed only on
// the origin this client talks to: the bearer token never goes to a host the service's answer names.
import { GraphError } from './graphError';

export interface NextLinkTarget {
  version: 'beta' | 'v1.0';
  /** Path and query to hand to graph-client, relative to our own origin. */
  pathAndQuery: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** `origin` is ours (`https://graph.microsoft.com`, `http://127.0.0.1:PORT`); throws a GraphError for any other host. */
export function nextLinkTarget(link: string, origin: string): NextLinkTarget {
  let url: URL;
  try {
    url = new URL(link, origin);
  } catch {
    throw refused('The service returned a next-page link that is not a URL; the client does not follow it.');
  }
  if (!sameService(url, new URL(origin)) || url.username !== '' || url.password !== '') {
    throw refused(
      `The service returned a next-page link to another host (${url.host || url.protocol}); the client does not follow it, so your sign-in stays with ${new URL(origin).host}.`,
    );
  }
  const match = /^\/(beta|v1\.0)(\/.*)$/.exec(url.pathname);
  // graph-client reads "https://" anywhere in what it is given as a new host (GraphRequest.parsePath).
  if (!match || match[2]!.includes('https://'))
    throw refused('The service returned a next-page link this client cannot follow.');
  // In the query the colon can be escaped: the service decodes the same value, graph-client sees no host.
  const search = url.search.replace(/https:\/\//g, 'https%3A//');
  return { version: match[1] as 'beta' | 'v1.0', pathAndQuery: `${match[2]}${search}` };
}

/** Same origin; on loopback, 127.0.0.1 and localhost on the same port are the same local simulator. */
function sameService(url: URL, ours: URL): boolean {
  if (url.origin === ours.origin) return true;
  return (
    ours.protocol === 'http:' &&
    url.protocol === 'http:' &&
    url.port === ours.port &&
    LOOPBACK.has(url.hostname) &&
    LOOPBACK.has(ours.hostname)
  );
}

function refused(message: string): GraphError {
  return new GraphError({ status: 0, code: 'invalidNextLink', message, method: 'GET' });
}
