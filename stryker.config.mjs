// Mutation testing (`npm run mutate`, not part of `npm test`): Stryker mutates the rules and the engine and
// reruns, for each mutant, only the vitest tests that cover it. Reports go to reports/ (gitignored).
// One file while iterating: `npx stryker run --mutate src/rules/assess.ts`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // vitest.config.ts less the three CLI/UI test files whose beforeAll runs a simulation (see that file).
  vitest: { configFile: 'stryker.vitest.config.ts' },
  // TypeScript 7 (the native compiler) has no JS API, so @stryker-mutator/typescript-checker cannot run;
  // mutants that do not type-check simply run (and usually fail a test).
  checkers: [],
  // Stryker rewrites `extends`/`references` of the sandbox's tsconfig.json through the TypeScript JS API, which
  // TypeScript 7 lacks (ts.parseConfigFileTextToJson is not a function). Our tsconfig has neither, so point the
  // option at a file that does not exist and the rewrite is skipped; the sandbox keeps tsconfig.json as it is.
  tsconfigFile: 'no-tsconfig-rewrite.json',
  mutate: ['src/rules/**/*.ts', 'src/engine/**/*.ts', '!src/**/*.test.ts'],
  coverageAnalysis: 'perTest',
  // The machine has 2 cores shared with other work.
  concurrency: 2,
  // Some covering tests run whole simulations: allow twice a test's dry-run time plus 15 s on a busy machine.
  timeoutMS: 15_000,
  timeoutFactor: 2,
  // The sandbox is a copy of the project, dist/ included (the CLI tests spawn the bundle that `npm run mutate`
  // builds first; those tests see no mutant, since mutants live in src/).
  ignorePatterns: ['runs', 'reports', '.stryker-tmp*'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
