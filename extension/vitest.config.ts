import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // The tests that sync with the real API get a PostgreSQL database per file (see that file).
    globalSetup: ['../api/src/testing/global-setup.ts'],
  },
});
