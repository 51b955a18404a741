import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLinkedinProfile, logThread, unloggedMessages, type LogProgress } from './activities.ts';
import { addContact, findContactByLinkedin } from './contacts.ts';
import { createDeal, saveDraft, getDraft, submitHandoffNow, updateDeal } from './deals.ts';
import { cacheBrief, localBrief } from './read.ts';
import { createSyncEngine } from './sync.ts';
import { clock, contextFor, freshDb, syncFixture, type SyncFixture } from './testing.ts';
import type { ThreadInput } from './thread.ts';
import { gmailActivityId } from './uuid.ts';

let fx: SyncFixture;
beforeAll(async () => {
  fx = await syncFixture();
}, 120_000);
afterAll(() => fx.api.close());

const thread = (count: number): ThreadInput => ({
  threadId: '18c2f0a1b2c3d4e5',
  subject: 'Security review',
  messages: Array.from({ length: count }, (_, index) => ({
    messageId: String(1_790_000_000_000_000_000n + BigInt(index)),
    from: { name: 'Alex Kim', email: 'Alex@Buyer.example' },
    to: [{ name: null, email: 'sdr@org1.example.com' }],
    cc: [{ name: 'Legal', email: 'legal@buyer.example' }],
    date: index % 7 === 0 ? null : `2030-01-03T10:${String(index % 60).padStart(2, '0')}:00`,
    bodyText: index % 5 === 0 ? null : `Reply ${index}`,
    collapsed: index % 5 === 0,
  })),
});

