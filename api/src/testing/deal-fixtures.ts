import { randomUUID } from 'node:crypto';
import type { Deal, Handoff, HandoffInput } from '@baton/shared';
import { contactIdentities, contacts } from '../db/schema.ts';
import type { TestApi, TestUser } from './index.ts';

/* Fixtures for deal and handoff tests: contacts are inserted straight into the tables. */

export async function insertContact(
  api: TestApi,
  orgId: string,
  fields: { name?: string; company?: string; email?: string; mergedIntoId?: string } = {},
): Promise<string> {
  const id = randomUUID();
  const db = api.services.database.db;
  await db.insert(contacts).values({
    orgId,
    id,
    name: fields.name ?? 'Jordan Lee',
    company: fields.company ?? 'Acme',
    mergedIntoId: fields.mergedIntoId ?? null,
  });
  if (fields.email) await db.insert(contactIdentities).values({ orgId, kind: 'email', value: fields.email, contactId: id });
  return id;
}

export async function createDeal(api: TestApi, user: TestUser, contactId: string, title = 'Acme pilot'): Promise<Deal> {
  const res = await api.request('POST', '/v1/deals', { token: user.token, body: { contactId, title } });
  if (res.status !== 201) throw new Error(`creating a deal answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Deal;
}

export const inDays = (days: number, from = new Date()) => new Date(from.getTime() + days * 86_400_000).toISOString();

/** A complete sdr_to_ae handoff body: every default-required field filled. */
export function readyHandoff(deal: Pick<Deal, 'version'>, toUserId: string, overrides: Partial<HandoffInput> = {}): HandoffInput {
  return {
    kind: 'sdr_to_ae',
    toUserId,
    version: deal.version,
    trigger: 'Replied to the outbound sequence about slow CRM handoffs',
    discussed: 'Current process, team size of 40 reps, pilot scope',
    objections: 'None raised',
    qualification: { budget: '20k this quarter', authority: 'VP Sales signs', need: 'Handoffs lose context', timeline: 'Decide by end of month' },
    nextStep: { what: 'Demo with the VP', dueAt: inDays(3) },
    warmIntro: 'intro_email',
    ...overrides,
  };
}

export async function handOff(api: TestApi, from: TestUser, deal: Deal, to: TestUser, overrides: Partial<HandoffInput> = {}): Promise<Handoff> {
  const res = await api.request('POST', `/v1/deals/${deal.id}/handoffs`, { token: from.token, body: readyHandoff(deal, to.id, overrides) });
  if (res.status !== 201) throw new Error(`the handoff answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Handoff;
}
