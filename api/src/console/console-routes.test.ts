import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../context.ts';
import { consoleCsp, consoleRoutes } from './console-routes.ts';

const dist = mkdtempSync(join(tmpdir(), 'baton-console-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Baton</title><script type="module" src="/assets/index-abc123.js"></script>');
writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

// As in app.ts: the API's routes first, then the console.
const app = new Hono<AppEnv>()
  .get('/v1/health', (c) => c.json({ ok: true }))
  .route('/', consoleRoutes(dist));
app.notFound((c) => c.json({ error: { code: 'not_found', message: 'none' } }, 404));

describe('the console served by the API', () => {
  it('answers index.html for a deep link, with the strict CSP and no caching', async () => {
    for (const path of ['/', '/handoffs', '/handoffs/3f0c5ad2-3f64-4f0e-9d6b-111111111111', '/invite/abcdefghijklmnopq', '/reset-password?token=x']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('content-security-policy')).toBe(consoleCsp);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('/assets/index-abc123.js');
    }
    expect(consoleCsp).toContain("script-src 'self'");
    expect(consoleCsp).not.toContain('unsafe-inline');
  });

  it('serves hashed assets as immutable, and 404s unknown or odd asset names', async () => {
    const asset = await app.request('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await app.request('/assets/missing-1.js')).status).toBe(404);
    expect((await app.request('/assets/..%2Findex.html')).status).toBe(404);
    expect((await app.request('/assets/%2e%2e%2f%2e%2e%2fpackage.json')).status).toBe(404);
  });

  it('never answers API addresses with the console page', async () => {
    expect((await app.request('/v1/health')).status).toBe(200);
    for (const path of ['/v1/nope', '/v1', '/api/auth/whatever', '/api']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toContain('application/json');
    }
  });

  it('says how to build the console when web/dist is missing', async () => {
    const missing = new Hono<AppEnv>().route('/', consoleRoutes(join(dist, 'nope')));
    const response = await missing.request('/team');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('pnpm --filter @baton/web build');
  });
});
