import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One PostgreSQL for the run, a database per test file copied from a migrated template.
    globalSetup: ['./src/testing/global-setup.ts'],
    // Two files at a time suits a 2-core machine.
    maxWorkers: 2,
  },
});
