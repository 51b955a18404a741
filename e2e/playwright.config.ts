import { defineConfig } from '@playwright/test';

/*
 * Browser flows: the built extension in Chromium, the real API as its own process, Gmail served
 * from hand-made pages. Two workers fit the two-core machines this runs on; every test gets its
 * own browser profile and its own copy of the demo database, so they never share state.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // Overridable so two runs in one checkout never clear each other's traces.
  outputDir: process.env.BATON_E2E_OUTPUT ?? 'test-results',
  globalSetup: './global-setup.ts',
  workers: Number(process.env.BATON_E2E_WORKERS ?? 2),
  fullyParallel: true,
  retries: 0,
  reporter: 'list',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
