import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { builtExtension } from './paths.ts';

export const CHROMIUM = process.env.BATON_CHROMIUM ?? '/usr/bin/chromium';

/** The API runs on loopback in the tests, whatever port it gets. */
const LOOPBACK_API = 'http://127.0.0.1/*';

/**
 * Copies the built extension for one test run and grants the loopback API origin up front.
 *
 * The real flow asks for the API origin with `permissions.request` when the user saves the
 * options, and Chrome answers once the user clicks "Allow" in a browser dialog. Headless Chromium
 * has no such dialog (the request never settles), so the copy lists the origin as already granted:
 * the request then resolves `true` at once, exactly as after the user allowed it. The shipped
 * manifest keeps the origin optional.
 */
export function prepareExtension(targetDir: string): string {
  const manifestPath = join(builtExtension, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No built extension at ${builtExtension}: run \`pnpm --filter @baton/extension build\` (or unset BATON_E2E_SKIP_BUILD)`);
  }
  cpSync(builtExtension, targetDir, { recursive: true });
  const copied = join(targetDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(copied, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), LOOPBACK_API];
  writeFileSync(copied, JSON.stringify(manifest, null, 2));
  return targetDir;
}

/**
 * Chromium with only this extension, in a fresh profile, headless. Playwright's launch turns
 * third-party storage partitioning off, so the sidebar frame inside mail.google.com is refused
 * IndexedDB — the strictest case; the sidebar must work anyway (it reads through the background).
 */
export function launchWithExtension(profileDir: string, extensionDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const running = context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://'));
  return running ?? (await context.waitForEvent('serviceworker', (worker) => worker.url().startsWith('chrome-extension://')));
}

/** The id Chrome gave the unpacked extension (it depends on the folder it was loaded from). */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
  return new URL((await extensionWorker(context)).url()).host;
}
