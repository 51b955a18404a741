import { randomUUID } from 'node:crypto';
import type { Contact } from '@baton/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, deals, handoffs } from '../db/schema.ts';
import { createTestApi, type TestApi, type TestOrg } from '../testing/index.ts';

let api: TestApi;
let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  api = await createTestApi();
  org = await api.seedOrg();
  other = await api.seedOrg();
});
afterAll(() => api.close());

const unique = () => randomUUID().slice(0, 8);
const as = (token: string) => ({
  get: (path: string) => api.request('GET', path, { token }),
  post: (path: string, body: unknown) => api.request('POST', path, { token, body }),
  patch: (path: string, body: unknown) => api.request('PATCH', path, { token, body }),
});

async function resolve(token: string, body: unknown): Promise<{ status: number; contact: Contact; created: boolean }> {
  const res = await as(token).post('/v1/contacts/resolve', body);
  const json = (await res.json()) as { contact: Contact; created: boolean };
  return { status: res.status, ...json };
}

async function activity(token: string, contactId: string, occurredAt: string) {
  const id = randomUUID();
  const res = await as(token).post('/v1/activities/batch', { activities: [{ id, contactId, type: 'note', occurredAt, body: 'hello' }] });
  expect(await res.json()).toEqual({ results: [{ id, status: 'created' }] });
  return id;
}

describe('empty and no-op PATCH /v1/contacts/:id', () => {
  it('answers 400 to an empty body and writes nothing for a change that changes nothing', async () => {
    const c = await resolve(org.users.sdr.token, { emails: [`noop.${unique()}@x.example`], name: 'Noel', linkedinUrl: `linkedin.com/in/noel-${unique()}` });
    const url = `/v1/contacts/${c.contact.id}`;
    const audits = async () => (await api.services.database.db.select().from(auditLog).where(and(eq(auditLog.orgId, org.id), eq(auditLog.entityId, c.contact.id)))).length;
    const before = await audits();
    expect((await as(org.users.sdr.token).patch(url, {})).status).toBe(400);
    const noop = await as(org.users.sdr.token).patch(url, {
      name: 'Noel',
      title: '',
      emails: [c.contact.emails[0]?.toUpperCase()],
      linkedinUrl: c.contact.linkedinUrl,
      ownerId: org.users.sdr.id,
    });
    expect(noop.status).toBe(200);
    expect(((await noop.json()) as { contact: Contact }).contact).toEqual(c.contact);
    expect(await audits()).toBe(before);
    // A no-op is nobody's stewardship question: another rep's identical values answer 200 too.
    expect((await as(org.users.csm.token).patch(url, { ownerId: org.users.sdr.id })).status).toBe(200);
  });
});

describe('who may change who a contact is', () => {
  it('lets anyone describe a contact and log on it, but only its stewards change owner, emails or merge', async () => {
    const mine = await resolve(org.users.sdr.token, { emails: [`owned.${unique()}@x.example`], name: 'Owned' });
    const url = `/v1/contacts/${mine.contact.id}`;
    expect((await as(org.users.csm.token).patch(url, { title: 'VP Sales' })).status).toBe(200);
    await activity(org.users.csm.token, mine.contact.id, '2024-03-01T00:00:00Z');

    for (const body of [{ ownerId: org.users.csm.id }, { emails: [`hijack.${unique()}@x.example`] }, { linkedinUrl: `linkedin.com/in/hijack-${unique()}` }]) {
      const res = await as(org.users.csm.token).patch(url, body);
      expect(res.status, JSON.stringify(body)).toBe(403);
      const { error } = (await res.json()) as { error: { message: string } };
      expect(error.message).toContain(`Only the contact's owner (${org.users.sdr.name}), the owner of an open deal on it, or a manager or admin can change its`);
    }
    const other = await resolve(org.users.csm.token, { emails: [`csm.${unique()}@x.example`] });
    expect((await as(org.users.csm.token).post(url + '/merge', { duplicateId: other.contact.id })).status).toBe(403);
    expect((await as(org.users.csm.token).post(`/v1/contacts/${other.contact.id}/merge`, { duplicateId: mine.contact.id })).status).toBe(403);

    // Resolve does not attach the CSM's new address to the SDR's contact.
    const sneaky = `sneaky.${unique()}@x.example`;
    const resolved = await as(org.users.csm.token).post('/v1/contacts/resolve', { emails: [mine.contact.emails[0], sneaky] });
    expect(resolved.status).toBe(403);
    expect(((await resolved.json()) as { error: { message: string } }).error.message).toContain(`add ${sneaky} to this contact`);
    expect((await resolve(org.users.csm.token, { emails: [mine.contact.emails[0]] })).contact.emails).toEqual(mine.contact.emails);

    // The owner of an open deal on it is a steward; a manager always is.
    const deal = await as(org.users.ae.token).post('/v1/deals', { contactId: mine.contact.id, title: 'Owned pilot' });
    expect(deal.status).toBe(201);
    expect((await as(org.users.ae.token).patch(url, { emails: [...mine.contact.emails, `ae.${unique()}@x.example`] })).status).toBe(200);
    expect((await as(org.users.manager.token).patch(url, { ownerId: org.users.csm.id })).status).toBe(200);
    expect((await as(org.users.csm.token).patch(url, { linkedinUrl: `linkedin.com/in/now-mine-${unique()}` })).status).toBe(200);
  });
});

