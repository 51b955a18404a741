#!/usr/bin/env node
// Runs every test: type checks, unit and route tests of each package, the sync chaos check, then the browser tests.
// The API suite runs on the embedded database; set DATABASE_URL to run it on a PostgreSQL server.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.BATON_CHROMIUM ?? '/usr/bin/chromium';

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    console.error(`The browser tests need Chromium at ${CHROMIUM}: install it with "sudo apt-get install -y chromium" (or set BATON_CHROMIUM).`);
    process.exit(1);
  }
  run('Installing Chromium (Debian package)', 'bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium']);
}

const only = process.argv[2];
if (!only || only === 'unit') {
  run('Type check', 'pnpm', ['-r', '--workspace-concurrency=1', 'run', 'typecheck']);
  run('Unit and API tests', 'pnpm', ['-r', '--workspace-concurrency=1', '--filter=!@baton/e2e', 'run', 'test']);
  run('Firefox build and web-ext lint (store review)', 'pnpm', ['--filter', '@baton/extension', 'run', 'lint:firefox']);
  const chaosSeeds = process.env.CHAOS_SEEDS ?? '3';
  run(`Sync under faults (chaos, ${chaosSeeds} seeds)`, 'pnpm', ['--filter', '@baton/e2e', 'run', 'test:chaos'], { CHAOS_SEEDS: chaosSeeds });
}
if (!only || only === 'e2e') {
  ensureChromium();
  run('Browser tests (Playwright, Chromium with the extension)', 'pnpm', ['--filter', '@baton/e2e', 'run', 'test']);
}
