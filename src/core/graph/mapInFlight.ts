// At most N requests in flight: Graph throttles per tenant (429), so many independent reads or actions go a few at a time.

/** Graph throttles per tenant; 4 requests in flight keeps us polite (bulk actions, group lookups). */
export const defaultRequestsInFlight = 4;

/** Maps every item through `fn` with at most `limit` calls pending at once; results keep the input order. */
export async function mapInFlight<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  const workers = Math.min(Math.max(1, Math.floor(limit)), items.length);
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
