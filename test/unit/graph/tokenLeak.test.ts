// The access token must never show up in a log entry or in any error (message, stack, JSON, inspect).
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { createFetchCloudPcApi, createInProcessCloudPcApi } from '../../../src/core/graph/createCloudPcApi';
import type { RequestLogEntry } from '../../../src/core/graph/requestLog';
import { faultTriggers, graphFaultRules, startFaultServer } from './faultServer';
import { createMiniGraph } from './miniGraph';
import { sentinelToken } from './testKit';

describe('token hygiene', function () {
  it('never puts the token in logs or errors across a whole scenario', async () => {
    const server = await startFaultServer(graphFaultRules(new Map()), createMiniGraph().handler);
    const logs: RequestLogEntry[] = [];
    const errors: unknown[] = [];
    const api = createFetchCloudPcApi({
      baseUrl: server.url,
      getToken: async () => sentinelToken,
      logger: (e) => logs.push(e),
      retry: { baseDelayMs: 5 },
      timeoutMs: 300,
    });
    const attempt = async (work: () => Promise<unknown>): Promise<void> => {
      try {
        await work();
      } catch (err) {
        errors.push(err);
      }
    };
    try {
      await attempt(() => api.listPolicies());
      await attempt(() => api.listGalleryImages());
      await attempt(() => api.createPolicy({ description: 'no name' }));
      await attempt(() => api.getCloudPc(faultTriggers.unauthorizedCloudPc));
      await attempt(() => api.applyPolicy(faultTriggers.forbiddenPolicy));
      await attempt(() => api.getCloudPc(faultTriggers.resetCloudPc));
      await attempt(() => api.rebootCloudPc(faultTriggers.slowCloudPc));
      await attempt(() => api.listCloudPcs({ filter: faultTriggers.fiftyPagesFilter }));
      await attempt(() => api.getCloudPc('missing'));
      const bulk = await api.bulkReprovision(['bulk-000', 'bulk-001', 'missing-1']);
      errors.push(...bulk.map((r) => r.error).filter(Boolean));
      // A provider that fails with the token in its own message must not pass it on.
      const leaky = createInProcessCloudPcApi(createMiniGraph().handler, {
        getToken: async () => {
          throw new Error(`refresh failed for ${sentinelToken}`);
        },
        logger: (e) => logs.push(e),
      });
      await attempt(() => leaky.listPolicies());
    } finally {
      await server.close();
    }

    assert.ok(
      server.requests.some((r) => r.headers['authorization'] === `Bearer ${sentinelToken}`),
      'the token really was in play',
    );
    assert.ok(errors.length >= 8, `collected ${errors.length} errors`);
    assert.ok(logs.length >= 12, `collected ${logs.length} log entries`);
    for (const entry of logs)
      assert.ok(!JSON.stringify(entry).includes('FAKE-TOKEN-SENTINEL'), `log entry leaks: ${JSON.stringify(entry)}`);
    for (const err of errors) {
      const e = err as Error;
      for (const text of [
        e.message,
        e.stack ?? '',
        JSON.stringify(e),
        String(e),
        inspect(e, { depth: 10, showHidden: true }),
      ]) {
        assert.ok(!text.includes('FAKE-TOKEN-SENTINEL'), `error leaks: ${text.slice(0, 300)}`);
      }
    }
  });
});
