import type { Role } from '@baton/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeal, handOff, insertContact } from '../testing/deal-fixtures.ts';
import { createTestApi, sessionCookie, TEST_ORIGIN, type TestApi, type TestOrg } from '../testing/index.ts';

let api: TestApi;
let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  api = await createTestApi();
  org = await api.seedOrg('Team Co');
  other = await api.seedOrg('Other Co');
});
afterAll(() => api.close());

const auditCount = async (action: string, entityId?: string) => {
  const rows = await api.services.database.db.execute<{ n: number }>(
    entityId
      ? sql`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${entityId}`
      : sql`select count(*)::int as n from audit_log where action = ${action}`,
  );
  return rows[0]?.n ?? 0;
};

describe('role checks', () => {
  const nonManagers: Role[] = ['sdr', 'ae', 'csm', 'marketing'];

  it.each(nonManagers)('a %s cannot see the team, invite, change roles or templates, or list team handoffs (403)', async (role) => {
    const token = org.users[role].token;
    expect((await api.request('GET', '/v1/team/members', { token })).status).toBe(403);
    expect((await api.request('POST', '/v1/team/invitations', { token, body: { email: 'x@team.test', role: 'sdr' } })).status).toBe(403);
    expect((await api.request('PATCH', `/v1/team/members/${org.users.ae.id}`, { token, body: { role: 'manager' } })).status).toBe(403);
    expect((await api.request('POST', `/v1/team/members/${org.users.ae.id}/deactivate`, { token })).status).toBe(403);
    expect((await api.request('PUT', '/v1/handoff-templates/sdr_to_ae', { token, body: { required: ['trigger'] } })).status).toBe(403);
    expect((await api.request('GET', '/v1/team/handoffs', { token })).status).toBe(403);
    expect((await api.request('GET', '/v1/team/invitations', { token })).status).toBe(403);
  });

  it('an SDR signed in to the console is refused the same way', async () => {
    const cookie = await api.signIn(org.users.sdr);
    const res = await api.request('POST', '/v1/team/invitations', { headers: { cookie, origin: TEST_ORIGIN }, body: { email: 'y@team.test', role: 'ae' } });
    expect(res.status).toBe(403);
  });

  it('a manager changes roles but cannot grant admin; the last admin keeps the role', async () => {
    const manager = org.users.manager.token;
    const res = await api.request('PATCH', `/v1/team/members/${org.users.csm.id}`, { token: manager, body: { role: 'ae' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: org.users.csm.id, role: 'ae' });
    expect(await auditCount('user.role_change', org.users.csm.id)).toBe(1);
    expect((await api.request('PATCH', `/v1/team/members/${org.users.csm.id}`, { token: manager, body: { role: 'admin' } })).status).toBe(403);
    const self = await api.request('PATCH', `/v1/team/members/${org.users.admin.id}`, { token: org.users.admin.token, body: { role: 'ae' } });
    expect(self.status).toBe(409);
    await api.request('PATCH', `/v1/team/members/${org.users.csm.id}`, { token: manager, body: { role: 'csm' } });
  });

  it("another organisation's ids are 404", async () => {
    const token = org.users.admin.token;
    expect((await api.request('PATCH', `/v1/team/members/${other.users.ae.id}`, { token, body: { role: 'sdr' } })).status).toBe(404);
    expect((await api.request('POST', `/v1/team/members/${other.users.ae.id}/deactivate`, { token })).status).toBe(404);
    expect((await api.request('GET', `/v1/team/members/${other.users.ae.id}/open-deals`, { token })).status).toBe(404);
    const invited = await api.request('POST', '/v1/team/invitations', { token: other.users.admin.token, body: { email: 'theirs@other.test', role: 'ae' } });
    const { invitation } = (await invited.json()) as { invitation: { id: string } };
    expect((await api.request('DELETE', `/v1/team/invitations/${invitation.id}`, { token })).status).toBe(404);
    expect((await api.request('POST', `/v1/team/invitations/${invitation.id}/resend`, { token })).status).toBe(404);
    const theirToken = await api.request('POST', '/v1/tokens', { token: other.users.ae.token, body: { name: 'theirs' } });
    const { token: created } = (await theirToken.json()) as { token: { id: string } };
    expect((await api.request('DELETE', `/v1/tokens/${created.id}`, { token })).status).toBe(404);
    const contact = await insertContact(api, other.id);
    const deal = await createDeal(api, other.users.sdr, contact);
    const handoff = await handOff(api, other.users.sdr, deal, other.users.ae);
    expect((await api.request('GET', `/v1/team/handoffs/${handoff.id}`, { token })).status).toBe(404);
    const list = (await (await api.request('GET', '/v1/team/handoffs', { token })).json()) as { handoffs: Array<{ id: string }> };
    expect(list.handoffs.map((h) => h.id)).not.toContain(handoff.id);
  });
});

describe('invitations', () => {
  it('without SMTP hands back the link and says why; the link works once', async () => {
    const res = await api.request('POST', '/v1/team/invitations', { token: org.users.manager.token, body: { email: 'New.Rep@Team.test', role: 'ae' } });
    expect(res.status).toBe(201);
    const sent = (await res.json()) as { invitation: { id: string; email: string; expiresAt: string; createdAt: string }; mailConfigured: boolean; link: string; reason: string };
    expect(sent.mailConfigured).toBe(false);
    expect(sent.reason).toMatch(/BATON_SMTP_URL/);
    expect(sent.invitation.email).toBe('new.rep@team.test');
    expect(new Date(sent.invitation.expiresAt).getTime() - new Date(sent.invitation.createdAt).getTime()).toBe(7 * 86_400_000);
    expect(await auditCount('invitation.create', sent.invitation.id)).toBe(1);
    const token = sent.link.split('/invite/')[1] ?? '';
    expect(sent.link.startsWith(`${TEST_ORIGIN}/invite/`)).toBe(true);

    const pending = (await (await api.request('GET', '/v1/team/invitations', { token: org.users.admin.token })).json()) as { invitations: Array<{ id: string }> };
    expect(pending.invitations.map((i) => i.id)).toContain(sent.invitation.id);

    const preview = await api.request('GET', `/v1/invitations/${token}`);
    expect(await preview.json()).toMatchObject({ teamName: 'Team Co', email: 'new.rep@team.test', role: 'ae' });

    const join = await api.request('POST', '/v1/invitations/accept', { body: { token, name: 'New Rep', password: 'joining password' } });
    expect(join.status).toBe(201);
    const me = (await join.json()) as { user: { id: string; role: string } };
    expect(me.user.role).toBe('ae');
    const cookie = sessionCookie(join);
    expect((await api.request('GET', '/v1/me', { headers: { cookie } })).status).toBe(200);

    const twice = await api.request('POST', '/v1/invitations/accept', { body: { token, name: 'Again', password: 'joining password' } });
    expect(twice.status).toBe(404);
    expect((await api.request('GET', `/v1/invitations/${token}`)).status).toBe(404);
    const members = (await (await api.request('GET', '/v1/team/members', { token: org.users.admin.token })).json()) as { members: Array<{ email: string }> };
    expect(members.members.filter((m) => m.email === 'new.rep@team.test')).toHaveLength(1);
  });

  it('expires after 7 days', async () => {
    const res = await api.request('POST', '/v1/team/invitations', { token: org.users.admin.token, body: { email: 'late@team.test', role: 'sdr' } });
    const sent = (await res.json()) as { invitation: { id: string }; link: string };
    const token = sent.link.split('/invite/')[1] ?? '';
    await api.services.database.db.execute(sql`update invitations set expires_at = now() - interval '1 second' where id = ${sent.invitation.id}`);
    expect((await api.request('GET', `/v1/invitations/${token}`)).status).toBe(404);
    expect((await api.request('POST', '/v1/invitations/accept', { body: { token, name: 'Late', password: 'joining password' } })).status).toBe(404);
    const pending = (await (await api.request('GET', '/v1/team/invitations', { token: org.users.admin.token })).json()) as { invitations: Array<{ id: string }> };
    expect(pending.invitations.map((i) => i.id)).not.toContain(sent.invitation.id);
  });

  it('a resend replaces the link; a revoked invitation stops working', async () => {
    const res = await api.request('POST', '/v1/team/invitations', { token: org.users.admin.token, body: { email: 'again@team.test', role: 'csm' } });
    const sent = (await res.json()) as { invitation: { id: string }; link: string };
    const resent = (await (await api.request('POST', `/v1/team/invitations/${sent.invitation.id}/resend`, { token: org.users.admin.token })).json()) as { link: string };
    expect((await api.request('GET', `/v1/invitations/${sent.link.split('/invite/')[1]}`)).status).toBe(404);
    const fresh = resent.link.split('/invite/')[1] ?? '';
    expect((await api.request('GET', `/v1/invitations/${fresh}`)).status).toBe(200);
    expect((await api.request('DELETE', `/v1/team/invitations/${sent.invitation.id}`, { token: org.users.admin.token })).status).toBe(200);
    expect((await api.request('GET', `/v1/invitations/${fresh}`)).status).toBe(404);
    expect(await auditCount('invitation.revoke', sent.invitation.id)).toBe(1);
  });

  it('refuses someone already in the team', async () => {
    const res = await api.request('POST', '/v1/team/invitations', { token: org.users.admin.token, body: { email: org.users.ae.email, role: 'ae' } });
    expect(res.status).toBe(409);
  });
});

describe('deactivation', () => {
  it("stops the member's token, session and devices at once and lists their open deals", async () => {
    const victim = await api.seedOrg('Deactivation Co');
    const sdr = victim.users.sdr;
    const cookie = await api.signIn(sdr);
    await api.services.database.db.execute(sql`insert into api_tokens (org_id, id, user_id, token_hash, label, kind, browser) values (${victim.id}, gen_random_uuid(), ${sdr.id}, 'device-hash', 'Chrome on Mac', 'device', 'Chrome')`);
    const contact = await insertContact(api, victim.id, { name: 'Pat Prospect' });
    const deal = await createDeal(api, sdr, contact, 'Open pilot');
    const res = await api.request('POST', `/v1/team/members/${sdr.id}/deactivate`, { token: victim.users.manager.token });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { member: { deactivatedAt: string | null }; openDeals: Array<{ id: string; contactName: string }> };
    expect(body.member.deactivatedAt).not.toBeNull();
    expect(body.openDeals).toEqual([expect.objectContaining({ id: deal.id, title: 'Open pilot', contactName: 'Pat Prospect' })]);
    const byToken = await api.request('GET', '/v1/me', { token: sdr.token });
    expect(byToken.status).toBe(401);
    expect(await byToken.json()).toEqual({ error: { code: 'unauthorized', message: 'Your Baton account has been deactivated: ask an admin of your team' } });
    expect((await api.request('GET', '/v1/me', { headers: { cookie } })).status).toBe(401);
    const devices = await api.services.database.db.execute<{ n: number }>(sql`select count(*)::int as n from api_tokens where user_id = ${sdr.id} and revoked_at is null`);
    expect(devices[0]?.n).toBe(0);
    const signIn = await api.app.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
      body: JSON.stringify({ email: sdr.email, password: 'correct horse battery staple' }),
    });
    expect(signIn.status).toBe(403);
    expect(await auditCount('user.deactivate', sdr.id)).toBe(1);
    const again = await api.request('POST', `/v1/team/members/${sdr.id}/deactivate`, { token: victim.users.manager.token });
    expect(again.status).toBe(200);
    expect(await auditCount('user.deactivate', sdr.id)).toBe(1);
  });
});

