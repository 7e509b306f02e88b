// Large documents go to the worker thread; when it cannot run, the engine still answers on this thread.
import * as assert from 'node:assert/strict';
import { getDocumentSymbols } from '../../../src/core/policy/documentSymbols';
import { validateDocument } from '../../../src/core/policy/validator';
import { ValidationScheduler, WORKER_THRESHOLD_BYTES } from '../../../src/vscode/language/validationScheduler';

function largeFleet(): string {
  const policy = (i: number) =>
    `{ "displayName": "P${i}", "provisioningType": "dedicate", "description": "${'x'.repeat(400)}" }`;
  const items = Array.from({ length: Math.ceil(WORKER_THRESHOLD_BYTES / 400) + 1 }, (_, i) => policy(i));
  return `{ "policies": [\n${items.join(',\n')}\n] }`;
}

describe('ValidationScheduler', () => {
  it('falls back to this thread when the worker cannot start, with the same answers', async () => {
    const scheduler = new ValidationScheduler('/nonexistent/validationWorker.js');
    try {
      const text = largeFleet();
      assert.ok(text.length > WORKER_THRESHOLD_BYTES);
      assert.deepEqual(await scheduler.validate(text), validateDocument(text));
      assert.deepEqual(await scheduler.documentSymbols(text), getDocumentSymbols(text));
      // And keeps answering once the worker is known to fail.
      assert.deepEqual(await scheduler.validate(text), validateDocument(text));
    } finally {
      scheduler.dispose();
    }
  });

  it('answers small documents on this thread without a worker', async () => {
    const scheduler = new ValidationScheduler('/nonexistent/validationWorker.js');
    const text = '{ "displayName": "x", "provisioningType": "dedicate" }';
    assert.deepEqual(await scheduler.validate(text), validateDocument(text));
    scheduler.dispose();
  });
});
