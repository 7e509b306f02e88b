import * as assert from 'node:assert/strict';
import { MAX_POLL_INTERVAL_MS, POLL_INTERVAL_MS, PollSchedule } from '../../../src/vscode/views/pollSchedule';
import type { PollTimers } from '../../../src/vscode/views/pollSchedule';

/** Timers that fire only when the test says so, recording each delay asked for. */
class ManualTimers implements PollTimers {
  readonly delays: number[] = [];
  private pending = new Map<number, () => void>();
  private next = 1;
  setTimeout(fn: () => void, ms: number): unknown {
    this.delays.push(ms);
    const id = this.next++;
    this.pending.set(id, fn);
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  get count(): number {
    return this.pending.size;
  }
  /** Fires every pending timer and lets the poll's promise chain settle. */
  async fire(): Promise<void> {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const fn of due) fn();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }
}

function target(overrides: Partial<{ wanted: boolean; visible: boolean; results: boolean[] }> = {}) {
  const state = { wanted: true, visible: true, results: [] as boolean[], polls: 0, ...overrides };
  return {
    state,
    wanted: () => state.wanted,
    visible: () => state.visible,
    poll: async () => {
      state.polls++;
      return state.results.shift() ?? true;
    },
  };
}

describe('Graph polling schedule (sidebar live refresh)', () => {
  it('polls every 30 s while a Cloud PC is in transition', async () => {
    const timers = new ManualTimers();
    const t = target();
    const schedule = new PollSchedule(t, timers);
    schedule.request();
    schedule.request(); // a second request while one is armed does not double the timers
    assert.equal(timers.count, 1);
    await timers.fire();
    await timers.fire();
    assert.equal(t.state.polls, 2);
    assert.deepEqual(timers.delays, [POLL_INTERVAL_MS, POLL_INTERVAL_MS, POLL_INTERVAL_MS]);
  });

  it('stops when nothing is in transition any more', async () => {
    const timers = new ManualTimers();
    const t = target();
    const schedule = new PollSchedule(t, timers);
    schedule.request();
    t.state.wanted = false;
    await timers.fire();
    assert.equal(t.state.polls, 1);
    assert.equal(schedule.armed, false);
  });

  it('backs off while the service fails, up to 5 minutes, and returns to 30 s after a success', async () => {
    const timers = new ManualTimers();
    const t = target({ results: [false, false, false, false, false, false, true] });
    const schedule = new PollSchedule(t, timers);
    schedule.request();
    for (let i = 0; i < 7; i++) await timers.fire();
    assert.deepEqual(timers.delays, [
      30_000,
      60_000,
      120_000,
      240_000,
      MAX_POLL_INTERVAL_MS,
      MAX_POLL_INTERVAL_MS,
      MAX_POLL_INTERVAL_MS,
      POLL_INTERVAL_MS,
    ]);
  });

  it('treats a poll that throws as a failure and keeps going', async () => {
    const timers = new ManualTimers();
    const schedule = new PollSchedule(
      {
        wanted: () => true,
        visible: () => true,
        poll: async () => {
          throw new Error('network down');
        },
      },
      timers,
    );
    schedule.request();
    await timers.fire();
    assert.equal(schedule.currentDelayMs, 60_000);
    assert.equal(schedule.armed, true);
  });

  it('does not poll while the views are hidden, and polls at once when one is shown again', async () => {
    const timers = new ManualTimers();
    const t = target({ visible: false });
    const schedule = new PollSchedule(t, timers);
    schedule.request();
    await timers.fire();
    assert.equal(t.state.polls, 0, 'no request while hidden');
    assert.equal(schedule.armed, false, 'and no timer keeps running');
    schedule.visibilityChanged(); // still hidden
    assert.equal(t.state.polls, 0);
    t.state.visible = true;
    schedule.visibilityChanged();
    await timers.fire(); // settle
    assert.equal(t.state.polls, 1);
  });

  it('cancel (backend switch) drops the pending poll', async () => {
    const timers = new ManualTimers();
    const t = target();
    const schedule = new PollSchedule(t, timers);
    schedule.request();
    schedule.cancel();
    await timers.fire();
    assert.equal(t.state.polls, 0);
  });
});