describe('API tokens and devices', () => {
  it('creates a named token shown once, lists it without the secret, revokes it (401 after)', async () => {
    const res = await api.request('POST', '/v1/tokens', { token: org.users.ae.token, body: { name: 'Zapier' } });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { token: { id: string; name: string; kind: string }; secret: string };
    expect(created.token).toMatchObject({ name: 'Zapier', kind: 'api' });
    expect((await api.request('GET', '/v1/me', { token: created.secret })).status).toBe(200);
    const list = await (await api.request('GET', '/v1/tokens', { token: org.users.ae.token })).text();
    expect(list).toContain('Zapier');
    expect(list).not.toContain(created.secret);
    expect(await auditCount('token.create', created.token.id)).toBe(1);
    expect((await api.request('DELETE', `/v1/tokens/${created.token.id}`, { token: org.users.ae.token })).status).toBe(200);
    expect((await api.request('GET', '/v1/me', { token: created.secret })).status).toBe(401);
    expect(await auditCount('token.revoke', created.token.id)).toBe(1);
    // Someone else's token of the same team is not yours to revoke.
    const sdrs = (await (await api.request('POST', '/v1/tokens', { token: org.users.sdr.token, body: { name: 'mine' } })).json()) as { token: { id: string } };
    expect((await api.request('DELETE', `/v1/tokens/${sdrs.token.id}`, { token: org.users.csm.token })).status).toBe(404);
  });

  it('lists and revokes extension devices', async () => {
    const ae = org.users.ae;
    await api.services.database.db.execute(sql`insert into api_tokens (org_id, id, user_id, token_hash, label, kind, browser) values (${org.id}, gen_random_uuid(), ${ae.id}, 'ae-device-hash', 'Work laptop', 'device', 'Chrome 140')`);
    const devices = (await (await api.request('GET', '/v1/devices', { token: ae.token })).json()) as { devices: Array<{ id: string; name: string; browser: string; kind: string }> };
    expect(devices.devices).toEqual([expect.objectContaining({ name: 'Work laptop', browser: 'Chrome 140', kind: 'device' })]);
    const tokens = (await (await api.request('GET', '/v1/tokens', { token: ae.token })).json()) as { tokens: Array<{ name: string }> };
    expect(tokens.tokens.map((t) => t.name)).not.toContain('Work laptop');
    const id = devices.devices[0]?.id ?? '';
    expect((await api.request('DELETE', `/v1/devices/${id}`, { token: org.users.sdr.token })).status).toBe(404);
    expect((await api.request('DELETE', `/v1/devices/${id}`, { token: ae.token })).status).toBe(200);
    expect(await (await api.request('GET', '/v1/devices', { token: ae.token })).json()).toEqual({ devices: [] });
    expect(await auditCount('device.revoke', id)).toBe(1);
  });
});

