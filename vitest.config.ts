import { defineConfig } from 'vitest/config';
import WaitingFirstSequencer from './test/support/waiting-first-sequencer.js';
import { moveExtraCaCertsAside } from './test/support/extra-ca-certs.js';

// No test process reads NODE_EXTRA_CA_CERTS's certificates but npm's (see the module).
moveExtraCaCertsAside();

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // One worker more than this 2-core machine's cores: the terminal tests spend most of
    // their time waiting on real processes (the lesson's a minute of its own pauses), and a
    // third file fills that time. `npm test` took 174 s with 2 workers and 150 s with 3 (the
    // same 280 s of CPU), every test passing in both; the tests that time real processes
    // poll with bounds made for a machine running two suites at once.
    maxWorkers: 3,
    // A worker runs file after file without starting a fresh process and importing Ink,
    // React and the app again for each: the unit files cost a third of the CPU this way.
    // Every file cleans up after itself (sessions, links, timers), so none needs a fresh one.
    isolate: false,
    reporters: ['default', './test/support/slowest-files-reporter.ts'],
    // The longest files first (test/support/waiting-first-sequencer.ts).
    sequence: { sequencer: WaitingFirstSequencer },
  },
});
