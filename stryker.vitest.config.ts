/**
 * The Vitest configuration of `npm run mutate` (stryker.config.mjs): vitest.config.ts without the three test files
 * whose beforeAll runs a whole simulation. Code run in a beforeAll belongs to no test, so Stryker counts it as
 * "static" and must rerun every test for every mutant it touches: with these files in, three quarters of the
 * mutants of src/rules/assess.ts were static and that one file took an hour. They test the command line and the
 * terminal UI (mostly through the spawned dist/ bundle, which holds no mutant) and still run in `npm test`.
 * (Stryker's own `testFiles` option would do the same, but with it Stryker 9.6 activates static mutants too late
 * and reports every one of them as survived: stryker-js issue 6144.)
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default mergeConfig(base, defineConfig({
  test: { exclude: ['**/node_modules/**', 'test/cli.test.ts', 'test/ui/cli.test.ts', 'test/ui/terminal.test.ts'] },
}));
