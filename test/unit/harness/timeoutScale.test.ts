// Every deadline of the VS Code suites stretches by one factor: a slower machine (CI) gets longer deadlines,
// set by CPCPOLICY_TIMEOUT_SCALE or, on CI, doubled by default.
import * as assert from 'node:assert/strict';

describe('the deadlines of the VS Code suites scale with the machine', () => {
  it('are as measured on a developer machine, doubled on CI, and as CPCPOLICY_TIMEOUT_SCALE says when set', async () => {
    const { scaled, timeoutScale, CI_TIMEOUT_SCALE } = await import('../../harness/timeoutScale.mjs');
    assert.equal(timeoutScale({}), 1);
    assert.equal(scaled(60_000, {}), 60_000);
    assert.equal(CI_TIMEOUT_SCALE, 2);
    assert.equal(scaled(60_000, { CI: 'true' }), 120_000);
    assert.equal(scaled(60_000, { CI: 'false' }), 60_000);
    assert.equal(scaled(60_000, { CI: 'true', CPCPOLICY_TIMEOUT_SCALE: '3' }), 180_000);
    assert.equal(scaled(1_000, { CPCPOLICY_TIMEOUT_SCALE: '1.5' }), 1_500);
  });

  it('ignores a factor that is no positive number', async () => {
    const { timeoutScale } = await import('../../harness/timeoutScale.mjs');
    for (const bad of ['0', '-2', 'fast', ''])
      assert.equal(timeoutScale({ CPCPOLICY_TIMEOUT_SCALE: bad }), 1, `CPCPOLICY_TIMEOUT_SCALE=${bad}`);
    assert.equal(timeoutScale({ CPCPOLICY_TIMEOUT_SCALE: 'fast', CI: '1' }), 2);
  });
});
