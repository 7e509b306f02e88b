import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.vscode-test/**',
      '.stryker-tmp/**',
      'reports/**',
      'test-results/**',
      'src/core/policy/generated/**',
      '**/*.js',
    ],
  },
  {
    // Scripts, the test harness and the e2e suites are plain ES modules: no type check reads them, so a name
    // that does not exist (a constant removed elsewhere) is caught here or only when the run reaches it.
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.mocha } },
    rules: {
      'no-undef': 'error',
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Playwright runs the callbacks given to page.evaluate in the workbench's page.
    files: ['test/e2e/**/*.mjs'],
    languageOptions: { globals: globals.browser },
  },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: config.files ?? ['**/*.ts', '**/*.mts'] })),
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-exports': [
        'error',
        {
          restrictDefaultExports: {
            direct: true,
            named: true,
            defaultFrom: true,
            namedFrom: true,
            namespaceFrom: true,
          },
        },
      ],
    },
  },
  {
    // core/ and cli/ stay editor-free: they run in CI, in the CLI and in the simulator server.
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core and src/cli must not import vscode; put editor code in src/vscode.' },
          ],
        },
      ],
    },
  },
  {
    // Commands speak to the sidebar through SidebarIntents (views/sidebarIntents.ts), never through its models,
    // store or providers: what to reload and redraw is the sidebar's decision.
    files: ['src/vscode/commands/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // A pattern, not a list of names: everything in views/ is the sidebar's own, except its public surface
              // (the intents, the node types commands receive as arguments, the Cloud PC words and status buckets
              // the sidebar shares with commands). A new views file is fenced off without editing this rule.
              group: [
                '**/views/*',
                '!**/views/sidebarIntents',
                '!**/views/treeNodes',
                '!**/views/cloudPcPresentation',
                '!**/views/cloudPcStatusBuckets',
              ],
              message:
                "Commands use ctx.sidebar (SidebarIntents), not the sidebar's internals or tree models; domain helpers live in src/core.",
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'MemberExpression[property.name=/^(policyModel|cloudPcModel|store|policyProvider|cloudPcProvider|groupInfo|policyView|cloudPcView)$/]',
          message:
            "Commands do not read the sidebar's models, store, providers or views; ask ctx.sidebar (SidebarIntents).",
        },
      ],
    },
  },
);