describe('local actions', { timeout: 60_000 }, () => {
  it('logs a 60-message thread with progress, deterministic ids and nothing twice', async () => {
    const time = clock();
    const db = freshDb();
    const ctx = contextFor(db, time.now, fx.org.users.sdr.id);
    const contact = await addContact(ctx, { emails: ['alex@buyer.example'], name: 'Alex Kim' });
    const progress: LogProgress[] = [];
    const result = await logThread(ctx, thread(60), { contactId: contact.id }, (step) => progress.push(step));
    expect(result).toMatchObject({ logged: 60, alreadyLogged: 0, total: 60 });
    expect(progress[0]).toEqual({ done: 0, total: 60 });
    expect(progress.at(-1)).toEqual({ done: 60, total: 60 });
    expect(progress.length).toBeGreaterThan(3);

    const first = thread(1).messages[0]!;
    const stored = await db.activities.get(await gmailActivityId(first.messageId));
    expect(stored).toMatchObject({
      type: 'email',
      subject: 'Security review',
      source: { gmailThreadId: '18c2f0a1b2c3d4e5', gmailMessageId: first.messageId },
      details: {
        from: { name: 'Alex Kim', email: 'alex@buyer.example' },
        to: [{ name: null, email: 'sdr@org1.example.com' }],
        cc: [{ name: 'Legal', email: 'legal@buyer.example' }],
        timeFromLogging: true,
      },
      occurredAt: time.now().toISOString(),
    });
    // A message whose date Gmail gave keeps that time, unflagged.
    const dated = await db.activities.get(await gmailActivityId(thread(2).messages[1]!.messageId));
    expect(dated?.occurredAt).toBe(new Date('2030-01-03T10:01:00').toISOString());
    expect(dated?.details).not.toHaveProperty('timeFromLogging');

    expect(await logThread(ctx, thread(60), { contactId: contact.id })).toMatchObject({ logged: 0, alreadyLogged: 60 });
    const later = thread(62);
    expect((await unloggedMessages(ctx, later)).map((m) => m.messageId)).toEqual(later.messages.slice(60).map((m) => m.messageId));
    expect(await db.outbox.count()).toBe(61);

    await createSyncEngine({ db, client: () => fx.client, now: time.now }).drain();
    expect(await db.outbox.count()).toBe(0);
    expect((await localBrief(db, contact.id, time.now()))?.timeline).toHaveLength(50);
  });

  it('captures a LinkedIn profile once per change, finding the contact by slug', async () => {
    const time = clock();
    const db = freshDb();
    const ctx = contextFor(db, time.now);
    const profile = { profileUrl: 'https://linkedin.com/in/Casey-Morgan/?trk=x', name: 'Casey Morgan', headline: 'VP Sales', company: 'Buyer', title: 'VP Sales', location: 'Lyon', photoUrl: null };
    const first = await captureLinkedinProfile(ctx, profile);
    expect(first.contact).toMatchObject({ linkedinUrl: 'https://www.linkedin.com/in/casey-morgan', linkedinSlug: 'casey-morgan' });
    expect((await findContactByLinkedin(db, 'casey-morgan'))?.id).toBe(first.contact.id);
    time.advance(60_000);
    expect((await captureLinkedinProfile(ctx, profile)).activity).toBeNull();
    time.advance(60_000);
    const moved = await captureLinkedinProfile(ctx, { ...profile, company: 'Other Buyer' });
    expect(moved.contact.id).toBe(first.contact.id);
    expect(moved.activity?.details?.profile?.company).toBe('Other Buyer');
    // The card follows the newest capture: people change jobs.
    expect(moved.contact.company).toBe('Other Buyer');
    expect((await db.contacts.get(first.contact.id))?.company).toBe('Other Buyer');
  });

  it('composes the brief from the cache, and keeps unsynced local changes over a server brief', async () => {
    fx.net.state.fault = 'none';
    const time = clock();
    const db = freshDb();
    const ctx = contextFor(db, time.now, fx.org.users.sdr.id);
    const contact = await addContact(ctx, { emails: ['drew@buyer.example'], name: 'Drew' });
    const deal = await createDeal(ctx, { contactId: contact.id, title: 'Rollout' });
    await createSyncEngine({ db, client: () => fx.client, now: time.now }).drain();
    await updateDeal(ctx, deal.id, { nextStep: { what: 'Send the DPA', dueAt: '2030-01-20T09:00:00.000Z' } });
    await cacheBrief(db, await fx.client.brief({ contactId: contact.id }));
    const brief = await localBrief(db, contact.id, time.now());
    expect(brief?.deal).toMatchObject({ id: deal.id, nextStep: { what: 'Send the DPA' } });
    expect(brief?.nextStep).toMatchObject({ what: 'Send the DPA', overdue: false, missing: false });
    expect(await localBrief(db, crypto.randomUUID())).toBeNull();
  });

  it('submits a handoff now when the API answers, shows a 422 at once, and queues when it is unreachable', async () => {
    fx.net.state.fault = 'none';
    const time = clock(new Date().toISOString());
    const db = freshDb();
    const ctx = contextFor(db, time.now, fx.org.users.sdr.id);
    const engine = createSyncEngine({ db, client: () => fx.client, now: time.now });
    const contact = await addContact(ctx, { emails: ['lee@buyer.example'] });
    const deal = await createDeal(ctx, { contactId: contact.id, title: 'Pilot' });
    await engine.drain();
    await saveDraft(ctx, deal.id, { kind: 'sdr_to_ae', toUserId: fx.org.users.ae.id });

    await expect(submitHandoffNow(ctx, fx.client, deal.id, { kind: 'sdr_to_ae', toUserId: fx.org.users.ae.id, version: 1 })).rejects.toMatchObject({
      kind: 'not_ready',
      details: { missing: expect.arrayContaining(['trigger']) },
    });
    const ready = {
      kind: 'sdr_to_ae' as const,
      toUserId: fx.org.users.ae.id,
      version: 1,
      trigger: 'Asked for pricing',
      discussed: 'Pilot scope',
      objections: 'None raised',
      qualification: { budget: '20k', authority: 'Head of IT', need: 'SSO', timeline: 'Q2' },
      nextStep: { what: 'Demo', dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString() },
      warmIntro: 'joint_call' as const,
    };
    fx.net.state.fault = 'drop-response';
    const queued = await submitHandoffNow(ctx, fx.client, deal.id, ready);
    expect(queued.status).toBe('queued');
    expect(await getDraft(ctx, deal.id)).not.toBeNull();

    fx.net.state.fault = 'none';
    await engine.drain({ force: true });
    expect(await db.outbox.count()).toBe(0);
    expect(await getDraft(ctx, deal.id)).toBeNull();
    const handoffs = await fx.client.listHandoffs({ dealId: deal.id });
    expect(handoffs.map((h) => h.id)).toEqual([queued.handoff.id]);
    expect(await db.deals.get(deal.id)).toMatchObject({ ownerId: fx.org.users.ae.id, synced: true });
  });
});
