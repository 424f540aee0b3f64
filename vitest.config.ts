import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['suites/**/*.test.ts'],
    globalSetup: ['suites/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Suites start real servers and child processes; two forks match the 2-core machines.
    pool: 'forks',
    maxWorkers: 2,
  },
});
