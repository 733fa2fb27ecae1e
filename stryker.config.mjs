// Mutation testing (`npm run mutate`, not part of `npm test`): Stryker mutates the rules and the engine and
// reruns, for each mutant, only the vitest tests that cover it. Reports go to reports/ (gitignored).
// One file while iterating: `npx stryker run --mutate src/rules/assess.ts`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts' },
  // TypeScript 7 (the native compiler) has no JS API, so @stryker-mutator/typescript-checker cannot run;
  // mutants that do not type-check simply run (and usually fail a test).
  checkers: [],
  // Stryker rewrites `extends`/`references` of the sandbox's tsconfig.json through the TypeScript JS API, which
  // TypeScript 7 lacks (ts.parseConfigFileTextToJson is not a function). Our tsconfig has neither, so point the
  // option at a file that does not exist and the rewrite is skipped; the sandbox keeps tsconfig.json as it is.
  tsconfigFile: 'no-tsconfig-rewrite.json',
  mutate: ['src/rules/**/*.ts', 'src/engine/**/*.ts', '!src/**/*.test.ts'],
  coverageAnalysis: 'perTest',
  // Every test file but the three whose beforeAll runs a whole simulation (test/cli.test.ts, test/ui/cli.test.ts,
  // test/ui/terminal.test.ts). Code run in a beforeAll belongs to no test, so Stryker counts it as "static" and
  // must rerun every test, with a fresh module graph, for every mutant it touches: with these files in, three
  // quarters of the engine's and the rules' mutants were static and src/rules/assess.ts alone took an hour.
  // These files test the command line and the terminal UI (mostly through the spawned dist/ bundle, which
  // holds no mutant); they still run in `npm test`.
  testFiles: ['src/**/*.test.{ts,tsx}', 'test/!(cli).test.ts', 'test/ui/!(cli|terminal).test.{ts,tsx}'],
  // The machine has 2 cores shared with other work.
  concurrency: 2,
  // Some covering tests run whole simulations; the default 5 s + 1.5x is too tight on a busy machine.
  timeoutMS: 60_000,
  timeoutFactor: 2,
  // The sandbox is a copy of the project, dist/ included (the CLI tests spawn the bundle that `npm run mutate`
  // builds first; those tests see no mutant, since mutants live in src/).
  ignorePatterns: ['runs', 'reports', '.stryker-tmp'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
