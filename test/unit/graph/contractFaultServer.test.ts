// Suite (c): the shared contract through a server that throttles and fails on purpose, then the
// fault-specific checks (retry timing, typed errors, resets, paging, cancel, timeouts, bulk).
import assert from 'node:assert/strict';
import type { CloudPcApi } from '../../../src/core/graph/cloudPcApi';
import { createFetchCloudPcApi } from '../../../src/core/graph/createCloudPcApi';
import { GraphError } from '../../../src/core/graph/graphError';
import type { RequestLogEntry } from '../../../src/core/graph/requestLog';
import { defineContractSuite } from './contractSuite';
import { faultTriggers, graphFaultRules, startFaultServer } from './faultServer';
import type { FaultServer } from './faultServer';
import { createMiniGraph } from './miniGraph';
import { createSeededRandom } from '../../../src/core/policy/seededRandom';

async function faultTarget(
  extra: { timeoutMs?: number } = {},
): Promise<{ server: FaultServer; api: CloudPcApi; logs: RequestLogEntry[]; bulkDone: Map<string, number> }> {
  const bulkDone = new Map<string, number>();
  const server = await startFaultServer(graphFaultRules(bulkDone), createMiniGraph().handler);
  const logs: RequestLogEntry[] = [];
  const api = createFetchCloudPcApi({
    baseUrl: server.url,
    getToken: async () => 'fake-token',
    logger: (e) => logs.push(e),
    random: createSeededRandom(7),
    // Short backoff steps keep 503 retries fast; Retry-After is still honoured as sent.
    retry: { baseDelayMs: 20 },
    timeoutMs: extra.timeoutMs ?? 2_000,
  });
  return { server, api, logs, bulkDone };
}

defineContractSuite('fault server (429, 503 on the way)', async () => {
  const { server, api } = await faultTarget();
  return { api, seenHeaders: () => server.requests.map((r) => r.headers), close: () => server.close() };
});

