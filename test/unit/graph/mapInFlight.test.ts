import assert from 'node:assert/strict';
import { mapInFlight } from '../../../src/core/graph/mapInFlight';
import { runBulk } from '../../../src/core/graph/bulkActions';
import { graphErrorFromResponse } from '../../../src/core/graph/graphError';

/** A call that finishes when the test says so, so the number in flight can be read between steps. */
function gate() {
  const pending: { id: string; finish: (fail?: boolean) => void }[] = [];
  let inFlight = 0;
  let most = 0;
  const call = (id: string) =>
    new Promise<string>((resolve, reject) => {
      inFlight++;
      most = Math.max(most, inFlight);
      pending.push({
        id,
        finish: (fail) => {
          inFlight--;
          if (fail)
            reject(
              graphErrorFromResponse(429, new Headers(), '{"error":{"code":"TooManyRequests","message":"slow down"}}', {
                method: 'POST',
                path: `/x/${id}`,
                retries: 0,
              }),
            );
          else resolve(id.toUpperCase());
        },
      });
    });
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return { call, pending, settle, inFlight: () => inFlight, most: () => most };
}

describe('mapInFlight: at most N requests at once (Graph throttles per tenant)', () => {
  it('never has more than the limit pending, starts the next as one finishes, and keeps the input order', async () => {
    const g = gate();
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const all = mapInFlight(ids, 2, (id) => g.call(id));
    await g.settle();
    assert.deepEqual(
      g.pending.map((p) => p.id),
      ['a', 'b'],
    );
    g.pending[1].finish();
    await g.settle();
    assert.deepEqual(
      g.pending.map((p) => p.id),
      ['a', 'b', 'c'],
    );
    for (let i = 0; i < g.pending.length; i++) {
      g.pending[i].finish();
      await g.settle();
    }
    assert.deepEqual(await all, ['A', 'B', 'C', 'D', 'E', 'F']);
    assert.equal(g.most(), 2);
  });

  it('handles no items, a limit below one and a limit that is not a number', async () => {
    assert.deepEqual(await mapInFlight([], 4, async () => 1), []);
    assert.deepEqual(await mapInFlight([1, 2], 0, async (n) => n * 2), [2, 4]);
    assert.deepEqual(await mapInFlight([1, 2, 3], NaN, async (n) => n * 2), [2, 4, 6]);
  });

  it('rejects with the first failure and starts no item after it', async () => {
    const g = gate();
    const all = mapInFlight(['a', 'b', 'c', 'd', 'e'], 2, (id) => g.call(id));
    await g.settle();
    g.pending[0].finish(true);
    await assert.rejects(all, (err: { status?: number }) => err.status === 429);
    g.pending[1].finish();
    await g.settle();
    assert.deepEqual(
      g.pending.map((p) => p.id),
      ['a', 'b'],
    );
  });
});

describe('runBulk: one item failing never stops the others', () => {
  it('reports each item in input order with its Graph error, and counts progress', async () => {
    const g = gate();
    const progress: number[] = [];
    const run = runBulk(['pc1', 'pc2', 'pc3'], (id) => g.call(id), {
      concurrency: 2,
      onItemDone: (_r, done) => progress.push(done),
    });
    await g.settle();
    g.pending[0].finish(true);
    await g.settle();
    for (let i = 1; i < g.pending.length; i++) {
      g.pending[i].finish();
      await g.settle();
    }
    const results = await run;
    assert.deepEqual(
      results.map((r) => [r.id, r.ok]),
      [
        ['pc1', false],
        ['pc2', true],
        ['pc3', true],
      ],
    );
    assert.equal(results[0].error?.status, 429);
    assert.deepEqual(progress, [1, 2, 3]);
  });

  it('marks the items not started yet as cancelled once the signal fires', async () => {
    const g = gate();
    const abort = new AbortController();
    const run = runBulk(['pc1', 'pc2', 'pc3'], (id) => g.call(id), { concurrency: 1, signal: abort.signal });
    await g.settle();
    abort.abort();
    g.pending[0].finish();
    const results = await run;
    assert.deepEqual(
      results.map((r) => r.ok),
      [true, false, false],
    );
    assert.equal(g.pending.length, 1);
    assert.match(results[1].error?.message ?? '', /cancel/i);
  });
});
