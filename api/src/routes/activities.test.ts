import { randomUUID } from 'node:crypto';
import type { Activity, ActivityResult } from '@baton/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, auditLog, deals } from '../db/schema.ts';
import { createTestApi, type TestApi, type TestOrg } from '../testing/index.ts';

let api: TestApi;
let org: TestOrg;
let other: TestOrg;
let contactId: string;
let otherContactId: string;

beforeAll(async () => {
  api = await createTestApi();
  org = await api.seedOrg();
  other = await api.seedOrg();
  contactId = await newContact(org.users.sdr.token);
  otherContactId = await newContact(other.users.sdr.token);
});
afterAll(() => api.close());

async function newContact(token: string): Promise<string> {
  const res = await api.request('POST', '/v1/contacts/resolve', { token, body: { emails: [`${randomUUID()}@x.example`] } });
  return ((await res.json()) as { contact: { id: string } }).contact.id;
}

const note = (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  contactId,
  type: 'note',
  occurredAt: '2024-06-01T09:00:00.000Z',
  body: 'Asked about pricing',
  ...overrides,
});

async function batch(items: unknown[], token = org.users.sdr.token): Promise<ActivityResult[]> {
  const res = await api.request('POST', '/v1/activities/batch', { token, body: { activities: items } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: ActivityResult[] }).results;
}

async function timeline(id: string): Promise<Activity[]> {
  const res = await api.request('GET', `/v1/contacts/${id}/timeline?limit=200`, { token: org.users.sdr.token });
  return ((await res.json()) as { activities: Activity[] }).activities;
}