describe('POST /v1/contacts/resolve', () => {
  it('creates a contact once, then finds it by any identity and merges new ones', async () => {
    const email = `Jordan.${unique()}@Example.com`;
    const first = await resolve(org.users.sdr.token, { emails: [email], name: 'Jordan Lee' });
    expect(first.status).toBe(201);
    expect(first.created).toBe(true);
    expect(first.contact).toMatchObject({ emails: [email.toLowerCase()], name: 'Jordan Lee', ownerId: org.users.sdr.id, linkedinUrl: null });

    const slug = `jordan-${unique()}`;
    const again = await resolve(org.users.sdr.token, { emails: [email.toUpperCase()], linkedinUrl: `https://linkedin.com/in/${slug}/?trk=x`, title: 'CTO' });
    expect(again.status).toBe(200);
    expect(again.created).toBe(false);
    expect(again.contact).toMatchObject({ id: first.contact.id, title: 'CTO', linkedinUrl: `https://www.linkedin.com/in/${slug}`, ownerId: org.users.sdr.id });

    const byLinkedin = await resolve(org.users.sdr.token, { linkedinUrl: `linkedin.com/in/${slug}`, emails: [`other.${email}`] });
    expect(byLinkedin.contact.id).toBe(first.contact.id);
    expect(byLinkedin.contact.emails).toEqual([email.toLowerCase(), `other.${email}`.toLowerCase()]);
  });

  it('lets a LinkedIn capture refresh job fields but only fills an empty name, and audits the change', async () => {
    const slug = `mover-${unique()}`;
    const first = await resolve(org.users.sdr.token, { linkedinUrl: `linkedin.com/in/${slug}`, name: 'Sam Mover', company: 'Old Co', photoUrl: 'https://img.example/1.jpg' });
    const capturedAt = first.contact.photoCapturedAt;
    expect(capturedAt).not.toBeNull();
    const moved = await resolve(org.users.sdr.token, { linkedinUrl: `linkedin.com/in/${slug}`, name: 'Samuel M.', company: 'New Co', photoUrl: 'https://img.example/2.jpg' });
    expect(moved.contact).toMatchObject({ name: 'Sam Mover', company: 'New Co', photoUrl: 'https://img.example/2.jpg' });
    expect(Date.parse(moved.contact.photoCapturedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(capturedAt ?? ''));

    const email = `${unique()}@mail.example`;
    await resolve(org.users.sdr.token, { emails: [email], linkedinUrl: `linkedin.com/in/${slug}` });
    const byEmail = await resolve(org.users.sdr.token, { emails: [email], company: 'Gmail Signature Inc' });
    expect(byEmail.contact.company).toBe('New Co');

    const audit = await api.services.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.entityId, first.contact.id), eq(auditLog.action, 'contact.resolve')));
    expect(audit[0]).toMatchObject({ before: { company: 'Old Co' }, after: { company: 'New Co' } });
  });

  it('answers 409 naming both contacts when the identities belong to two of them', async () => {
    const a = await resolve(org.users.sdr.token, { emails: [`a.${unique()}@x.example`] });
    const b = await resolve(org.users.sdr.token, { emails: [`b.${unique()}@x.example`] });
    const res = await as(org.users.sdr.token).post('/v1/contacts/resolve', { emails: [a.contact.emails[0], b.contact.emails[0]] });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { code: string; details: { contactIds: string[] } } };
    expect(body.error.code).toBe('conflict');
    expect(body.error.details.contactIds.sort()).toEqual([a.contact.id, b.contact.id].sort());
  });

  it('turns a client id into an alias of the existing contact, idempotently', async () => {
    const email = `alias.${unique()}@x.example`;
    const existing = await resolve(org.users.sdr.token, { emails: [email] });
    const clientId = randomUUID();
    const first = await resolve(org.users.ae.token, { id: clientId, emails: [email] });
    const replay = await resolve(org.users.ae.token, { id: clientId, emails: [email] });
    expect([first.status, replay.status]).toEqual([200, 200]);
    expect(first.contact.id).toBe(existing.contact.id);
    expect(replay.contact.id).toBe(existing.contact.id);
    const viaAlias = await as(org.users.ae.token).get(`/v1/contacts/${clientId}`);
    expect(((await viaAlias.json()) as { contact: Contact }).contact.id).toBe(existing.contact.id);
    // An activity queued offline under the client id lands on the surviving contact.
    const activityId = await activity(org.users.ae.token, clientId, '2024-05-01T10:00:00Z');
    const timeline = (await (await as(org.users.ae.token).get(`/v1/contacts/${existing.contact.id}/timeline`)).json()) as { activities: { id: string; contactId: string }[] };
    expect(timeline.activities).toEqual([expect.objectContaining({ id: activityId, contactId: existing.contact.id })]);
  });

  it('creates a new contact under the client id and answers a replay with it', async () => {
    const id = randomUUID();
    const email = `new.${unique()}@x.example`;
    const first = await resolve(org.users.sdr.token, { id, emails: [email] });
    const replay = await resolve(org.users.sdr.token, { id, emails: [email] });
    expect([first.status, replay.status]).toEqual([201, 200]);
    expect(first.contact.id).toBe(id);
    expect(replay.contact.id).toBe(id);
  });

  it('yields one contact when two resolves of one new email race', async () => {
    const email = `race.${unique()}@x.example`;
    const results = await Promise.all([
      resolve(org.users.sdr.token, { id: randomUUID(), emails: [email] }),
      resolve(org.users.ae.token, { id: randomUUID(), emails: [email] }),
      resolve(org.users.csm.token, { emails: [email] }),
    ]);
    expect(new Set(results.map((r) => r.contact.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const search = (await (await as(org.users.sdr.token).get(`/v1/contacts?email=${encodeURIComponent(email)}`)).json()) as { contacts: Contact[] };
    expect(search.contacts).toHaveLength(1);
  });

  it('rejects bodies without an identity, bad emails and non-profile LinkedIn URLs with 400, and no token with 401', async () => {
    const post = as(org.users.sdr.token).post;
    expect((await post('/v1/contacts/resolve', { name: 'Nobody' })).status).toBe(400);
    expect((await post('/v1/contacts/resolve', { emails: ['not-an-email'] })).status).toBe(400);
    expect((await post('/v1/contacts/resolve', { emails: [`nul.${unique()}@x.example`], name: 'a\u0000b' })).status).toBe(400);
    const notProfile = await post('/v1/contacts/resolve', { linkedinUrl: 'https://www.linkedin.com/company/acme' });
    expect(notProfile.status).toBe(400);
    expect(await notProfile.json()).toMatchObject({ error: { code: 'bad_request' } });
    expect((await api.request('POST', '/v1/contacts/resolve', { body: { emails: ['a@b.example'] } })).status).toBe(401);
  });

  it('keeps organisations apart: the same email is two contacts in two organisations', async () => {
    const email = `shared.${unique()}@x.example`;
    const mine = await resolve(org.users.sdr.token, { emails: [email] });
    const theirs = await resolve(other.users.sdr.token, { emails: [email] });
    expect(theirs.created).toBe(true);
    expect(theirs.contact.id).not.toBe(mine.contact.id);
  });
});

describe('GET, PATCH and search', () => {
  it('reads a contact; unknown and other-organisation ids are 404, malformed ids 400', async () => {
    const mine = await resolve(org.users.sdr.token, { emails: [`read.${unique()}@x.example`], name: 'Reader' });
    const ok = await as(org.users.ae.token).get(`/v1/contacts/${mine.contact.id}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ contact: mine.contact });
    expect((await as(org.users.ae.token).get(`/v1/contacts/${randomUUID()}`)).status).toBe(404);
    expect((await as(other.users.admin.token).get(`/v1/contacts/${mine.contact.id}`)).status).toBe(404);
    expect((await as(org.users.ae.token).get('/v1/contacts/nope')).status).toBe(400);
  });

  it('edits fields, emails, LinkedIn and owner, and audits before/after', async () => {
    const c = await resolve(org.users.sdr.token, { emails: [`edit.${unique()}@x.example`], name: 'Ed' });
    const url = `/v1/contacts/${c.contact.id}`;
    const newEmail = `edited.${unique()}@x.example`;
    const res = await as(org.users.sdr.token).patch(url, { name: 'Edwina', emails: [newEmail], linkedinUrl: `linkedin.com/in/ed-${unique()}`, ownerId: org.users.ae.id, photoUrl: 'https://img.example/e.jpg' });
    expect(res.status).toBe(200);
    const { contact } = (await res.json()) as { contact: Contact };
    expect(contact).toMatchObject({ name: 'Edwina', emails: [newEmail], ownerId: org.users.ae.id });
    expect(contact.photoCapturedAt).not.toBeNull();
    // The new owner may change its identities; the previous one no longer can.
    expect((await as(org.users.sdr.token).patch(url, { linkedinUrl: null })).status).toBe(403);
    const unlinked = (await (await as(org.users.ae.token).patch(url, { linkedinUrl: null, title: '' })).json()) as { contact: Contact };
    expect(unlinked.contact).toMatchObject({ linkedinUrl: null, title: null });
    const audit = await api.services.database.db.select().from(auditLog).where(and(eq(auditLog.orgId, org.id), eq(auditLog.entityId, c.contact.id), eq(auditLog.action, 'contact.update')));
    expect(audit).toHaveLength(2);
    expect(audit.find((entry) => (entry.after as Contact).name === 'Edwina')?.before).toMatchObject({ name: 'Ed' });
  });

  it('refuses to take another contact’s identity (409) or an owner outside the organisation (400)', async () => {
    const a = await resolve(org.users.sdr.token, { emails: [`own.${unique()}@x.example`] });
    const b = await resolve(org.users.sdr.token, { emails: [`thief.${unique()}@x.example`], linkedinUrl: `linkedin.com/in/thief-${unique()}` });
    const stealEmail = await as(org.users.sdr.token).patch(`/v1/contacts/${b.contact.id}`, { emails: [a.contact.emails[0]] });
    expect(stealEmail.status).toBe(409);
    expect(await stealEmail.json()).toMatchObject({ error: { code: 'conflict', details: { contactId: a.contact.id } } });
    const stealProfile = await as(org.users.sdr.token).patch(`/v1/contacts/${a.contact.id}`, { linkedinUrl: b.contact.linkedinUrl });
    expect(stealProfile.status).toBe(409);
    const foreignOwner = await as(org.users.sdr.token).patch(`/v1/contacts/${a.contact.id}`, { ownerId: other.users.ae.id });
    expect(foreignOwner.status).toBe(400);
    expect((await as(org.users.sdr.token).patch(`/v1/contacts/${a.contact.id}`, { bogus: 1 })).status).toBe(400);
    expect((await as(other.users.sdr.token).patch(`/v1/contacts/${a.contact.id}`, { name: 'x' })).status).toBe(404);
  });

  it('searches by email, LinkedIn and text within the organisation only, without tombstones', async () => {
    const tag = unique();
    const mine = await resolve(org.users.sdr.token, { emails: [`pat.${tag}@searchco.example`], name: `Pat ${tag}`, company: 'Searchco', linkedinUrl: `linkedin.com/in/pat-${tag}` });
    await resolve(other.users.sdr.token, { emails: [`pat.${tag}@searchco.example`], name: `Pat ${tag}` });
    const get = async (query: string) => ((await (await as(org.users.sdr.token).get(`/v1/contacts?${query}`)).json()) as { contacts: Contact[] }).contacts.map((c) => c.id);
    expect(await get(`email=PAT.${tag}%40searchco.example`)).toEqual([mine.contact.id]);
    expect(await get(`linkedin=${encodeURIComponent(`https://www.linkedin.com/in/PAT-${tag}/`)}`)).toEqual([mine.contact.id]);
    expect(await get(`q=pat%20${tag.toUpperCase()}`)).toEqual([mine.contact.id]);
    expect(await get(`q=${tag}%40SEARCHCO`)).toEqual([mine.contact.id]);
    expect(await get('q=%25')).toEqual([]);
    expect((await as(org.users.sdr.token).get('/v1/contacts?q=a%00b')).status).toBe(400);
    expect((await as(org.users.sdr.token).get('/v1/contacts?email=a%00b%40x.example')).status).toBe(400);
    const none = await as(org.users.sdr.token).get('/v1/contacts');
    expect(none.status).toBe(400);
    expect((await as(org.users.sdr.token).get(`/v1/contacts?q=a&email=a%40b.example`)).status).toBe(400);
  });
});

describe('merge and duplicates', () => {
  it('offers likely duplicates without merging them, skipping conflicting profiles', async () => {
    const tag = unique();
    const a = await resolve(org.users.sdr.token, { emails: [`dup1.${tag}@x.example`], name: `Casey ${tag}`, company: 'Dupco', linkedinUrl: `linkedin.com/in/casey-a-${tag}` });
    const b = await resolve(org.users.sdr.token, { emails: [`dup2.${tag}@x.example`], name: `casey ${tag}`, company: 'DUPCO' });
    await resolve(org.users.sdr.token, { emails: [`dup3.${tag}@x.example`], name: `Casey ${tag}`, company: 'Dupco', linkedinUrl: `linkedin.com/in/casey-b-${tag}` });
    await resolve(org.users.sdr.token, { emails: [`dup4.${tag}@x.example`], name: `Casey ${tag}`, company: 'Elsewhere' });
    await resolve(other.users.sdr.token, { emails: [`dup5.${tag}@x.example`], name: `Casey ${tag}`, company: 'Dupco' });
    const res = await as(org.users.sdr.token).get(`/v1/contacts/${a.contact.id}/duplicates`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { contacts: Contact[] }).contacts.map((c) => c.id)).toEqual([b.contact.id]);
    expect((await as(other.users.sdr.token).get(`/v1/contacts/${a.contact.id}/duplicates`)).status).toBe(404);

    const groups = async (token: string) =>
      ((await (await as(token).get('/v1/contacts/duplicates')).json()) as { duplicates: { contacts: Contact[] }[] }).duplicates
        .map((group) => group.contacts.map((c) => c.id))
        .filter((ids) => ids.includes(a.contact.id) || ids.includes(b.contact.id));
    // Casey A and Casey B carry different profiles, so their group is not offered at all.
    expect(await groups(org.users.sdr.token)).toEqual([]);
    const tag2 = unique();
    const c = await resolve(org.users.sdr.token, { emails: [`dup6.${tag2}@x.example`], name: `Drew ${tag2}`, company: 'Twinco' });
    const d = await resolve(org.users.sdr.token, { emails: [`dup7.${tag2}@x.example`], name: `DREW ${tag2}`, company: 'twinco', linkedinUrl: `linkedin.com/in/drew-${tag2}` });
    const all = ((await (await as(org.users.sdr.token).get('/v1/contacts/duplicates')).json()) as { duplicates: { contacts: Contact[] }[] }).duplicates;
    expect(all.map((group) => group.contacts.map((x) => x.id))).toContainEqual([c.contact.id, d.contact.id]);
    const theirs = ((await (await as(other.users.sdr.token).get('/v1/contacts/duplicates')).json()) as { duplicates: { contacts: Contact[] }[] }).duplicates;
    expect(theirs.flatMap((group) => group.contacts.map((x) => x.id))).not.toContain(c.contact.id);
  });

  it('moves activities, deals, handoffs and identities to the survivor, tombstones the duplicate and audits it', async () => {
    const tag = unique();
    const survivor = await resolve(org.users.sdr.token, { emails: [`surv.${tag}@x.example`], name: `Robin ${tag}` });
    const duplicate = await resolve(org.users.ae.token, { emails: [`dupe.${tag}@x.example`], company: 'Mergeco', linkedinUrl: `linkedin.com/in/robin-${tag}` });
    await activity(org.users.sdr.token, survivor.contact.id, '2024-01-01T00:00:00Z');
    await activity(org.users.ae.token, duplicate.contact.id, '2024-02-01T00:00:00Z');
    const db = api.services.database.db;
    const dealId = randomUUID();
    await db.insert(deals).values({ orgId: org.id, id: dealId, contactId: duplicate.contact.id, title: 'Pilot', ownerId: org.users.ae.id });
    const handoffId = randomUUID();
    await db.insert(handoffs).values({
      orgId: org.id, id: handoffId, dealId, contactId: duplicate.contact.id, kind: 'sdr_to_ae', fromUserId: org.users.sdr.id, toUserId: org.users.ae.id,
      status: 'accepted', trigger: 't', discussed: 'd', objections: 'None raised', qualification: { budget: null, authority: null, need: null, timeline: null },
      nextStepWhat: 'call', nextStepDueAt: new Date('2030-01-01T00:00:00Z'), nextStepOwnerId: org.users.ae.id, warmIntro: 'none',
    });

    expect((await as(other.users.sdr.token).post(`/v1/contacts/${survivor.contact.id}/merge`, { duplicateId: duplicate.contact.id })).status).toBe(404);
    expect((await as(org.users.sdr.token).post(`/v1/contacts/${survivor.contact.id}/merge`, { duplicateId: randomUUID() })).status).toBe(404);
    expect((await as(org.users.sdr.token).post(`/v1/contacts/${survivor.contact.id}/merge`, { duplicateId: survivor.contact.id })).status).toBe(400);
    expect((await as(org.users.sdr.token).post(`/v1/contacts/${survivor.contact.id}/merge`, {})).status).toBe(400);

    // The duplicate is the AE's: its owner cannot be merged away by the SDR, a manager can.
    const refused = await as(org.users.sdr.token).post(`/v1/contacts/${survivor.contact.id}/merge`, { duplicateId: duplicate.contact.id });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'forbidden', message: expect.stringContaining(`owner (${org.users.ae.name})`) } });
    const res = await as(org.users.manager.token).post(`/v1/contacts/${survivor.contact.id}/merge`, { duplicateId: duplicate.contact.id });
    expect(res.status).toBe(200);
    const { contact } = (await res.json()) as { contact: Contact };
    expect(contact).toMatchObject({ id: survivor.contact.id, name: `Robin ${tag}`, company: 'Mergeco', linkedinUrl: `https://www.linkedin.com/in/robin-${tag}`, ownerId: org.users.sdr.id });
    expect(contact.emails.sort()).toEqual([`dupe.${tag}@x.example`, `surv.${tag}@x.example`]);

    const timeline = (await (await as(org.users.sdr.token).get(`/v1/contacts/${survivor.contact.id}/timeline`)).json()) as { activities: { contactId: string }[] };
    expect(timeline.activities).toHaveLength(2);
    expect(timeline.activities.every((a) => a.contactId === survivor.contact.id)).toBe(true);
    const [deal] = await db.select().from(deals).where(and(eq(deals.orgId, org.id), eq(deals.id, dealId)));
    const [handoff] = await db.select().from(handoffs).where(and(eq(handoffs.orgId, org.id), eq(handoffs.id, handoffId)));
    expect([deal?.contactId, handoff?.contactId]).toEqual([survivor.contact.id, survivor.contact.id]);

    const viaOldId = (await (await as(org.users.sdr.token).get(`/v1/contacts/${duplicate.contact.id}`)).json()) as { contact: Contact };
    expect(viaOldId.contact.id).toBe(survivor.contact.id);
    const byEmail = await resolve(org.users.sdr.token, { emails: [`dupe.${tag}@x.example`] });
    expect(byEmail.contact.id).toBe(survivor.contact.id);
    const search = (await (await as(org.users.sdr.token).get(`/v1/contacts?q=${tag}`)).json()) as { contacts: Contact[] };
    expect(search.contacts.map((c) => c.id)).toEqual([survivor.contact.id]);

    const audit = await db.select().from(auditLog).where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, 'contact.merge'), eq(auditLog.entityId, survivor.contact.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: org.users.manager.id,
      before: { survivor: { company: null }, duplicate: { id: duplicate.contact.id } },
      after: { survivor: { company: 'Mergeco' }, duplicateId: duplicate.contact.id, moved: { activities: 1, deals: 1, handoffs: 1, identities: 2 } },
    });

    const replay = await as(org.users.sdr.token).post(`/v1/contacts/${survivor.contact.id}/merge`, { duplicateId: duplicate.contact.id });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ merged: false, contact: { id: survivor.contact.id } });
  });

  it('refuses to merge two different LinkedIn profiles (409)', async () => {
    const a = await resolve(org.users.sdr.token, { linkedinUrl: `linkedin.com/in/one-${unique()}` });
    const b = await resolve(org.users.sdr.token, { linkedinUrl: `linkedin.com/in/two-${unique()}` });
    const res = await as(org.users.sdr.token).post(`/v1/contacts/${a.contact.id}/merge`, { duplicateId: b.contact.id });
    expect(res.status).toBe(409);
  });
});

