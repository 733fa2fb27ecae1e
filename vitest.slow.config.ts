import { defineConfig } from 'vitest/config';

// Tests that need programs installed with apt-get (headless Chromium; pandas and R for the README's one-liners): `npm run test:slow`, which .ci/run
// calls after `npm test` once it has installed them. Not part of `npm test`.
export default defineConfig({
  test: {
    include: ['test/slow/**/*.slow.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
