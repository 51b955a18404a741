import { randomUUID } from 'node:crypto';
import { composeBrief, type Brief } from '@baton/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { activities, contactIdentities, contacts, deals, handoffs, users } from '../../db/schema.ts';
import { createTestApi, type TestApi, type TestOrg } from '../../testing/index.ts';
import { timelinePage } from '../activities/timeline.ts';
import { loadBrief, type BriefFocus } from './load.ts';
import { findLiveContact, identitiesOf, toContact } from '../contacts/store.ts';
import { toDeal, toHandoff, toUserSummary } from '../serialize.ts';

/*
 * The brief is built as JSON by one SQL statement. This checks it, byte for byte, against the
 * brief composed from the row readers every other route uses (serialize.ts, contacts-store.ts,
 * the timeline page), on data with the awkward parts: microsecond times, a merged alias, JSON
 * columns, nulls, several emails and a LinkedIn slug, more activities than one page.
 */

let api: TestApi;
let org: TestOrg;
let other: TestOrg;
let db: Db;

async function referenceBrief(orgId: string, focus: BriefFocus, now: Date): Promise<Brief | null> {
  const contact =
    'contactId' in focus
      ? await findLiveContact(db, orgId, focus.contactId)
      : await (async () => {
          const [identity] = await db
            .select({ contactId: contactIdentities.contactId })
            .from(contactIdentities)
            .where(and(eq(contactIdentities.orgId, orgId), eq(contactIdentities.kind, focus.identity.kind), eq(contactIdentities.value, focus.identity.value)));
          // An identity names a live contact (merges move identities), and a tombstone's is not followed.
          if (!identity) return null;
          const [row] = await db.select().from(contacts).where(and(eq(contacts.orgId, orgId), eq(contacts.id, identity.contactId)));
          return row && row.mergedIntoId === null ? row : null;
        })();
  if (!contact) return null;
  const identities = await identitiesOf(db, orgId, [contact.id]);
  const dealRows = await db.select().from(deals).where(and(eq(deals.orgId, orgId), eq(deals.contactId, contact.id)));
  const handoffRows =
    dealRows.length === 0 ? [] : await db.select().from(handoffs).where(and(eq(handoffs.orgId, orgId), inArray(handoffs.dealId, dealRows.map((d) => d.id))));
  const page = await timelinePage(db, orgId, contact.id);
  const mentioned = [contact.ownerId, ...dealRows.flatMap((d) => [d.ownerId, d.nextStepOwnerId]), ...handoffRows.flatMap((h) => [h.fromUserId, h.toUserId])];
  const ids = [...new Set(mentioned.filter((id): id is string => id !== null))];
  const userRows = ids.length === 0 ? [] : await db.select().from(users).where(and(eq(users.orgId, orgId), inArray(users.id, ids)));
  return composeBrief(
    {
      contact: toContact(contact, identities),
      deals: dealRows.map(toDeal),
      handoffs: handoffRows.map(toHandoff),
      timeline: page.activities,
      nextCursor: page.nextCursor,
      users: userRows.map(toUserSummary),
    },
    now,
  );
}

/** The statement's brief, with "now" pinned like the reference's (only `overdue` reads it). */
async function statementBrief(orgId: string, focus: BriefFocus): Promise<{ brief: Brief; now: Date }> {
  const now = new Date();
  return { brief: await loadBrief(db, orgId, focus), now };
}

const sortById = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
/** Users and deals come back in index order on either side; only their order may differ. */
const canonical = (brief: Brief) => JSON.stringify({ ...brief, otherDeals: sortById(brief.otherDeals) });

