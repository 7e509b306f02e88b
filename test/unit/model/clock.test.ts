import * as assert from 'node:assert/strict';
import { systemClock } from '../../../src/core/model/clock';

describe('systemClock', () => {
  it('reads the wall clock', () => {
    const before = Date.now();
    const now = systemClock.now();
    assert.ok(now >= before && now <= Date.now());
  });
});
