// Follows @odata.nextLink to the end (docs/service-facts.md "Endpoints and paging"), one page at a time, stoppable with an AbortSignal.
import { cancelledGraphError, GraphError } from './graphError';
import type { GraphReply, GraphRequester, GraphRequestSpec } from './graphRequester';

export interface ODataPage<T> {
  value?: T[];
  '@odata.nextLink'?: string;
  '@odata.count'?: number;
}

export interface Page<T> {
  items: T[];
  /** 0-based page number. */
  index: number;
  /** `@odata.count` when the service sent one. */
  count?: number;
  hasMore: boolean;
}

/** A runaway link chain (a service bug) must not loop forever. */
export const maxPages = 10_000;

export async function* iteratePages<T>(
  requester: GraphRequester,
  first: GraphRequestSpec,
): AsyncGenerator<Page<T>, void, undefined> {
  let spec: GraphRequestSpec | undefined = first;
  for (let index = 0; spec; index++) {
    if (first.signal?.aborted) throw cancelledGraphError({ method: 'GET', path: spec.path });
    if (index >= maxPages)
      throw new GraphError({
        status: 0,
        code: 'tooManyPages',
        message: `Stopped after ${maxPages} pages.`,
        method: 'GET',
        path: first.path,
      });
    const reply: GraphReply<ODataPage<T>> = await requester.send<ODataPage<T>>(spec);
    const next: string | undefined = reply.body?.['@odata.nextLink'];
    yield { items: reply.body?.value ?? [], index, count: reply.body?.['@odata.count'], hasMore: Boolean(next) };
    spec = next ? requester.specForNextLink(next, first) : undefined;
  }
}

export interface CollectOptions {
  /** Stop once this many items are gathered (the last page may overshoot; it is trimmed). */
  maxItems?: number;
}

export async function collectPages<T>(pages: AsyncIterable<Page<T>>, options: CollectOptions = {}): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) {
    all.push(...page.items);
    if (options.maxItems !== undefined && all.length >= options.maxItems) return all.slice(0, options.maxItems);
  }
  return all;
}
