// What the SDK's own RetryHandler really does (why core/graph has its own RetryMiddleware).
// These tests pin the SDK's behaviour: if an SDK upgrade changes it, they fail and we reconsider.
import assert from 'node:assert/strict';
import { Client, ResponseType, RetryHandler, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

function terminal(answers: (() => Response)[]): Middleware & { calls: { at: number; aborted: boolean }[] } {
  const calls: { at: number; aborted: boolean }[] = [];
  return {
    calls,
    async execute(context: Context) {
      calls.push({ at: Date.now(), aborted: Boolean(context.options?.signal?.aborted) });
      context.response = answers[Math.min(calls.length - 1, answers.length - 1)]();
    },
    setNext() {},
  };
}

const tooMany = (): Response =>
  new Response('{"error":{"code":"tooManyRequests","message":"x"}}', {
    status: 429,
    headers: { 'Retry-After': '1', 'content-type': 'application/json' },
  });
const ok = (): Response =>
  new Response('{"value":[]}', { status: 200, headers: { 'content-type': 'application/json' } });

describe('SDK RetryHandler (findings)', function () {
  it('waits for Retry-After: 1 in real time before retrying', async () => {
    const end = terminal([tooMany, ok]);
    const client = Client.initWithMiddleware({ middleware: [new RetryHandler(new RetryHandlerOptions(0, 3)), end] });
    const res = (await client
      .api('/deviceManagement/virtualEndpoint/cloudPCs')
      .version('beta')
      .responseType(ResponseType.RAW)
      .get()) as Response;
    assert.equal(res.status, 200);
    assert.equal(end.calls.length, 2);
    const gap = end.calls[1].at - end.calls[0].at;
    assert.ok(gap >= 990 && gap < 2500, `SDK waited ${gap} ms`);
  });

  it('cannot be cancelled: an abort during its wait is ignored and the request goes out again', async () => {
    const end = terminal([tooMany, ok]);
    const client = Client.initWithMiddleware({ middleware: [new RetryHandler(new RetryHandlerOptions(0, 3)), end] });
    const controller = new AbortController();
    const pending = client
      .api('/deviceManagement/virtualEndpoint/cloudPCs')
      .version('beta')
      .option('signal', controller.signal)
      .responseType(ResponseType.RAW)
      .get();
    controller.abort();
    const res = (await pending) as Response;
    assert.equal(res.status, 200, 'the SDK carried on after the abort');
    assert.equal(end.calls.length, 2);
    assert.equal(end.calls[1].aborted, true, 'the second attempt was sent with an already-aborted signal');
  });
});
