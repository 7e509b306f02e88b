// The tenant cache reads the tenant at most once a minute, unless Refresh or a backend switch asks now.
import * as assert from 'node:assert/strict';
import { RefreshGate } from '../../../src/vscode/language/refreshGate';

describe('tenant refresh gate', () => {
  it('reads the first time, then not again within the minute, then again after it', () => {
    let now = 0;
    const gate = new RefreshGate(60_000, () => now);
    assert.equal(gate.take(false), true);
    now = 59_999;
    assert.equal(gate.take(false), false);
    now = 60_000;
    assert.equal(gate.take(false), true);
  });

  it('Refresh (forced) reads at once and starts the minute again', () => {
    let now = 0;
    const gate = new RefreshGate(60_000, () => now);
    gate.take(false);
    now = 10_000;
    assert.equal(gate.take(true), true);
    now = 65_000;
    assert.equal(gate.take(false), false, 'a minute counts from the forced read');
  });

  it('a backend switch (reset) reads at once', () => {
    let now = 0;
    const gate = new RefreshGate(60_000, () => now);
    gate.take(false);
    now = 1_000;
    gate.reset();
    assert.equal(gate.take(false), true);
  });
});
