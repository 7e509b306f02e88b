// Small helpers shared by the graph tests: a fake clock+sleep, polling with a deadline.
import type { Clock } from '../../../src/core/model/clock';
import type { Sleep } from '../../../src/core/graph/sleep';

/** A virtual clock whose sleep advances time instantly and records every wait. */
export function fakeTime(startMs = Date.parse('2026-11-23T12:00:00Z')): {
  clock: Clock;
  sleep: Sleep;
  sleeps: number[];
} {
  let now = startMs;
  const sleeps: number[] = [];
  return {
    clock: { now: () => now },
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

/** Polls `condition` until true or the deadline passes (no fixed sleeps in tests). */
export async function waitFor(condition: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export const sentinelToken = 'eyJ.FAKE-TOKEN-SENTINEL-123';
