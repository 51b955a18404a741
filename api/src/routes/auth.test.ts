import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../cli/admin-commands.ts';
import { consoleOrigins } from '../lib/auth/auth.ts';
import { createTestApi, sessionCookie, TEST_ORIGIN, type TestApi, type TestOrg } from '../testing/index.ts';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const json = { 'content-type': 'application/json' };
const withCookie = (cookie: string, write = false) => ({ cookie, ...(write ? { origin: TEST_ORIGIN } : {}) });

async function authPost(path: string, body: unknown, headers: Record<string, string> = {}) {
  return api.app.request(`/api/auth${path}`, { method: 'POST', headers: { ...json, origin: TEST_ORIGIN, ...headers }, body: JSON.stringify(body) });
}

describe('first run: Create your team', () => {
  it('is needed on an empty database, creates the admin signed in, then refuses a second team', async () => {
    expect(await (await api.request('GET', '/v1/setup')).json()).toEqual({ needed: true });
    const res = await api.request('POST', '/v1/setup', { body: { teamName: 'Northwind', name: 'Ada Admin', email: 'Ada@Northwind.test', password: 'first admin password' } });
    expect(res.status).toBe(201);
    const me = await res.json();
    expect(me).toMatchObject({ user: { email: 'ada@northwind.test', name: 'Ada Admin', role: 'admin' }, org: { name: 'Northwind' } });
    const cookie = sessionCookie(res);
    expect(res.headers.getSetCookie().join(';')).toMatch(/HttpOnly/i);
    expect(res.headers.getSetCookie().join(';')).toMatch(/SameSite=Lax/i);
    const who = await api.request('GET', '/v1/me', { headers: withCookie(cookie) });
    expect(who.status).toBe(200);
    expect(await who.json()).toEqual(me);
    expect(await (await api.request('GET', '/v1/setup')).json()).toEqual({ needed: false });
    const again = await api.request('POST', '/v1/setup', { body: { teamName: 'Other', name: 'Eve', email: 'eve@other.test', password: 'another password' } });
    expect(again.status).toBe(409);
  });

  it('refuses a weak password with a clear 400', async () => {
    const res = await api.request('POST', '/v1/setup', { body: { teamName: 'X', name: 'Y', email: 'y@x.test', password: 'short' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_body' } });
  });
});

describe('sign-in and sessions', () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await api.seedOrg();
  });

  it('answers a wrong password and an unknown email alike (no enumeration), and records each sign-in', async () => {
    await api.signIn(org.users.ae, 'the right password');
    const wrong = await authPost('/sign-in/email', { email: org.users.ae.email, password: 'not the password' });
    const unknown = await authPost('/sign-in/email', { email: 'nobody@nowhere.test', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    const ok = await authPost('/sign-in/email', { email: org.users.ae.email, password: 'the right password' });
    expect(ok.status).toBe(200);
    const audit = await api.services.database.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where org_id = ${org.id} and action = 'auth.sign_in' and entity_id = ${org.users.ae.id}`);
    expect(audit[0]?.n).toBe(2);
  });

  it('has sign-up closed', async () => {
    const res = await authPost('/sign-up/email', { email: 'new@x.test', password: 'a good password', name: 'New' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const count = await api.services.database.db.execute<{ n: number }>(sql`select count(*)::int as n from auth_user where email = 'new@x.test'`);
    expect(count[0]?.n).toBe(0);
  });

  it('refuses a cookie write without the console Origin (CSRF) but serves reads', async () => {
    const cookie = await api.signIn(org.users.csm);
    const read = await api.request('GET', '/v1/handoff-templates', { headers: { cookie } });
    expect(read.status).toBe(200);
    const body = { name: 'zap' };
    const none = await api.request('POST', '/v1/tokens', { headers: { cookie }, body });
    expect(none.status).toBe(403);
    const evil = await api.request('POST', '/v1/tokens', { headers: { cookie, origin: 'https://evil.example' }, body });
    expect(evil.status).toBe(403);
    const good = await api.request('POST', '/v1/tokens', { headers: withCookie(cookie, true), body });
    expect(good.status).toBe(201);
  });

  it('a changed password ends the other sessions', async () => {
    const first = await api.signIn(org.users.marketing, 'old password 123');
    const second = sessionCookie(await authPost('/sign-in/email', { email: org.users.marketing.email, password: 'old password 123' }));
    const change = await authPost('/change-password', { currentPassword: 'old password 123', newPassword: 'new password 456' }, { cookie: second });
    expect(change.status).toBe(200);
    expect((await api.request('GET', '/v1/me', { headers: { cookie: first } })).status).toBe(401);
    const current = change.headers.getSetCookie().length > 0 ? sessionCookie(change) : second;
    expect((await api.request('GET', '/v1/me', { headers: { cookie: current } })).status).toBe(200);
    const audit = await api.services.database.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'auth.password_change' and entity_id = ${org.users.marketing.id}`);
    expect(audit[0]?.n).toBe(1);
  });

  it('lists and revokes sessions; sign-out ends the session', async () => {
    const cookie = await api.signIn(org.users.manager);
    const other = sessionCookie(await authPost('/sign-in/email', { email: org.users.manager.email, password: 'correct horse battery staple' }));
    const list = await api.app.request('/api/auth/list-sessions', { headers: { cookie } });
    const sessions = (await list.json()) as Array<{ token: string }>;
    expect(sessions).toHaveLength(2);
    const otherToken = decodeURIComponent(other.split('=')[1] ?? '').split('.')[0];
    const revoke = await authPost('/revoke-session', { token: otherToken }, { cookie });
    expect(revoke.status).toBe(200);
    expect((await api.request('GET', '/v1/me', { headers: { cookie: other } })).status).toBe(401);
    expect((await authPost('/sign-out', {}, { cookie })).status).toBe(200);
    expect((await api.request('GET', '/v1/me', { headers: { cookie } })).status).toBe(401);
  });

  it('a password reset answers the same for unknown and known addresses, and queues the mail', async () => {
    const known = await authPost('/request-password-reset', { email: org.users.ae.email, redirectTo: '/reset-password' });
    const unknown = await authPost('/request-password-reset', { email: 'ghost@nowhere.test', redirectTo: '/reset-password' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(await known.json()).toEqual(await unknown.json());
    const mail = await api.services.database.db.execute<{ to_address: string; text_body: string }>(sql`select to_address, text_body from mail_outbox where kind = 'password_reset'`);
    expect(mail.map((m) => m.to_address)).toEqual([org.users.ae.email]);
    const link = /(http\S+)/.exec(mail[0]?.text_body ?? '')?.[1] ?? '';
    const token = new URL(link).pathname.split('/').at(-1) ?? '';
    const reset = await authPost('/reset-password', { token, newPassword: 'a brand new password' });
    expect(reset.status).toBe(200);
    const signIn = await authPost('/sign-in/email', { email: org.users.ae.email, password: 'a brand new password' });
    expect(signIn.status).toBe(200);
    const reuse = await authPost('/reset-password', { token, newPassword: 'yet another password' });
    expect(reuse.status).toBe(400);
  });
});

describe('the demo team', () => {
  it("signs in to the console with each demo user's generated password", async () => {
    const created = await demo(api.services.database.db);
    for (const entry of created.users) {
      const res = await authPost('/sign-in/email', { email: entry.user.email, password: entry.password });
      expect(res.status).toBe(200);
      const me = await api.request('GET', '/v1/me', { headers: { cookie: sessionCookie(res) } });
      expect(await me.json()).toMatchObject({ user: { id: entry.user.id, role: entry.user.role } });
    }
  });
});

describe('sign-in rate limit', () => {
  it('refuses the 11th sign-in attempt from one address in a minute', async () => {
    const limited = await createTestApi({}, { signInPerMinute: 10 });
    try {
      const org = await limited.seedOrg();
      await limited.signIn(org.users.sdr, 'password one two');
      const statuses: number[] = [];
      for (let i = 0; i < 11; i += 1) {
        const res = await limited.app.request('/api/auth/sign-in/email', {
          method: 'POST',
          headers: { ...json, origin: TEST_ORIGIN },
          body: JSON.stringify({ email: org.users.sdr.email, password: 'wrong guess' }),
        });
        statuses.push(res.status);
      }
      // signIn() used one attempt of the ten.
      expect(statuses.filter((s) => s === 429)).toHaveLength(2);
      expect(statuses.slice(0, 9).every((s) => s === 401)).toBe(true);
    } finally {
      await limited.close();
    }
  });
});

describe('invitation links are rate limited per address', () => {
  it('answers 429 with Retry-After once an address has tried too many tokens', async () => {
    const limited = await createTestApi({}, { publicPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        const res = await limited.request('POST', '/v1/invitations/accept', { body: { token: `guessed-token-number-${i}-xxxx`, name: 'Guesser', password: 'long enough password' } });
        statuses.push(res.status);
        if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([404, 404, 404, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('consoleOrigins', () => {
  it('accepts the loopback alias of a local console, and only the origin otherwise', () => {
    expect(consoleOrigins('http://127.0.0.1:8787')).toEqual(['http://127.0.0.1:8787', 'http://localhost:8787']);
    expect(consoleOrigins('https://baton.example.com')).toEqual(['https://baton.example.com']);
  });
});
