import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // End-to-end tests fork real processes and drive pseudo-terminals: keep the 2-core machine unsaturated.
    maxWorkers: 2,
    // A worker runs file after file without starting a fresh process and importing Ink,
    // React and the app again for each: the unit files cost a third of the CPU this way.
    // Every file cleans up after itself (sessions, links, timers), so none needs a fresh one.
    isolate: false,
    reporters: ['default', './test/support/slowest-files-reporter.ts'],
  },
});
