import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, contacts } from '../../db/schema.ts';
import { createTestApi, type TestApi, type TestOrg } from '../../testing/index.ts';
import { ingestActivities } from './ingest-batch.ts';

/* The batch's audit rows are written by the insert statement itself: what they say, and when. */

let api: TestApi;
let org: TestOrg;

beforeAll(async () => {
  api = await createTestApi();
  org = await api.seedOrg();
});
afterAll(() => api.close());

describe('ingestActivities audit', () => {
  it('writes one row per contact it added to, with counts by type, and nothing for a replay', async () => {
    const db = api.services.database.db;
    const [a, b] = [randomUUID(), randomUUID()];
    await db.insert(contacts).values([{ orgId: org.id, id: a }, { orgId: org.id, id: b }]);
    const { sdr } = org.users;
    const caller = { orgId: org.id, userId: sdr.id, tokenId: randomUUID(), role: sdr.role, email: sdr.email, name: sdr.name, requestId: `req-${randomUUID()}` };
    const occurredAt = '2024-05-01T10:00:00.000Z';
    const items = [
      { id: randomUUID(), contactId: a, type: 'note', occurredAt },
      { id: randomUUID(), contactId: a, type: 'note', occurredAt },
      { id: randomUUID(), contactId: a, type: 'call', occurredAt },
      { id: randomUUID(), contactId: b, type: 'email', occurredAt, source: { gmailMessageId: `m-${randomUUID()}` } },
      { id: randomUUID(), contactId: randomUUID(), type: 'note', occurredAt },
    ];
    const results = await ingestActivities(db, caller, items);
    expect(results.map((r) => r.status)).toEqual(['created', 'created', 'created', 'created', 'invalid']);
    const rows = await db.select().from(auditLog).where(and(eq(auditLog.orgId, org.id), eq(auditLog.requestId, caller.requestId)));
    const byContact = Object.fromEntries(rows.map((row) => [row.entityId, row]));
    expect(rows).toHaveLength(2);
    expect(byContact[a]).toMatchObject({ action: 'activities.batch', entityType: 'contact', actorId: caller.userId, before: null, after: { created: 3, byType: { note: 2, call: 1 } } });
    expect(byContact[b]?.after).toEqual({ created: 1, byType: { email: 1 } });

    const replay = { ...caller, requestId: `req-${randomUUID()}` };
    expect((await ingestActivities(db, replay, items.slice(0, 4))).map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.orgId, org.id), eq(auditLog.requestId, replay.requestId)))).toEqual([]);
  });

  it('takes an email timed at logging again from another device as a duplicate, not a conflict', async () => {
    const db = api.services.database.db;
    const contact = randomUUID();
    await db.insert(contacts).values([{ orgId: org.id, id: contact }]);
    const { sdr } = org.users;
    const caller = { orgId: org.id, userId: sdr.id, tokenId: randomUUID(), role: sdr.role, email: sdr.email, name: sdr.name, requestId: `req-${randomUUID()}` };
    const id = randomUUID();
    const email = (occurredAt: string, timeFromLogging: boolean) => ({
      id,
      contactId: contact,
      type: 'email',
      occurredAt,
      source: { gmailMessageId: `opaque:msg-x:${id}` },
      details: { to: [], cc: [], ...(timeFromLogging ? { timeFromLogging: true } : {}) },
    });
    expect((await ingestActivities(db, caller, [email('2026-01-02T10:00:00.000Z', true)]))[0]?.status).toBe('created');
    expect((await ingestActivities(db, caller, [email('2026-01-05T16:30:00.000Z', true)]))[0]?.status).toBe('duplicate');
    // A real time is content: a different one under the same id is still a conflict.
    expect((await ingestActivities(db, caller, [email('2026-01-05T16:30:00.000Z', false)]))[0]?.status).toBe('conflict');
  });
});
