// Mutation testing of the simulator and coverage files, cheaper than the default config (docs/testing.md "Mutation testing"):
// only the tests that reach them, the request fuzz and the socket tests left out, fewer agreement cases.
// `npx stryker run stryker.simulator.conf.mjs --mutate src/core/simulator/reconciliation.ts`
// Its survivors are a superset of the default config's: a score measured here is a lower bound.
import base from './stryker.conf.mjs';

/** Reports and the incremental file are named per run (STRYKER_TAG, as stryker.policy.conf.mjs), so runs can go side by side. */
const tag = process.env.STRYKER_TAG ?? 'simulator';

// Read by test/unit/agreement/validatorSimulatorAgreement.test.ts; the test runners inherit it.
process.env.CPCPOLICY_AGREEMENT_RUNS ??= '200';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export const simulatorConfig = {
  ...base,
  mutate: [
    'src/core/simulator/reconciliation.ts',
    'src/core/simulator/cloudPcLifecycle.ts',
    'src/core/simulator/cloudPcNaming.ts',
    'src/core/simulator/cloudPcActions.ts',
    'src/core/coverage/coverage.ts',
  ],
  mochaOptions: {
    ...base.mochaOptions,
    spec: [
      'test/unit/simulator/**/*.test.ts',
      'test/unit/coverage/**/*.test.ts',
      'test/unit/agreement/**/*.test.ts',
      'test/unit/fleet/**/*.test.ts',
    ],
    // test/unit/tenant and test/unit/graph also reach the simulator, but from `before` hooks: every mutant they reach would be static.
    // The fuzz (about 5 s, it reaches most mutants and kills few) and the real sockets only cost time.
    ignore: [
      ...base.mochaOptions.ignore,
      'test/unit/simulator/badRequests.test.ts',
      'test/unit/simulator/server.test.ts',
    ],
  },
  tempDirName: `.stryker-tmp/${tag}`,
  // Other runs' sandboxes are not inputs.
  ignorePatterns: [...base.ignorePatterns, '.stryker-tmp'],
  incrementalFile: `reports/mutation/${tag}-incremental.json`,
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: `reports/mutation/${tag}.json` },
};

export default simulatorConfig;
