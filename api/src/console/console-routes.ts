import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context.ts';

/*
 * The team console (web/dist, built by `pnpm --filter @baton/web build`) served by the API itself,
 * so it shares the API's origin: no CORS, and the session cookie is first-party.
 */

export const defaultConsoleDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** No inline script or style, nothing from elsewhere, never framed. */
export const consoleCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const contentTypes: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  map: 'application/json',
};

/** Vite names every built asset after its content hash, so a name is never reused for other bytes. */
const assetName = /^[A-Za-z0-9_.-]+\.(js|css|svg|png|ico|woff2|map)$/;

/** Addresses that belong to the API: never answered with the console's page. */
const apiPath = /^\/(v1|api)(\/|$)/;

function secure(c: Context<AppEnv>) {
  c.header('Content-Security-Policy', consoleCsp);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'same-origin');
  c.header('X-Frame-Options', 'DENY');
}

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function consoleRoutes(dir: string = defaultConsoleDir) {
  return new Hono<AppEnv>()
    .get('/assets/:name', async (c) => {
      const name = c.req.param('name');
      const match = assetName.exec(name);
      const body = match ? await readOrNull(resolve(dir, 'assets', name)) : null;
      if (!match || body === null) return c.json({ error: { code: 'not_found', message: `No console asset ${name}` } }, 404);
      secure(c);
      c.header('Content-Type', contentTypes[match[1] as string] ?? 'application/octet-stream');
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      return c.body(new Uint8Array(body), 200);
    })
    .get('*', async (c, next) => {
      if (apiPath.test(c.req.path)) return next();
      // Every other address is one of the console's pages: the router in index.html picks it.
      const page = await readOrNull(resolve(dir, 'index.html'));
      secure(c);
      c.header('Cache-Control', 'no-cache');
      if (page === null) {
        return c.text('The console is not built. Run `pnpm --filter @baton/web build` (pnpm start does it), then reload.', 503);
      }
      return c.html(page.toString('utf8'), 200);
    });
}
