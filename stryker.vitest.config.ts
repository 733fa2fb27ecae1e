/**
 * The Vitest configuration of `npm run mutate` (stryker.config.mjs): the unit tests beside the code and the
 * in-process model tests, not the slow ones. Stryker reruns, for every mutant, each test that covers it; the
 * statistical laws (test/laws.test.ts: hundreds of runs each), the acid-rain and check tests, and the tests that
 * spawn the bundled binary (CLI, faults, fuzz, terminal UI: dist/ holds no mutant) cover nearly every line of the
 * engine and would make one full run take many hours on two cores. They all still run in `npm test`.
 * Code run in a beforeAll belongs to no test, so Stryker counts it as "static" and reruns every test for each
 * mutant it touches; Stryker's own `testFiles` option would select files too, but with it Stryker 9.6 activates
 * static mutants too late and reports every one of them as survived (stryker-js issue 6144), hence `include`.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

// Not mergeConfig: it would append this list to the base's instead of replacing it.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'src/**/*.test.{ts,tsx}',
      'test/model-defects.test.ts',
      'test/approvals.test.ts',
      'test/central-powers.test.ts',
      'test/rule-sets.test.ts',
      // Byte-identical outputs of every shipped scenario: a mutant of the engine that changes any outcome dies here.
      'test/goldens.test.ts',
    ],
  },
});
