import * as assert from 'node:assert/strict';
import { withReadCache } from '../../../src/core/agent/readCache';
import { createInProcessCloudPcApi } from '../../../src/core/graph/createCloudPcApi';
import type { RestRequest } from '../../../src/core/model/rest';
import { SimulatorService } from '../../../src/core/simulator/hosting/simulatorService';
import { STANDARD_POLICY } from './agentKit';

describe("the agent's read cache", () => {
  let service: SimulatorService;
  const seen: RestRequest[] = [];
  let clock = 0;
  beforeEach(() => {
    service = SimulatorService.open({ seed: 'demo', timeScale: 0 });
    seen.length = 0;
    clock = 0;
  });
  afterEach(() => service.close());

  function cachedApi() {
    return withReadCache(
      createInProcessCloudPcApi(async (r) => {
        seen.push(r);
        return service.handler(r);
      }),
      { ttlMs: 1000, now: () => clock },
    );
  }

  it('answers a repeated read from memory until its time to live passes', async () => {
    const { api } = cachedApi();
    await api.getPolicy(STANDARD_POLICY, { signal: new AbortController().signal });
    await api.getPolicy(STANDARD_POLICY);
    assert.equal(seen.length, 1);
    clock = 1000;
    await api.getPolicy(STANDARD_POLICY);
    assert.equal(seen.length, 2);
  });

  it('forgets everything when a change goes through it, so the next read sees the change', async () => {
    const { api } = cachedApi();
    assert.notEqual((await api.getPolicy(STANDARD_POLICY)).description, 'changed');
    await api.updatePolicy(STANDARD_POLICY, { description: 'changed' });
    assert.equal((await api.getPolicy(STANDARD_POLICY)).description, 'changed');
  });

  it('does not remember a failed read, and clear() forgets on request', async () => {
    const { api, clear } = cachedApi();
    await assert.rejects(api.getPolicy('00000000-0000-0000-0000-000000000000'));
    await assert.rejects(api.getPolicy('00000000-0000-0000-0000-000000000000'));
    assert.equal(seen.length, 2);
    await api.listCloudPcs();
    clear();
    await api.listCloudPcs();
    assert.equal(seen.filter((r) => r.url.includes('/cloudPCs')).length, 2);
  });
});
