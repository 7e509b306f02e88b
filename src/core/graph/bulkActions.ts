// Many independent actions with at most N in flight; one item's failure never stops the others.
import { cancelledGraphError, GraphError, networkGraphError } from './graphError';
import { defaultRequestsInFlight, mapInFlight } from './mapInFlight';

export interface BulkItemResult {
  id: string;
  ok: boolean;
  error?: GraphError;
}

export interface BulkOptions {
  /** Requests in flight at once (default defaultRequestsInFlight). */
  concurrency?: number;
  signal?: AbortSignal;
  /** Called after each item finishes, for progress UI. */
  onItemDone?: (result: BulkItemResult, doneCount: number, total: number) => void;
}

/** Runs `action` once per id (retries live inside the request pipeline); results keep the input order. */
export async function runBulk(
  ids: readonly string[],
  action: (id: string, signal?: AbortSignal) => Promise<unknown>,
  options: BulkOptions = {},
): Promise<BulkItemResult[]> {
  let done = 0;
  return mapInFlight(ids, options.concurrency ?? defaultRequestsInFlight, async (id) => {
    const result = await runOne(id, action, options.signal);
    options.onItemDone?.(result, ++done, ids.length);
    return result;
  });
}

/** One item: cancelled once the signal fires, otherwise ok or its Graph error (never a throw). */
async function runOne(
  id: string,
  action: (id: string, signal?: AbortSignal) => Promise<unknown>,
  signal: AbortSignal | undefined,
): Promise<BulkItemResult> {
  if (signal?.aborted) return { id, ok: false, error: cancelledGraphError() };
  try {
    await action(id, signal);
    return { id, ok: true };
  } catch (err) {
    return { id, ok: false, error: err instanceof GraphError ? err : networkGraphError(err) };
  }
}
