import type { Deal, Notification } from '@baton/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeal, inDays, insertContact } from '../../testing/deal-fixtures.ts';
import { createTestApi, type TestApi, type TestOrg } from '../../testing/index.ts';
import { startOverdueSweep, sweepOverdue } from './overdue-sweep.ts';

let api: TestApi;
let org: TestOrg;

beforeAll(async () => {
  api = await createTestApi();
  org = await api.seedOrg();
});
afterAll(() => api.close());

const overdueOf = async (token: string) =>
  ((await (await api.request('GET', '/v1/notifications?limit=500', { token })).json()) as { notifications: Notification[] }).notifications.filter(
    (n) => n.type === 'next_step_overdue',
  );

describe('sweepOverdue', () => {
  it('tells the next-step owner once when the step falls overdue, and again after it is rescheduled', async () => {
    const contact = await insertContact(api, org.id, { name: 'Jordan Lee', company: 'Acme' });
    const deal = await createDeal(api, org.users.sdr, contact);
    const due = inDays(1);
    const patched = await api.request('PATCH', `/v1/deals/${deal.id}`, {
      token: org.users.sdr.token,
      body: { version: 1, nextStep: { what: 'Send the proposal', dueAt: due, ownerId: org.users.ae.id } },
    });
    const updated = (await patched.json()) as Deal;
    const won = await createDeal(api, org.users.sdr, contact, 'Already won');
    await api.request('PATCH', `/v1/deals/${won.id}`, { token: org.users.sdr.token, body: { version: 1, stage: 'won', nextStep: { what: 'Invoice', dueAt: due } } });

    expect(await sweepOverdue(api.services, new Date())).toBe(0);
    const later = new Date(Date.parse(due) + 60_000);
    expect(await sweepOverdue(api.services, later)).toBe(1);
    expect(await sweepOverdue(api.services, new Date(later.getTime() + 3_600_000))).toBe(0);
    const [told] = await overdueOf(org.users.ae.token);
    expect(told).toMatchObject({ dealId: deal.id, contactId: contact, title: 'Overdue: Send the proposal — Acme — Jordan Lee' });
    expect(await overdueOf(org.users.sdr.token)).toEqual([]);

    // A new date is a new promise: when it slips too, its owner hears about it again.
    const newDue = inDays(5);
    await api.request('PATCH', `/v1/deals/${deal.id}`, { token: org.users.sdr.token, body: { version: updated.version, nextStep: { dueAt: newDue } } });
    expect(await sweepOverdue(api.services, later)).toBe(0);
    expect(await sweepOverdue(api.services, new Date(Date.parse(newDue) + 1))).toBe(1);
    expect(await overdueOf(org.users.ae.token)).toHaveLength(2);
  });

  it('runs on an interval until stopped', async () => {
    const fresh = await api.seedOrg();
    const deal = await createDeal(api, fresh.users.sdr, await insertContact(api, fresh.id));
    // Overdue already: the next tick of the running sweep notices it.
    await api.request('PATCH', `/v1/deals/${deal.id}`, { token: fresh.users.sdr.token, body: { version: 1, nextStep: { what: 'Call', dueAt: inDays(-1) } } });
    const stop = startOverdueSweep(api.services, 20);
    try {
      await expect.poll(() => overdueOf(fresh.users.sdr.token), { timeout: 5_000, interval: 25 }).toHaveLength(1);
    } finally {
      await stop();
    }
  });
});
