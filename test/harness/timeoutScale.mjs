// One factor for every deadline of the VS Code suites (integration and e2e): a slower machine gets longer
// deadlines, never different waits. The tests wait on events and states, so a longer deadline costs time only
// when a test fails. See docs/testing.md ("Deadlines on a slower machine").

/** CI machines are slower than a developer's: their deadlines are twice as long unless the variable says otherwise. */
export const CI_TIMEOUT_SCALE = 2;

/**
 * The factor: `CPCPOLICY_TIMEOUT_SCALE` when it is a positive number, else 2 on CI (`CI` set, as CI services
 * do) and 1 elsewhere. The harness passes the resolved factor on in the same variable, so the extension host
 * (integration tests) reads the same number.
 */
export function timeoutScale(env = process.env) {
  const set = Number(env.CPCPOLICY_TIMEOUT_SCALE);
  if (env.CPCPOLICY_TIMEOUT_SCALE && Number.isFinite(set) && set > 0) return set;
  return env.CI && env.CI !== 'false' && env.CI !== '0' ? CI_TIMEOUT_SCALE : 1;
}

/** A deadline measured on our machine (`ms`), stretched by the factor. */
export function scaled(ms, env = process.env) {
  return Math.round(ms * timeoutScale(env));
}
