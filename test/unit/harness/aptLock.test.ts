// The harness's Debian install waits, bounded, for an apt/dpkg lock another process holds (unattended
// upgrades on a fresh CI machine) instead of failing at once, and says that it may wait (apt.conf(5):
// DPkg::Lock::Timeout, seconds).
import * as assert from 'node:assert/strict';

describe('the harness installs Debian packages patiently', () => {
  it('passes a bounded DPkg::Lock::Timeout to every apt-get call and says how long it may wait', async () => {
    const { aptCommands, APT_LOCK_WAIT_SECONDS } = await import('../../harness/aptCommands.mjs');
    const { argv, notice } = aptCommands(['libnss3']);
    assert.equal(argv.length, 2);
    for (const a of argv) assert.ok(a.includes(`DPkg::Lock::Timeout=${APT_LOCK_WAIT_SECONDS}`), a.join(' '));
    assert.ok(APT_LOCK_WAIT_SECONDS > 0 && APT_LOCK_WAIT_SECONDS <= 900);
    assert.match(notice, new RegExp(`waits up to ${APT_LOCK_WAIT_SECONDS} s`));
  });
});