describe('POST /v1/activities/batch', () => {
  it('stores a batch once: a replay is all duplicates and the timeline holds each activity once', async () => {
    const id = await newContact(org.users.sdr.token);
    const items = [note({ contactId: id }), note({ contactId: id, type: 'call', details: { durationMinutes: 12 } }), note({ contactId: id, occurredAt: '2024-06-01T11:00:00+02:00' })];
    expect(await batch(items)).toEqual(items.map((item) => ({ id: item.id, status: 'created' })));
    // Same content spelled differently (explicit nulls, another zone) is still the same content.
    const respelled = items.map((item) => ({ ...item, dealId: null, subject: null, occurredAt: new Date(item.occurredAt).toISOString() }));
    expect(await batch(respelled)).toEqual(items.map((item) => ({ id: item.id, status: 'duplicate' })));
    const stored = await timeline(id);
    expect(stored.map((a) => a.id).sort()).toEqual(items.map((item) => item.id).sort());
    expect(stored.find((a) => a.type === 'call')).toMatchObject({ actorId: org.users.sdr.id, details: { durationMinutes: 12 }, contactId: id });
  });

  it('answers conflict for the same id with other content, and keeps the first version', async () => {
    const item = note();
    await batch([item]);
    const [result] = await batch([{ ...item, body: 'Edited later' }]);
    expect(result).toMatchObject({ id: item.id, status: 'conflict' });
    const [row] = await api.services.database.db.select().from(activities).where(and(eq(activities.orgId, org.id), eq(activities.id, item.id)));
    expect(row?.body).toBe('Asked about pricing');
  });

  it('judges each item on its own and answers in input order', async () => {
    const good = note();
    const alsoGood = note({ type: 'meeting' });
    const unknownContact = note({ contactId: randomUUID() });
    const foreignContact = note({ contactId: otherContactId });
    const serverOnly = note({ type: 'owner_change' });
    const malformed = { id: randomUUID(), contactId, type: 'note', occurredAt: 'yesterday' };
    const extraField = { ...note(), sneaky: true };
    const nul = note({ body: 'a\u0000b' });
    const results = await batch([good, unknownContact, 42, malformed, serverOnly, foreignContact, extraField, nul, alsoGood]);
    expect(results.map((r) => r.status)).toEqual(['created', 'invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'created']);
    expect(results.map((r) => r.id)).toEqual([good.id, unknownContact.id, '', malformed.id, serverOnly.id, foreignContact.id, extraField.id, nul.id, alsoGood.id]);
    expect(results[1]?.error).toBe('unknown contact');
    expect(results[3]?.error).toMatch(/occurredAt/);
    expect(results[4]?.error).toMatch(/server only/);
    expect(results[5]?.error).toBe('unknown contact');
  });

  it('accepts a deal of the contact and refuses another contact’s deal', async () => {
    const dealId = randomUUID();
    const elsewhere = await newContact(org.users.sdr.token);
    const strangerDeal = randomUUID();
    await api.services.database.db.insert(deals).values([
      { orgId: org.id, id: dealId, contactId, title: 'Expansion', ownerId: org.users.ae.id },
      { orgId: org.id, id: strangerDeal, contactId: elsewhere, title: 'Other', ownerId: org.users.ae.id },
    ]);
    const results = await batch([note({ dealId }), note({ dealId: strangerDeal }), note({ dealId: randomUUID() })]);
    expect(results.map((r) => r.status)).toEqual(['created', 'invalid', 'invalid']);
  });

  it('logs one Gmail message once even when sent under two ids, in one batch or two', async () => {
    const gmailMessageId = `msg-${randomUUID()}`;
    const email = (id = randomUUID()) => note({ id, type: 'email', subject: 'Re: pilot', source: { gmailMessageId, gmailThreadId: 't1' } });
    const first = email();
    const [a, b] = await batch([first, email()]);
    expect([a?.status, b?.status]).toEqual(['created', 'duplicate']);
    const [c] = await batch([email()]);
    expect(c?.status).toBe('duplicate');
    const rows = await api.services.database.db.select().from(activities).where(and(eq(activities.orgId, org.id), eq(activities.dedupeKey, `gmail:${gmailMessageId}`)));
    expect(rows.map((row) => row.id)).toEqual([first.id]);
  });

  it('treats a repeated id inside one batch as a duplicate or a conflict', async () => {
    const item = note();
    const results = await batch([item, item, { ...item, body: 'different' }]);
    expect(results.map((r) => r.status)).toEqual(['created', 'duplicate', 'conflict']);
  });

  it('stores nothing twice when identical batches race', async () => {
    const id = await newContact(org.users.sdr.token);
    const items = Array.from({ length: 50 }, (_, i) => note({ contactId: id, body: `item ${i}` }));
    const runs = await Promise.all([batch(items), batch(items), batch(items, org.users.ae.token)]);
    for (let i = 0; i < items.length; i += 1) {
      const statuses = runs.map((results) => results[i]?.status).sort();
      expect(statuses).toEqual(['created', 'duplicate', 'duplicate']);
    }
    expect(await timeline(id)).toHaveLength(50);
  });

  it('follows a merged contact id to the survivor', async () => {
    const survivor = await newContact(org.users.sdr.token);
    const duplicate = await newContact(org.users.sdr.token);
    const merge = await api.request('POST', `/v1/contacts/${survivor}/merge`, { token: org.users.sdr.token, body: { duplicateId: duplicate } });
    expect(merge.status).toBe(200);
    const item = note({ contactId: duplicate });
    expect((await batch([item]))[0]?.status).toBe('created');
    expect((await timeline(survivor)).map((a) => a.id)).toEqual([item.id]);
  });

  it('writes one cheap audit entry per contact touched', async () => {
    const id = await newContact(org.users.sdr.token);
    await batch([note({ contactId: id }), note({ contactId: id, type: 'call' }), note({ contactId: id })]);
    const entries = await api.services.database.db.select().from(auditLog).where(and(eq(auditLog.orgId, org.id), eq(auditLog.entityId, id), eq(auditLog.action, 'activities.batch')));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entityType: 'contact', actorId: org.users.sdr.id, after: { created: 3, byType: { note: 2, call: 1 } } });
  });

  it('rejects a malformed body, an empty batch and 501 items with 400, and no token with 401', async () => {
    const post = (body: unknown, token = org.users.sdr.token) => api.request('POST', '/v1/activities/batch', { token, body });
    expect((await post('{not json')).status).toBe(400);
    expect((await post({ items: [] })).status).toBe(400);
    expect((await post({ activities: [] })).status).toBe(400);
    const tooMany = await post({ activities: Array.from({ length: 501 }, () => note()) });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({ error: { code: 'invalid_body' } });
    const full = Array.from({ length: 500 }, () => note());
    const ok = await post({ activities: full });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { results: ActivityResult[] }).results.every((r) => r.status === 'created')).toBe(true);
    expect((await api.request('POST', '/v1/activities/batch', { body: { activities: [note()] } })).status).toBe(401);
  });

  it('never lets another organisation write to or read a contact', async () => {
    const [result] = await batch([note({ contactId })], other.users.sdr.token);
    expect(result).toMatchObject({ status: 'invalid', error: 'unknown contact' });
    const res = await api.request('GET', `/v1/contacts/${contactId}/timeline`, { token: other.users.sdr.token });
    expect(res.status).toBe(404);
  });
});
