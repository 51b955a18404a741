import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from './middleware/rate-limit.ts';
import { createTestApi, type TestApi, type TestOrg } from './testing/index.ts';

let limited: TestApi;
let org: TestOrg;

beforeAll(async () => {
  limited = await createTestApi({ rateLimitPerMinute: 5, bodyLimitBytes: 2048 });
  org = await limited.seedOrg();
});
afterAll(() => limited.close());

describe('limits and hostile requests', () => {
  it('rate-limits by client address before auth: unauthenticated floods are refused without a token lookup', async () => {
    const byAddress = await createTestApi({ addressRateLimitPerMinute: 3 });
    try {
      // The Node server hands the socket to the app as `incoming`, as @hono/node-server does.
      const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
      const forged = { headers: { authorization: `Bearer baton_${'0'.repeat(32)}_${'a'.repeat(43)}` } };
      for (let i = 0; i < 3; i += 1) expect((await byAddress.app.request('/v1/me', forged, from('203.0.113.7'))).status).toBe(401);
      const res = await byAddress.app.request('/v1/me', forged, from('203.0.113.7'));
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await byAddress.app.request('/v1/me', forged, from('198.51.100.2'))).status).toBe(401);
    } finally {
      await byAddress.close();
    }
  });

  it('evicts the least recently used bucket when full, not every bucket', () => {
    const limiter = createRateLimiter(1, 2);
    expect(limiter.take('busy', 0).allowed).toBe(true);
    expect(limiter.take('busy', 1).allowed).toBe(false);
    expect(limiter.take('a', 2).allowed).toBe(true);
    expect(limiter.take('busy', 3).allowed).toBe(false);
    // A third key pushes out `a` (least recently used); `busy` keeps its empty bucket.
    expect(limiter.take('b', 4).allowed).toBe(true);
    expect(limiter.take('busy', 5).allowed).toBe(false);
  });

  it('rate-limits per token: the 6th request in a minute is 429 with Retry-After', async () => {
    const token = org.users.ae.token;
    for (let i = 0; i < 5; i += 1) expect((await limited.request('GET', '/v1/me', { token })).status).toBe(200);
    const res = await limited.request('GET', '/v1/me', { token });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await res.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // Another token has its own bucket.
    expect((await limited.request('GET', '/v1/me', { token: org.users.csm.token })).status).toBe(200);
  });

  it('rejects a body over the limit with 413 and the error shape', async () => {
    const res = await limited.request('POST', '/v1/contacts/resolve', {
      token: org.users.sdr.token,
      body: { emails: ['big@example.com'], name: 'x'.repeat(4096) },
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('answers malformed JSON with 400, never 500', async () => {
    const res = await limited.request('POST', '/v1/contacts/resolve', { token: org.users.marketing.token, body: '{"emails": [' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(['bad_request', 'invalid_body']).toContain(body.error.code);
    expect(body.error.message).not.toBe('');
  });

  it('refuses a body that is not sent as JSON instead of reading it as empty', async () => {
    const res = await limited.request('POST', '/v1/contacts/resolve', {
      token: org.users.marketing.token,
      body: '{"emails":["x@acme.test"]}',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_body', message: expect.stringContaining('JSON') } });
  });

  it('allows CORS only from extension origins', async () => {
    const preflight = (origin: string) =>
      limited.request('OPTIONS', '/v1/me', {
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const extension = await preflight('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect(extension.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect(extension.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const firefox = await limited.request('GET', '/v1/health', { headers: { origin: 'moz-extension://0b1c2d3e-aaaa-bbbb-cccc-0123456789ab' } });
    expect(firefox.headers.get('access-control-allow-origin')).toBe('moz-extension://0b1c2d3e-aaaa-bbbb-cccc-0123456789ab');
    const evil = await preflight('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const evilGet = await limited.request('GET', '/v1/health', { headers: { origin: 'https://evil.example' } });
    expect(evilGet.headers.get('access-control-allow-origin')).toBeNull();
  });
});