describe('GET /v1/contacts/:id/timeline', () => {
  it('pages newest first with an opaque cursor across several pages', async () => {
    const c = await resolve(org.users.sdr.token, { emails: [`paged.${unique()}@x.example`] });
    const base = Date.parse('2024-03-01T00:00:00Z');
    // Ten activities share one instant so the id breaks the tie across page boundaries.
    const items = Array.from({ length: 25 }, (_, i) => ({
      id: randomUUID(),
      contactId: c.contact.id,
      type: 'note',
      occurredAt: new Date(i < 10 ? base : base + i * 60_000).toISOString(),
      body: `n${i}`,
    }));
    await as(org.users.sdr.token).post('/v1/activities/batch', { activities: items });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=7&cursor=${cursor}` : '?limit=7';
      const res = await as(org.users.sdr.token).get(`/v1/contacts/${c.contact.id}/timeline${query}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { activities: { id: string }[]; nextCursor: string | null };
      seen.push(...page.activities.map((a) => a.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(4);
    const expected = [...items].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.id.localeCompare(a.id)).map((a) => a.id);
    expect(seen).toEqual(expected);
  });

  it('rejects bad cursors and limits with 400 and other organisations with 404', async () => {
    const c = await resolve(org.users.sdr.token, { emails: [`cur.${unique()}@x.example`] });
    const get = (token: string, query: string) => as(token).get(`/v1/contacts/${c.contact.id}/timeline${query}`);
    expect((await get(org.users.sdr.token, '?cursor=garbage')).status).toBe(400);
    expect((await get(org.users.sdr.token, `?cursor=${Buffer.from('{"t":1}').toString('base64url')}`)).status).toBe(400);
    expect((await get(org.users.sdr.token, '?limit=201')).status).toBe(400);
    expect((await get(org.users.sdr.token, '?limit=0')).status).toBe(400);
    expect((await get(other.users.sdr.token, '')).status).toBe(404);
  });
});
