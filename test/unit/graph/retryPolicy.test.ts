import assert from 'node:assert/strict';
import {
  backoffDelayMs,
  defaultRetryOptions,
  isRetryableStatus,
  parseRetryAfter,
} from '../../../src/core/graph/retryPolicy';
import { createSeededRandom } from '../../../src/core/policy/seededRandom';

describe('retryPolicy', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');

  it('reads Retry-After as seconds', () => {
    assert.equal(parseRetryAfter('1', now), 1000);
    assert.equal(parseRetryAfter(' 30 ', now), 30_000);
    assert.equal(parseRetryAfter('0', now), 0);
    assert.equal(parseRetryAfter('1.5', now), 1500);
  });

  it('reads Retry-After as an HTTP date relative to the injected clock', () => {
    assert.equal(parseRetryAfter('Mon, 23 Nov 2026 12:00:07 GMT', now), 7000);
    assert.equal(parseRetryAfter('Mon, 23 Nov 2026 11:59:00 GMT', now), 0, 'a date in the past means now');
  });

  it('ignores a missing or unreadable Retry-After', () => {
    assert.equal(parseRetryAfter(null, now), undefined);
    assert.equal(parseRetryAfter('', now), undefined);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter('-5', now), undefined);
  });

  it('retries 429/503 for any method and 504 only for idempotent ones', () => {
    assert.ok(isRetryableStatus(429, 'POST'));
    assert.ok(isRetryableStatus(503, 'POST'));
    assert.ok(isRetryableStatus(504, 'GET'));
    assert.ok(!isRetryableStatus(504, 'POST'));
    assert.ok(!isRetryableStatus(500, 'GET'));
    assert.ok(!isRetryableStatus(401, 'GET'));
  });

  it('backs off exponentially with jitter, within [half, full] of each step and under the cap', () => {
    const random = createSeededRandom(42);
    const opts = { ...defaultRetryOptions, baseDelayMs: 1000, maxDelayMs: 60_000 };
    for (let n = 1; n <= 10; n++) {
      const full = Math.min(60_000, 1000 * 2 ** (n - 1));
      const d = backoffDelayMs(n, opts, random);
      assert.ok(d >= full / 2 && d <= full, `retry ${n}: ${d} in [${full / 2}, ${full}]`);
    }
    const a = backoffDelayMs(3, opts, createSeededRandom(1));
    const b = backoffDelayMs(3, opts, createSeededRandom(1));
    assert.equal(a, b, 'seeded: repeatable');
  });
});