describe('CloudPcApi against the fault server', function () {
  let t: Awaited<ReturnType<typeof faultTarget>>;
  before(async () => {
    t = await faultTarget({ timeoutMs: 300 });
  });
  after(async () => {
    await t.server.close();
  });

  it('waits at least Retry-After (1 s) before retrying a 429, and logs one entry with retries=1', async () => {
    t.logs.length = 0;
    await t.api.listPolicies();
    const calls = t.server.requests.filter((r) =>
      r.url.startsWith('/beta/deviceManagement/virtualEndpoint/provisioningPolicies?'),
    );
    assert.equal(calls.length, 2);
    const gap = calls[1].at - calls[0].at;
    assert.ok(gap >= 1000, `retried after ${gap} ms`);
    assert.ok(gap < 3000, `but not absurdly late (${gap} ms)`);
    assert.equal(t.logs.length, 1, 'one log entry per logical request');
    assert.equal(t.logs[0].status, 200);
    assert.equal(t.logs[0].retries, 1);
  });

  it('retries a 503 with backoff and succeeds', async () => {
    const images = await t.api.listGalleryImages();
    assert.ok(images.length > 0);
    assert.equal(t.server.hits('gallery-503'), 2);
  });

  it('does not retry a 401 and reports the Graph code and request-id', async () => {
    await assert.rejects(t.api.getCloudPc(faultTriggers.unauthorizedCloudPc), (err: unknown) => {
      assert.ok(err instanceof GraphError);
      assert.equal(err.status, 401);
      assert.equal(err.code, 'InvalidAuthenticationToken');
      assert.equal(err.requestId, 'rid-401');
      assert.equal(err.retries, 0);
      return true;
    });
    assert.equal(t.server.hits('cloudpc-401'), 1);
  });

  it('shows the innerError message of a 403 to the admin', async () => {
    await assert.rejects(t.api.applyPolicy(faultTriggers.forbiddenPolicy), (err: unknown) => {
      assert.ok(err instanceof GraphError);
      assert.equal(err.status, 403);
      assert.equal(err.code, 'forbidden');
      assert.equal(err.message, faultTriggers.forbiddenMessage);
      assert.equal(err.innerCode, faultTriggers.forbiddenInnerCode);
      assert.equal(err.requestId, 'rid-403');
      assert.equal(err.clientRequestId, 'crid-403');
      return true;
    });
  });

  it('retries a reset connection on GET a bounded number of times, then reports networkError', async () => {
    await assert.rejects(t.api.getCloudPc(faultTriggers.resetCloudPc), (err: unknown) => {
      assert.ok(err instanceof GraphError);
      assert.equal(err.status, 0);
      assert.equal(err.code, 'networkError');
      assert.equal(err.retries, 2);
      return true;
    });
    assert.equal(t.server.hits('cloudpc-reset'), 3);
  });

  it('never repeats a POST after a reset connection (it may have landed)', async () => {
    await assert.rejects(
      t.api.renameCloudPc(faultTriggers.resetActionCloudPc, 'x'),
      (err: unknown) => err instanceof GraphError && err.code === 'networkError' && err.retries === 0,
    );
    assert.equal(t.server.hits('cloudpc-reset-post'), 1);
  });

  it('follows a 50-page nextLink chain to the end', async () => {
    const before = t.server.hits('fifty-pages');
    const all = await t.api.listCloudPcs({ filter: faultTriggers.fiftyPagesFilter });
    assert.equal(all.length, 100);
    assert.equal(all[99].id, 'page49-item1');
    assert.equal(t.server.hits('fifty-pages') - before, 50);
  });

  it('stops requesting pages once cancelled', async () => {
    const before = t.server.hits('fifty-pages');
    const controller = new AbortController();
    const seen: number[] = [];
    await assert.rejects(
      async () => {
        for await (const page of t.api.iterateCloudPcs({
          filter: faultTriggers.fiftyPagesFilter,
          signal: controller.signal,
        })) {
          seen.push(page.index);
          if (page.index === 2) controller.abort();
        }
      },
      (err: unknown) => err instanceof GraphError && err.code === 'cancelled',
    );
    assert.deepEqual(seen, [0, 1, 2]);
    // A later request on the same connection pool proves nothing else was queued behind the cancel.
    await t.api.listServicePlans();
    assert.equal(t.server.hits('fifty-pages') - before, 3);
  });

  it('times out a response that never comes: GET retried twice, POST not at all', async () => {
    await assert.rejects(
      t.api.getCloudPc(faultTriggers.slowCloudPc),
      (err: unknown) => err instanceof GraphError && err.code === 'timeout' && err.status === 0 && err.retries === 2,
    );
    assert.equal(t.server.hits('cloudpc-slow'), 3);
    await assert.rejects(
      t.api.rebootCloudPc(faultTriggers.slowCloudPc),
      (err: unknown) => err instanceof GraphError && err.code === 'timeout' && err.retries === 0,
    );
    assert.equal(t.server.hits('cloudpc-slow'), 4);
  });

  it('times out a body that stalls after the headers', async () => {
    await assert.rejects(
      t.api.getCloudPc(faultTriggers.stalledBodyCloudPc),
      (err: unknown) => err instanceof GraphError && err.code === 'timeout' && err.retries === 2,
    );
    assert.equal(t.server.hits('cloudpc-stalled-body'), 3);
  });

  it('cancels a slow request at once when the caller aborts', async () => {
    const slowApi = createFetchCloudPcApi({
      baseUrl: t.server.url,
      getToken: async () => 'fake-token',
      timeoutMs: 60_000,
    });
    const controller = new AbortController();
    const hitsBefore = t.server.hits('cloudpc-slow');
    const started = Date.now();
    const pending = slowApi.getCloudPc(faultTriggers.slowCloudPc, { signal: controller.signal });
    const deadline = Date.now() + 5_000;
    while (t.server.hits('cloudpc-slow') === hitsBefore && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await assert.rejects(pending, (err: unknown) => err instanceof GraphError && err.code === 'cancelled');
    assert.ok(Date.now() - started < 5_000);
    assert.equal(t.server.hits('cloudpc-slow'), hitsBefore + 1, 'no retry after cancel');
  });
});

describe('bulk reprovision under throttling', function () {
  it('reprovisions 200 Cloud PCs exactly once each with at most 4 in flight', async () => {
    const t = await faultTarget();
    try {
      const ids = Array.from({ length: 200 }, (_, i) => `${faultTriggers.bulkPrefix}${String(i).padStart(3, '0')}`);
      let progress = 0;
      const results = await t.api.bulkReprovision(
        ids,
        { osVersion: 'windows11' },
        {
          onItemDone: (_r, done) => {
            progress = done;
          },
        },
      );
      assert.deepEqual(
        results.map((r) => r.id),
        ids,
        'results keep input order',
      );
      assert.ok(
        results.every((r) => r.ok),
        JSON.stringify(results.filter((r) => !r.ok).slice(0, 3)),
      );
      for (const id of ids) assert.equal(t.bulkDone.get(id), 1, `${id} done exactly once`);
      const throttled = ids.filter((id) => (t.bulkDone.get(`${id}#attempts`) ?? 0) > 1).length;
      assert.equal(throttled, 67, 'every third id was throttled once and retried');
      assert.ok(t.server.maxInFlight <= 4, `max in flight ${t.server.maxInFlight}`);
      assert.ok(t.server.maxInFlight >= 2, 'requests did run concurrently');
      assert.equal(progress, 200);
      const body = t.server.requests.find((r) => r.url.endsWith('/reprovision'))?.body;
      assert.deepEqual(JSON.parse(body ?? '{}'), { osVersion: 'windows11' });
    } finally {
      await t.server.close();
    }
  });
});