describe('team handoffs', () => {
  it('lists every handoff newest first with filters and waited time, and shows the detail with brief and audit', async () => {
    const team = await api.seedOrg('Handoff Co');
    const contact = await insertContact(api, team.id, { name: 'Robin Buyer' });
    const first = await handOff(api, team.users.sdr, await createDeal(api, team.users.sdr, contact, 'First'), team.users.ae);
    const second = await handOff(api, team.users.marketing, await createDeal(api, team.users.marketing, contact, 'Second'), team.users.sdr, { kind: 'marketing_to_sdr' });
    const token = team.users.manager.token;
    const all = (await (await api.request('GET', '/v1/team/handoffs', { token })).json()) as { handoffs: Array<{ id: string; waitedMs: number; from: { name: string }; dealTitle: string; contactName: string }> };
    expect(all.handoffs.map((h) => h.id)).toEqual([second.id, first.id]);
    expect(all.handoffs[1]).toMatchObject({ dealTitle: 'First', contactName: 'Robin Buyer', from: { name: team.users.sdr.name } });
    expect(all.handoffs[1]?.waitedMs).toBeGreaterThanOrEqual(0);
    const bySender = (await (await api.request('GET', `/v1/team/handoffs?from=${team.users.sdr.id}`, { token })).json()) as { handoffs: Array<{ id: string }> };
    expect(bySender.handoffs.map((h) => h.id)).toEqual([first.id]);
    const byKind = (await (await api.request('GET', '/v1/team/handoffs?kind=marketing_to_sdr&status=pending', { token })).json()) as { handoffs: Array<{ id: string }> };
    expect(byKind.handoffs.map((h) => h.id)).toEqual([second.id]);
    const page = (await (await api.request('GET', '/v1/team/handoffs?limit=1', { token })).json()) as { handoffs: Array<{ id: string }>; nextBefore: string };
    expect(page.handoffs.map((h) => h.id)).toEqual([second.id]);
    const next = (await (await api.request('GET', `/v1/team/handoffs?limit=1&before=${page.nextBefore}`, { token })).json()) as { handoffs: Array<{ id: string }>; nextBefore: string | null };
    expect(next.handoffs.map((h) => h.id)).toEqual([first.id]);
    expect(next.nextBefore).toBeNull();

    const detail = await api.request('GET', `/v1/team/handoffs/${first.id}`, { token });
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as { handoff: { id: string }; brief: { contact: { id: string } }; audit: Array<{ action: string }> };
    expect(body.handoff.id).toBe(first.id);
    expect(body.brief.contact.id).toBe(contact);
    expect(body.audit.map((a) => a.action)).toContain('handoff.create');
  });
});
