// The apt-get calls that install the Debian packages a VS Code needs. On a fresh CI machine unattended
// upgrades often hold the apt/dpkg lock: apt waits for it up to DPkg::Lock::Timeout seconds (apt.conf(5))
// instead of failing at once, bounded so a lock that is never released still ends the run.
export const APT_LOCK_WAIT_SECONDS = 300;

/** The argv of each apt-get call, and the line that says the install may wait for the lock. */
export function aptCommands(missing) {
  const wait = ['-o', `DPkg::Lock::Timeout=${APT_LOCK_WAIT_SECONDS}`];
  return {
    argv: [
      ['apt-get', ...wait, 'update', '-qq'],
      ['apt-get', ...wait, 'install', '-y', '-qq', ...missing],
    ],
    notice: `installing Debian packages: ${missing.join(' ')} (waits up to ${APT_LOCK_WAIT_SECONDS} s if another process holds the apt/dpkg lock)`,
  };
}
