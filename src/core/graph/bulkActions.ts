// Many independent actions with at most N in flight; one item's failure never stops the others.
import { cancelledGraphError, GraphError, networkGraphError } from './graphError';

export interface BulkItemResult {
  id: string;
  ok: boolean;
  error?: GraphError;
}

export interface BulkOptions {
  /** Requests in flight at once; Graph throttles per tenant, 4 keeps us polite. */
  concurrency?: number;
  signal?: AbortSignal;
  /** Called after each item finishes, for progress UI. */
  onItemDone?: (result: BulkItemResult, doneCount: number, total: number) => void;
}

export const defaultBulkConcurrency = 4;

/** Runs `action` once per id (retries live inside the request pipeline); results keep the input order. */
export async function runBulk(ids: readonly string[], action: (id: string, signal?: AbortSignal) => Promise<unknown>, options: BulkOptions = {}): Promise<BulkItemResult[]> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? defaultBulkConcurrency));
  const results: BulkItemResult[] = new Array(ids.length);
  let nextIndex = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const index = nextIndex++;
      if (index >= ids.length) return;
      const id = ids[index];
      let result: BulkItemResult;
      if (options.signal?.aborted) {
        result = { id, ok: false, error: cancelledGraphError() };
      } else {
        try {
          await action(id, options.signal);
          result = { id, ok: true };
        } catch (err) {
          result = { id, ok: false, error: err instanceof GraphError ? err : networkGraphError(err) };
        }
      }
      results[index] = result;
      options.onItemDone?.(result, ++done, ids.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
  return results;
}
