import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens } from '../db/schema.ts';
import { createTestApi, type TestApi, type TestOrg } from '../testing/index.ts';

let api: TestApi;
let org: TestOrg;

beforeAll(async () => {
  api = await createTestApi();
  org = await api.seedOrg('Acme Sales');
});
afterAll(() => api.close());

describe('token last use', () => {
  it('records when a token was last used, writing at most once a minute per token', async () => {
    const tokenRow = async () => {
      const [row] = await api.services.database.db.select().from(apiTokens).where(and(eq(apiTokens.orgId, org.id), eq(apiTokens.userId, org.users.csm.id)));
      return row;
    };
    expect((await tokenRow())?.lastUsedAt).toBeNull();
    const before = Date.now();
    expect((await api.request('GET', '/v1/me', { token: org.users.csm.token })).status).toBe(200);
    const used = (await tokenRow())?.lastUsedAt;
    expect(used?.getTime()).toBeGreaterThanOrEqual(before - 1000);

    // Within the minute, further requests do not write again.
    const marker = new Date('2020-01-01T00:00:00Z');
    await api.services.database.db.update(apiTokens).set({ lastUsedAt: marker }).where(and(eq(apiTokens.orgId, org.id), eq(apiTokens.userId, org.users.csm.id)));
    expect((await api.request('GET', '/v1/me', { token: org.users.csm.token })).status).toBe(200);
    expect((await tokenRow())?.lastUsedAt).toEqual(marker);
  });
});

describe('health, me and users', () => {
  it('answers health without a token', async () => {
    const res = await api.request('GET', '/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('requires a token for everything else', async () => {
    const res = await api.request('GET', '/v1/me');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const bad = await api.request('GET', '/v1/me', { token: 'baton_nope' });
    expect(bad.status).toBe(401);
  });

  it('tells callers who they are', async () => {
    const res = await api.request('GET', '/v1/me', { token: org.users.sdr.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      user: { id: org.users.sdr.id, orgId: org.id, email: org.users.sdr.email, name: org.users.sdr.name, role: 'sdr' },
      org: { id: org.id, name: 'Acme Sales' },
    });
  });

  it('lists teammates, filtered by role, only from the caller organisation', async () => {
    const other = await api.seedOrg();
    const res = await api.request('GET', '/v1/users?role=ae', { token: org.users.sdr.token });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { users: { id: string }[] };
    expect(body.users.map((u) => u.id)).toEqual([org.users.ae.id]);
    expect(body.users.map((u) => u.id)).not.toContain(other.users.ae.id);
    const invalid = await api.request('GET', '/v1/users?role=boss', { token: org.users.sdr.token });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('answers unknown routes with the error shape', async () => {
    const res = await api.request('GET', '/v1/nowhere', { token: org.users.sdr.token });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