const survivor = randomUUID();
const alias = randomUUID();
const bare = randomUUID();
const slug = `rowan-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  api = await createTestApi();
  org = await api.seedOrg();
  other = await api.seedOrg();
  db = api.services.database.db;
  const { sdr, ae, csm, marketing } = org.users;
  await db.insert(contacts).values([
    { orgId: org.id, id: survivor, name: 'Rowan "Ro" Ash', title: 'CFO', company: 'Ash & Co', location: 'Zürich', photoUrl: 'https://img.example/r.png', ownerId: sdr.id },
    { orgId: org.id, id: alias, name: 'Rowan A.', mergedIntoId: survivor },
    { orgId: org.id, id: bare, name: null },
  ]);
  await db.execute(sql`update contacts set created_at = '2024-03-04 05:06:07.123456+00', updated_at = '2024-03-05 05:06:07.999999+00',
    photo_captured_at = '2024-02-29 23:59:59.000500+00' where org_id = ${org.id}::uuid and id = ${survivor}::uuid`);
  await db.insert(contactIdentities).values([
    { orgId: org.id, kind: 'email', value: 'rowan@ash.example', contactId: survivor, createdAt: new Date('2024-01-02T00:00:00Z') },
    { orgId: org.id, kind: 'email', value: 'a.rowan@ash.example', contactId: survivor, createdAt: new Date('2024-01-02T00:00:00Z') },
    { orgId: org.id, kind: 'email', value: 'old@ash.example', contactId: survivor, createdAt: new Date('2023-01-01T00:00:00Z') },
    { orgId: org.id, kind: 'linkedin', value: slug, contactId: survivor },
    { orgId: org.id, kind: 'email', value: 'alias@ash.example', contactId: alias },
  ]);
  const focusDeal = randomUUID();
  const oldDeal = randomUUID();
  await db.insert(deals).values([
    {
      orgId: org.id, id: focusDeal, contactId: survivor, title: 'Renewal', stage: 'proposal', ownerId: ae.id, version: 7, budget: '€80k', authority: null,
      need: 'line1\nline2', timeline: 'Q2', nextStepWhat: 'Send the order form', nextStepDueAt: new Date(Date.now() + 86_400_000), nextStepOwnerId: csm.id,
    },
    { orgId: org.id, id: oldDeal, contactId: survivor, title: 'Pilot', stage: 'won', ownerId: marketing.id, updatedAt: new Date('2023-06-01T00:00:00Z') },
    { orgId: org.id, id: randomUUID(), contactId: survivor, title: 'Lost one', stage: 'lost', ownerId: sdr.id, updatedAt: new Date('2022-06-01T00:00:00Z') },
  ]);
  const qualification = { budget: '€80k', authority: 'CFO', need: 'x', timeline: 'Q2' };
  const handoff = (dealId: string, createdAt: string, extra: Partial<typeof handoffs.$inferInsert> = {}) => ({
    orgId: org.id, id: randomUUID(), dealId, contactId: survivor, kind: 'sdr_to_ae', fromUserId: sdr.id, toUserId: ae.id, status: 'pending', trigger: 't',
    discussed: 'd', objections: 'None raised', qualification, nextStepWhat: 'w', nextStepDueAt: new Date('2024-07-01T10:00:00.5Z'), nextStepOwnerId: ae.id,
    warmIntro: 'intro_email', createdAt: new Date(createdAt), ...extra,
  });
  await db.insert(handoffs).values([
    handoff(focusDeal, '2024-05-01T00:00:00Z', { status: 'accepted', respondedAt: new Date('2024-05-01T01:00:00Z'), timeToAcceptMs: 3_600_000 }),
    handoff(focusDeal, '2024-04-01T00:00:00Z', { status: 'rejected', rejectionReason: 'too early', toUserId: csm.id }),
    handoff(oldDeal, '2024-06-01T00:00:00Z', { fromUserId: marketing.id }),
  ]);
  await db.execute(sql`update handoffs set responded_at = responded_at + interval '123457 microseconds' where org_id = ${org.id}::uuid and status = 'accepted'`);
  const sameTime = new Date('2024-06-01T12:00:00.250Z');
  await db.insert(activities).values(
    Array.from({ length: 57 }, (_, i) => ({
      orgId: org.id, id: randomUUID(), contactId: survivor, dealId: i % 3 === 0 ? focusDeal : null, type: i % 2 ? 'email' : 'note',
      occurredAt: i < 3 ? sameTime : new Date(Date.UTC(2024, 0, 1, 0, i, 0, i)), subject: i % 4 ? `S${i}` : null, body: `b"${i}"\u00e9`,
      source: i % 2 ? { gmailMessageId: `m${i}`, gmailThreadId: 't' } : null, details: i % 5 ? null : { from: { name: null, email: 'x@y.example' }, durationMinutes: i },
      actorId: sdr.id, contentHash: `h${i}`,
    })),
  );
});
afterAll(() => api.close());

describe('loadBrief (one statement)', () => {
  const focuses: Array<[string, () => BriefFocus]> = [
    ['the survivor by id', () => ({ contactId: survivor })],
    ['a merged alias by id', () => ({ contactId: alias })],
    ['a contact without owner, deals or activities', () => ({ contactId: bare })],
    ['an email', () => ({ identity: { kind: 'email', value: 'a.rowan@ash.example' } })],
    ['a LinkedIn slug', () => ({ identity: { kind: 'linkedin', value: slug } })],
  ];

  it.each(focuses)('answers what the row readers compose, for %s', async (_name, focus) => {
    const { brief, now } = await statementBrief(org.id, focus());
    const reference = await referenceBrief(org.id, focus(), now);
    expect(reference).not.toBeNull();
    expect(canonical(brief)).toBe(canonical(reference as Brief));
  });

  it('does not follow an identity left on a merged tombstone, like the readers', async () => {
    const focus: BriefFocus = { identity: { kind: 'email', value: 'alias@ash.example' } };
    expect(await referenceBrief(org.id, focus, new Date())).toBeNull();
    await expect(loadBrief(db, org.id, focus)).rejects.toMatchObject({ status: 404 });
  });

  it('pages the timeline like the timeline route and names every mentioned user', async () => {
    const { brief } = await statementBrief(org.id, { contactId: survivor });
    expect(brief.timeline).toHaveLength(50);
    expect(brief.nextCursor).not.toBeNull();
    expect(brief.contact.emails).toEqual(['old@ash.example', 'a.rowan@ash.example', 'rowan@ash.example']);
    expect(brief.contact.photoCapturedAt).toBe('2024-02-29T23:59:59.000Z');
    expect(brief.latestHandoff).toMatchObject({ status: 'accepted', respondedAt: '2024-05-01T01:00:00.123Z', to: { id: org.users.ae.id } });
    expect(brief.nextStep?.owner?.id).toBe(org.users.csm.id);
  });

  it('answers 404 for unknown ids and for other organisations', async () => {
    await expect(loadBrief(db, org.id, { contactId: randomUUID() })).rejects.toMatchObject({ status: 404 });
    await expect(loadBrief(db, other.id, { contactId: survivor })).rejects.toMatchObject({ status: 404 });
    await expect(loadBrief(db, other.id, { identity: { kind: 'linkedin', value: slug } })).rejects.toMatchObject({ status: 404 });
  });
});
