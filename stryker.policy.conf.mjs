// Mutation testing of the policy rules (docs/testing.md "Mutation testing"): the default config with only the tests
// that reach src/core/policy and check findings. Fewer tests only lower the score: its survivors are a superset.
// `npm run generate && npx stryker run stryker.policy.conf.mjs --mutate src/core/policy/namingRules.ts`
import base from './stryker.conf.mjs';

/** Reports and the incremental file are named per run (STRYKER_TAG), so runs of several files can share a worktree. */
const tag = process.env.STRYKER_TAG ?? 'policy';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  // One runner for all mutants: several times faster. The root hook keeps the naming-template cache from carrying a
  // mutant's results into the next; a mutant of a module-level constant still shows as a survivor (re-check its
  // lines with `--maxTestRunnerReuse 1`).
  maxTestRunnerReuse: 0,
  // A mutant that makes a loop endless is killed either way: don't wait 30 s for it on a loaded machine.
  timeoutMS: 10000,
  mochaOptions: {
    ...base.mochaOptions,
    require: ['tsx/cjs', './test/mutation/freshNamingCache.ts'],
    // STRYKER_SPEC=glob,glob narrows further, e.g. to test/unit/policy for a file of constants that restarts per mutant.
    spec: process.env.STRYKER_SPEC?.split(',') ?? [
      'test/unit/policy/**/*.test.ts',
      'test/unit/agreement/**/*.test.ts',
      'test/unit/language/**/*.test.ts',
    ],
    // No-crash fuzzing, fast-path differentials, megabyte inputs and the validator ⇔ simulator property (both sides
    // share the rules, so a rule mutant moves both) cost most of the time and kill almost nothing here.
    ignore: [
      'test/unit/policy/badInput.test.ts',
      'test/unit/policy/fastPath.test.ts',
      'test/unit/policy/adversarialInput.test.ts',
      'test/unit/agreement/validatorSimulatorAgreement.test.ts',
    ],
  },
  tempDirName: `.stryker-tmp/${tag}`,
  // Other runs' sandboxes are not inputs.
  ignorePatterns: [...base.ignorePatterns, '.stryker-tmp'],
  incrementalFile: `reports/mutation/${tag}-incremental.json`,
  htmlReporter: { fileName: `reports/mutation/${tag}.html` },
  jsonReporter: { fileName: `reports/mutation/${tag}.json` },
};
