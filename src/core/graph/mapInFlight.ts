// At most N requests in flight: Graph throttles per tenant (429), so many independent reads or actions go a few at a time.

/** Graph throttles per tenant; 4 requests in flight keeps us polite (bulk actions, group lookups). */
export const defaultRequestsInFlight = 4;

/**
 * Maps every item through `fn` with at most `limit` calls pending at once; results keep the input order.
 * The first rejection rejects the whole map, and no item starts after it.
 */
export async function mapInFlight<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index], index);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  // A limit that is not a number (a bad setting) runs one at a time rather than none.
  const bound = Number.isFinite(limit) ? Math.max(1, Math.floor(limit)) : 1;
  await Promise.all(Array.from({ length: Math.min(bound, items.length) }, worker));
  return results;
}
