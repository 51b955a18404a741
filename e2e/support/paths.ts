import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const repoRoot = resolve(here, '../..');
export const e2eRoot = resolve(here, '..');
export const apiRoot = resolve(repoRoot, 'api');
export const apiCli = resolve(apiRoot, 'src/cli.ts');
/** Where `pnpm --filter @baton/extension build` writes the Chrome build. */
export const builtExtension = resolve(repoRoot, 'extension/.output/chrome-mv3');
/** Screenshots and other files a person looks at after a run (gitignored). */
export const artifactsDir = resolve(e2eRoot, 'artifacts');
