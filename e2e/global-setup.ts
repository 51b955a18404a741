import { spawnSync } from 'node:child_process';
import { repoRoot } from './support/paths.ts';

/** Builds the extension and the console once per run, so the flows test the code as it is now. */
export default function globalSetup(): void {
  if (process.env.BATON_E2E_SKIP_BUILD === '1') return;
  for (const [pkg, output] of [
    ['@baton/extension', 'extension/.output/chrome-mv3'],
    ['@baton/web', 'web/dist'],
  ] as const) {
    const result = spawnSync('pnpm', ['--filter', pkg, 'build'], { cwd: repoRoot, stdio: 'inherit' });
    if (result.status !== 0) {
      throw new Error(`Building ${pkg} failed (exit ${result.status ?? result.signal}); the browser tests need ${output}`);
    }
  }
}
