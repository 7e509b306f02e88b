// Mutation testing (`npm run mutation`): slow, so not part of `npm test`. See docs/testing.md "Mutation testing".
// One file at a time: `npm run mutation -- --mutate src/core/simulator/reconciliation.ts`.

/** The files whose mutants must die (score target 85 %); add a file here, one line. */
const mutate = [
  'src/core/simulator/reconciliation.ts',
  'src/core/simulator/cloudPcLifecycle.ts',
  'src/core/simulator/cloudPcNaming.ts',
  'src/core/simulator/cloudPcFootprint.ts',
  'src/core/simulator/rest/applyRequestCheck.ts',
  'src/core/simulator/cloudPcActions.ts',
  'src/core/coverage/coverage.ts',
  'src/core/policy/policyRules.ts',
  'src/core/policy/namingRules.ts',
  'src/core/policy/namingFindings.ts',
  'src/core/policy/namingTemplate.ts',
  'src/core/policy/namingTemplateScan.ts',
  'src/core/policy/namingTemplateChecks.ts',
  'src/core/policy/assignmentRules.ts',
  'src/core/policy/overlapRules.ts',
  'src/core/policy/reserveRules.ts',
  'src/core/policy/autopatchRules.ts',
  'src/core/tenant/tenantChecks.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'mocha',
  coverageAnalysis: 'perTest',
  concurrency: 1,
  // Module-level caches (the naming-template results) would carry one mutant's results into the next run.
  // `--maxTestRunnerReuse 0` is much faster for iterating, but misreports mutants of module-level constants as survivors.
  maxTestRunnerReuse: 1,
  timeoutMS: 30000,
  timeoutFactor: 2,
  inPlace: false,
  checkers: [],
  disableTypeChecks: true,
  tempDirName: '.stryker-tmp',
  // The shared VS Code download (a symlink in a worktree), build output and test results are not inputs.
  ignorePatterns: ['.vscode-test', 'dist', 'out', 'test-results', '*.vsix'],
  mutate,
  mochaOptions: {
    config: '.mocharc.json',
    spec: [
      'test/unit/coverage/**/*.test.ts',
      'test/unit/simulator/**/*.test.ts',
      'test/unit/policy/**/*.test.ts',
      'test/unit/agreement/**/*.test.ts',
      'test/unit/language/**/*.test.ts',
      // The tenant checks against a hand-written tenant (the other tenant tests build a simulator in `before`).
      'test/unit/tenant/tenantCheckFindings.test.ts',
    ],
    // A child process or dist/ never sees a mutant, and the 100,000-user timings only cost time.
    ignore: [
      'test/unit/simulator/durability.test.ts',
      'test/unit/simulator/oneWriter.test.ts',
      'test/unit/simulator/sharedSimulator.test.ts',
      'test/unit/simulator/stateSafety.test.ts',
      'test/unit/simulator/performance.test.ts',
    ],
  },
  // `--incremental` re-tests only the mutants whose code or covering tests changed since the last run.
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
};
