// Mocha root hook for mutation runs that reuse one test runner (docs/testing.md "Mutation testing"): the
// naming-template results are memoized per module, so one mutant's results would answer the next mutant's
// tests. Before each test of a mutant run, the cache is cycled with the mutant switched off.
import type * as NamingTemplate from '../../src/core/policy/namingTemplate';

/** More entries than the cache holds (512): it clears at least once, and after that holds only these. */
const CYCLE = 513;

interface StrykerContext {
  activeMutant?: string;
}

export const mochaHooks = {
  beforeEach(): void {
    const stryker = (globalThis as { __stryker__?: StrykerContext }).__stryker__;
    const active = stryker?.activeMutant;
    // No mutant active: a plain run or Stryker's coverage run, whose coverage must not count this.
    if (!stryker || active === undefined) return;
    stryker.activeMutant = undefined;
    try {
      // Required here, not imported: loaded with the hook, before Stryker switches a static mutant on, the naming
      // modules would keep their unmutated constants for the whole run.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { checkNamingTemplate } = require('../../src/core/policy/namingTemplate') as typeof NamingTemplate;
      for (let i = 0; i < CYCLE; i++) checkNamingTemplate(`C${i}-%RAND:5%`, 'cacheCycle', 1);
    } finally {
      stryker.activeMutant = active;
    }
  },
};
