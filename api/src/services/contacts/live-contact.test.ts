import { randomUUID } from 'node:crypto';
import type { Brief, Contact, Deal, TimelinePage } from '@baton/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, type TestOrg } from '../../testing/index.ts';

/*
 * The one merge-tombstone rule (`requireLiveContact`): an id merged away names its survivor, on
 * every path that takes a contact id, also after the survivor is merged in turn (merges re-point
 * older tombstones, so one hop always reaches the live contact).
 */

let api: TestApi;
let org: TestOrg;

beforeAll(async () => {
  api = await createTestApi();
  org = await api.seedOrg('Tombstones');
});
afterAll(() => api.close());

const call = async <T>(method: string, path: string, body?: unknown, expected = 200): Promise<T> => {
  const res = await api.request(method, path, { token: org.users.manager.token, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  expect(res.status, `${method} ${path}: ${text}`).toBe(expected);
  return JSON.parse(text) as T;
};

const resolve = async (email: string) => (await call<{ contact: Contact }>('POST', '/v1/contacts/resolve', { emails: [email] }, 201)).contact.id;

describe('a merged-away contact id', () => {
  it('names the live survivor on every path, through a chain of merges', async () => {
    const first = await resolve('first@tomb.example');
    const second = await resolve('second@tomb.example');
    const third = await resolve('third@tomb.example');
    await call('POST', `/v1/contacts/${second}/merge`, { duplicateId: first });
    await call('POST', `/v1/contacts/${third}/merge`, { duplicateId: second });

    for (const id of [first, second]) {
      expect((await call<{ contact: Contact }>('GET', `/v1/contacts/${id}`)).contact.id).toBe(third);
      expect((await call<Brief>('GET', `/v1/brief?contactId=${id}`)).contact.id).toBe(third);
      await call<TimelinePage>('GET', `/v1/contacts/${id}/timeline`);
      await call('GET', `/v1/contacts/${id}/duplicates`);
      const deal = await call<Deal>('POST', '/v1/deals', { contactId: id, title: `Deal on ${id}` }, 201);
      expect(deal.contactId).toBe(third);
      const listed = await call<{ deals: Deal[] }>('GET', `/v1/deals?contactId=${id}`);
      expect(listed.deals.map((d) => d.id)).toContain(deal.id);
      const batch = await call<{ results: Array<{ status: string }> }>('POST', '/v1/activities/batch', {
        activities: [{ id: randomUUID(), contactId: id, type: 'note', occurredAt: new Date().toISOString(), body: 'Logged on an old id' }],
      });
      expect(batch.results[0]?.status).toBe('created');
    }
    const timeline = await call<TimelinePage>('GET', `/v1/contacts/${third}/timeline`);
    expect(timeline.activities.filter((a) => a.body === 'Logged on an old id')).toHaveLength(2);
  });

  it('is unknown (404) when it names no contact of the organisation', async () => {
    const other = await api.seedOrg('Elsewhere');
    const res = await api.request('POST', '/v1/contacts/resolve', { token: other.users.sdr.token, body: { emails: ['someone@else.example'] } });
    const { contact } = (await res.json()) as { contact: Contact };
    await call('GET', `/v1/contacts/${contact.id}`, undefined, 404);
    await call('POST', '/v1/deals', { contactId: contact.id, title: 'Not ours' }, 404);
  });
});
