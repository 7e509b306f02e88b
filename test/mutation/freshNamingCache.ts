// Mocha root hook for mutation runs that reuse one test runner (docs/testing.md "Mutation testing"): the
// naming-template results are memoized per module, so one mutant's results would answer the next mutant's
// tests, and in the coverage run a test whose template an earlier test checked would not count as covering
// the code. Before each test under Stryker, the cache is cycled with the mutant off and coverage set aside.
import type * as NamingTemplate from '../../src/core/policy/namingTemplate';

/** More entries than the cache holds (512): it clears at least once, and after that holds only these. */
const CYCLE = 513;
const CYCLE_TEST_ID = 'freshNamingCache: cycling the naming-template cache';

interface StrykerContext {
  activeMutant?: string;
  currentTestId?: string;
  mutantCoverage?: { perTest?: Record<string, unknown> };
}

export const mochaHooks = {
  beforeEach(): void {
    const stryker = (globalThis as { __stryker__?: StrykerContext }).__stryker__;
    if (!stryker) return; // a plain test run
    const { activeMutant, currentTestId } = stryker;
    stryker.activeMutant = undefined;
    stryker.currentTestId = CYCLE_TEST_ID;
    try {
      // Required here, not imported: loaded with the hook, before Stryker switches a static mutant on, the naming
      // modules would keep their unmutated constants for the whole run.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { checkNamingTemplate } = require('../../src/core/policy/namingTemplate') as typeof NamingTemplate;
      for (let i = 0; i < CYCLE; i++) checkNamingTemplate(`C${i}-%RAND:5%`, 'cacheCycle', 1);
    } finally {
      if (stryker.mutantCoverage?.perTest) delete stryker.mutantCoverage.perTest[CYCLE_TEST_ID];
      stryker.activeMutant = activeMutant;
      stryker.currentTestId = currentTestId;
    }
  },
};
