import { spawnSync } from 'node:child_process';
import { repoRoot } from './support/paths.ts';

/** Builds the extension once per run, so the flows test the code as it is now. */
export default function globalSetup(): void {
  if (process.env.BATON_E2E_SKIP_BUILD === '1') return;
  const result = spawnSync('pnpm', ['--filter', '@baton/extension', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`Building the extension failed (exit ${result.status ?? result.signal}); the browser tests need extension/.output/chrome-mv3`);
  }
}
