import { createTestApi, type TestApi, type TestOrg } from '@baton/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClientError, createApiClient, type ApiClient, type FetchLike } from './index.ts';

let api: TestApi;
let org: TestOrg;
let sdr: ApiClient;
let ae: ApiClient;

const through = (target: TestApi): FetchLike => (input, init) => target.app.request(input, { ...init, signal: null });
const clientFor = (token: string, target: TestApi = api) => createApiClient({ baseUrl: 'http://baton.test/', token, fetch: through(target) });

async function failure(promise: Promise<unknown>): Promise<ApiClientError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiClientError);
  return error as ApiClientError;
}

beforeAll(async () => {
  api = await createTestApi();
  org = await api.seedOrg('Client Co');
  sdr = clientFor(org.users.sdr.token);
  ae = clientFor(org.users.ae.token);
}, 120_000);
afterAll(() => api.close());

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

describe('typed API client against the real API', { timeout: 60_000 }, () => {
  it('walks a prospect from first email to an accepted handoff', async () => {
    expect((await sdr.me()).user).toMatchObject({ id: org.users.sdr.id, role: 'sdr' });
    expect((await sdr.users('ae')).map((u) => u.id)).toEqual([org.users.ae.id]);

    const { contact, created } = await sdr.resolveContact({ emails: ['Jordan@Prospect.example'], name: 'Jordan Lee', company: 'Prospect' });
    expect(created).toBe(true);
    expect(await sdr.getContact(contact.id)).toMatchObject({ emails: ['jordan@prospect.example'] });
    expect((await sdr.searchContacts({ email: 'jordan@prospect.example' })).map((c) => c.id)).toEqual([contact.id]);
    expect(await sdr.updateContact(contact.id, { title: 'CTO' })).toMatchObject({ title: 'CTO' });
    expect(await sdr.duplicates(contact.id)).toEqual([]);

    const note = { id: crypto.randomUUID(), contactId: contact.id, type: 'note' as const, occurredAt: new Date().toISOString(), body: 'Met at the fair' };
    expect((await sdr.batchActivities([note])).results).toEqual([{ id: note.id, status: 'created' }]);
    expect((await sdr.batchActivities([note])).results).toEqual([{ id: note.id, status: 'duplicate' }]);
    expect((await sdr.timeline(contact.id)).activities.map((a) => a.id)).toEqual([note.id]);

    const deal = await sdr.createDeal({ id: crypto.randomUUID(), contactId: contact.id, title: 'Pilot' });
    expect(await sdr.getDeal(deal.id)).toEqual(deal);
    const qualified = await sdr.updateDeal(deal.id, {
      version: deal.version,
      qualification: { budget: '40k', authority: 'CTO signs', need: 'SSO', timeline: 'Q3' },
    });
    expect((await sdr.listDeals({ owner: 'me' })).map((d) => d.id)).toContain(deal.id);
    expect((await sdr.brief({ email: 'jordan@prospect.example' })).deal?.id).toBe(deal.id);
    expect((await sdr.templates()).map((t) => t.kind).sort()).toEqual(['ae_to_csm', 'marketing_to_sdr', 'sdr_to_ae']);

    const handoff = await sdr.handoff(deal.id, {
      id: crypto.randomUUID(),
      kind: 'sdr_to_ae',
      toUserId: org.users.ae.id,
      version: qualified.version,
      trigger: 'Downloaded the SSO guide',
      discussed: 'Pilot scope',
      objections: 'None raised',
      nextStep: { what: 'Demo', dueAt: inAWeek() },
      warmIntro: 'intro_email',
    });
    expect(handoff).toMatchObject({ status: 'pending', toUserId: org.users.ae.id });
    expect((await ae.listHandoffs({ to: 'me', status: 'pending' })).map((h) => h.id)).toEqual([handoff.id]);
    const [notification] = await ae.notifications({ unread: true });
    expect(notification?.handoffId).toBe(handoff.id);
    expect((await ae.markRead(notification?.id ?? '')).readAt).not.toBeNull();
    expect((await ae.acceptHandoff(handoff.id)).status).toBe('accepted');
  });

  it('types every error with what to do about it', async () => {
    const unauthorized = await failure(clientFor('baton_not_a_token').me());
    expect(unauthorized).toMatchObject({ kind: 'unauthorized', status: 401, code: 'unauthorized', userMessage: 'Your token was rejected: paste a new one in Options' });

    const missing = await failure(sdr.getContact(crypto.randomUUID()));
    expect(missing).toMatchObject({ kind: 'not_found', status: 404 });
    // Another organisation's record is just as absent.
    const other = await api.seedOrg('Other Co');
    const theirs = await clientFor(other.users.sdr.token).resolveContact({ emails: ['kim@theirs.example'] });
    expect((await failure(sdr.getContact(theirs.contact.id))).kind).toBe('not_found');

    const { contact } = await sdr.resolveContact({ emails: ['robin@prospect.example'] });
    const deal = await sdr.createDeal({ contactId: contact.id, title: 'Pilot' });
    await sdr.updateDeal(deal.id, { version: 1, stage: 'qualifying' });
    const stale = await failure(sdr.updateDeal(deal.id, { version: 1, stage: 'qualified' }));
    expect(stale).toMatchObject({ kind: 'conflict', status: 409 });
    expect(stale.details.current).toMatchObject({ id: deal.id, version: 2, stage: 'qualifying' });

    const notReady = await failure(sdr.handoff(deal.id, { kind: 'sdr_to_ae', toUserId: org.users.ae.id, version: 2 }));
    expect(notReady).toMatchObject({ kind: 'not_ready', status: 422, code: 'handoff_not_ready' });
    expect(notReady.details.missing).toEqual(expect.arrayContaining(['trigger', 'nextStep.what', 'nextStep.dueAt']));

    const invalid = await failure(sdr.rejectHandoff(crypto.randomUUID(), ''));
    expect(invalid).toMatchObject({ kind: 'invalid', status: 400 });
    expect(invalid.userMessage).toMatch(/^Baton rejected this input: /);
  });

  it('reports rate limiting with the wait the API asked for', async () => {
    const limited = await createTestApi({ rateLimitPerMinute: 2 });
    try {
      const seeded = await limited.seedOrg();
      const client = clientFor(seeded.users.sdr.token, limited);
      let error: ApiClientError | null = null;
      for (let i = 0; i < 5 && error === null; i += 1) {
        error = await client.me().then(
          () => null,
          (caught: unknown) => caught as ApiClientError,
        );
      }
      expect(error).toMatchObject({ kind: 'rate_limited', status: 429, transient: true });
      expect(error?.details.retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  }, 120_000);

  it('says the API is unreachable when the request never gets an answer, and refuses answers off the contract', async () => {
    const offline = createApiClient({ baseUrl: 'http://baton.test', token: 't', fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(await failure(offline.me())).toMatchObject({
      kind: 'unreachable',
      status: 0,
      transient: true,
      userMessage: 'API unreachable — your work is saved on this device',
    });
    // A captive portal or proxy answering 200 with something else is never taken as data.
    const portal = createApiClient({ baseUrl: 'http://baton.test', token: 't', fetch: () => new Response('{"user":{"id":"nope"}}', { status: 200 }) });
    expect(await failure(portal.me())).toMatchObject({ kind: 'server', code: 'invalid_response' });
  });
});
