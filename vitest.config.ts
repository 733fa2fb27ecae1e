import { configDefaults, defineConfig } from 'vitest/config';

// Property tests and end-to-end CLI tests run real simulations; on a busy 2-core machine they need more
// than vitest's default 5 s. Timings are never asserted.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    // Slow tests needing apt-get installs (headless Chromium) run apart: vitest.slow.config.ts, npm run test:slow.
    exclude: [...configDefaults.exclude, 'test/slow/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
