// Retry behaviour on a virtual clock: every wait is recorded instead of slept.
import assert from 'node:assert/strict';
import { createInProcessCloudPcApi } from '../../../src/core/graph/createCloudPcApi';
import { GraphError } from '../../../src/core/graph/graphError';
import type { RequestLogEntry } from '../../../src/core/graph/requestLog';
import type { RestRequest, RestResponse } from '../../../src/core/model/rest';
import { createSeededRandom } from '../../../src/core/policy/seededRandom';
import { fakeTime } from './testKit';

const cpcList: RestResponse = {
  status: 200,
  headers: { 'content-type': 'application/json', 'request-id': 'rid-ok' },
  body: JSON.stringify({ value: [{ id: 'a', status: 'provisioned' }] }),
};
const throttled = (retryAfter?: string, status = 429): RestResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...(retryAfter !== undefined ? { 'retry-after': retryAfter } : {}) },
  body: JSON.stringify({ error: { code: 'tooManyRequests', message: 'Too many requests.' } }),
});

function scripted(answers: RestResponse[]) {
  const requests: RestRequest[] = [];
  const time = fakeTime();
  const logs: RequestLogEntry[] = [];
  const handler = async (req: RestRequest): Promise<RestResponse> => {
    requests.push(req);
    return answers[Math.min(requests.length - 1, answers.length - 1)];
  };
  const api = createInProcessCloudPcApi(handler, {
    clock: time.clock,
    sleep: time.sleep,
    random: createSeededRandom(3),
    logger: (e) => logs.push(e),
  });
  return { api, requests, time, logs };
}

describe('retry middleware (virtual time)', () => {
  it('waits exactly Retry-After seconds before retrying', async () => {
    const s = scripted([throttled('7'), cpcList]);
    const list = await s.api.listCloudPcs();
    assert.equal(list.length, 1);
    assert.deepEqual(s.time.sleeps, [7000]);
    assert.equal(s.requests.length, 2);
    assert.deepEqual(
      s.logs.map((l) => [l.status, l.retries, l.requestId]),
      [[200, 1, 'rid-ok']],
    );
    assert.equal(s.logs[0].durationMs, 7000, 'duration measured on the injected clock');
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const s = scripted([throttled('Mon, 23 Nov 2026 12:00:12 GMT', 503), cpcList]);
    await s.api.listCloudPcs();
    assert.deepEqual(s.time.sleeps, [12_000]);
  });

  it('backs off with growing jittered waits when no Retry-After is given', async () => {
    const s = scripted([throttled(), throttled(), throttled(), cpcList]);
    await s.api.listCloudPcs();
    assert.equal(s.time.sleeps.length, 3);
    [1000, 2000, 4000].forEach((full, i) =>
      assert.ok(s.time.sleeps[i] >= full / 2 && s.time.sleeps[i] <= full, `wait ${i}: ${s.time.sleeps[i]}`),
    );
  });

  it('gives up after 5 retries with a GraphError that counts them', async () => {
    const s = scripted([throttled('1')]);
    await assert.rejects(s.api.listCloudPcs(), (err: unknown) => {
      assert.ok(err instanceof GraphError);
      assert.equal(err.status, 429);
      assert.equal(err.retries, 5);
      assert.equal(err.retryAfterMs, 1000);
      return true;
    });
    assert.equal(s.requests.length, 6);
    assert.equal(s.logs.length, 1);
    assert.equal(s.logs[0].retries, 5);
    assert.equal(s.logs[0].errorCode, 'tooManyRequests');
  });

  it('does not wait out a Retry-After beyond the 60 s cap; it reports it instead', async () => {
    const s = scripted([throttled('120'), cpcList]);
    await assert.rejects(
      s.api.listCloudPcs(),
      (err: unknown) =>
        err instanceof GraphError && err.status === 429 && err.retryAfterMs === 120_000 && err.retries === 0,
    );
    assert.deepEqual(s.time.sleeps, []);
    assert.equal(s.requests.length, 1);
  });

  it('retries a throttled POST (429 means not processed) but not a POST that hit a 504', async () => {
    const s = scripted([throttled('2'), { status: 204, headers: {} }]);
    await s.api.rebootCloudPc('a');
    assert.equal(s.requests.length, 2);
    const t = scripted([throttled(undefined, 504), { status: 204, headers: {} }]);
    await assert.rejects(t.api.rebootCloudPc('a'), (err: unknown) => err instanceof GraphError && err.status === 504);
    assert.equal(t.requests.length, 1);
  });

  it('stops when cancelled during the wait and sends nothing more', async () => {
    const requests: RestRequest[] = [];
    const controller = new AbortController();
    const api = createInProcessCloudPcApi(
      async (req) => {
        requests.push(req);
        return throttled('30');
      },
      {
        sleep: async (_ms, signal) => {
          controller.abort();
          assert.ok(signal?.aborted, 'the sleep sees the abort signal');
        },
      },
    );
    await assert.rejects(
      api.listCloudPcs({ signal: controller.signal }),
      (err: unknown) => err instanceof GraphError && err.code === 'cancelled',
    );
    assert.equal(requests.length, 1);
  });

  it('keeps an unknown enum member as a plain string', async () => {
    const s = scripted([
      {
        status: 200,
        headers: {},
        body: JSON.stringify({ value: [{ id: 'a', status: 'teleporting', provisioningType: 'somethingNew' }] }),
      },
    ]);
    const [pc] = await s.api.listCloudPcs();
    assert.equal(pc.status, 'teleporting');
    assert.equal(pc.provisioningType, 'somethingNew');
    assert.equal(s.requests[0].headers['prefer'], 'include-unknown-enum-members');
  });

  it('accepts 202 or 204 from retry and a PATCH 204 without body (docs/simulator.md "Choices where the facts are uncertain")', async () => {
    for (const status of [202, 204, 200]) {
      const s = scripted([{ status, headers: {}, body: status === 200 ? '{}' : undefined }]);
      await s.api.retryPolicy('p1');
      await s.api.updatePolicy('p1', { description: 'x' });
      assert.equal(s.requests.length, 2);
      assert.equal(s.requests[1].method, 'PATCH');
    }
  });
});
