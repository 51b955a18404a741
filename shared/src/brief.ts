import { z } from 'zod';
import { Activity } from './schemas/activity.ts';
import { Timestamp } from './schemas/common.ts';
import { Contact } from './schemas/contact.ts';
import { Deal } from './schemas/deal.ts';
import { Handoff } from './schemas/handoff.ts';
import { UserSummary } from './schemas/org.ts';

export const openStages = ['new', 'qualifying', 'qualified', 'discovery', 'proposal', 'negotiation'] as const;

export const BriefNextStep = z.object({
  what: z.string().nullable(),
  dueAt: Timestamp.nullable(),
  owner: UserSummary.nullable(),
  overdue: z.boolean(),
  missing: z.boolean(),
});
export type BriefNextStep = z.infer<typeof BriefNextStep>;

export const BriefHandoff = Handoff.extend({
  from: UserSummary.nullable(),
  to: UserSummary.nullable(),
});
export type BriefHandoff = z.infer<typeof BriefHandoff>;

/** Everything an AE needs about one prospect, in one read. */
export const Brief = z.object({
  contact: Contact,
  owner: UserSummary.nullable(),
  /** The deal in focus: the most recently updated open deal, else the latest deal. */
  deal: Deal.nullable(),
  dealOwner: UserSummary.nullable(),
  otherDeals: z.array(Deal),
  latestHandoff: BriefHandoff.nullable(),
  nextStep: BriefNextStep.nullable(),
  timeline: z.array(Activity),
  nextCursor: z.string().nullable(),
});
export type Brief = z.infer<typeof Brief>;

export interface BriefSources {
  contact: Contact;
  deals: Deal[];
  /** Handoffs of the contact's deals, any order. */
  handoffs: Handoff[];
  /** The first page of the timeline, newest first. */
  timeline: Activity[];
  nextCursor: string | null;
  /** Every user the other parts mention (owners, handoff parties). */
  users: UserSummary[];
}

const byNewest = <T extends { updatedAt?: string; createdAt: string }>(a: T, b: T) =>
  Date.parse(b.updatedAt ?? b.createdAt) - Date.parse(a.updatedAt ?? a.createdAt);

export function focusDeal(deals: readonly Deal[]): Deal | null {
  const sorted = [...deals].sort(byNewest);
  return sorted.find((deal) => (openStages as readonly string[]).includes(deal.stage)) ?? sorted[0] ?? null;
}

export function isOverdue(dueAt: string | null, now: Date): boolean {
  return dueAt !== null && Date.parse(dueAt) < now.getTime();
}

export function composeBrief(sources: BriefSources, now: Date = new Date()): Brief {
  const users = new Map(sources.users.map((user) => [user.id, user]));
  const lookup = (id: string | null | undefined) => (id ? (users.get(id) ?? null) : null);
  const deal = focusDeal(sources.deals);
  const handoff =
    deal === null
      ? null
      : ([...sources.handoffs].filter((h) => h.dealId === deal.id).sort(byNewest)[0] ?? null);
  const nextStep =
    deal === null
      ? null
      : {
          what: deal.nextStep.what,
          dueAt: deal.nextStep.dueAt,
          owner: lookup(deal.nextStep.ownerId ?? deal.ownerId),
          overdue: isOverdue(deal.nextStep.dueAt, now),
          missing: !deal.nextStep.what || !deal.nextStep.dueAt,
        };
  return {
    contact: sources.contact,
    owner: lookup(sources.contact.ownerId),
    deal,
    dealOwner: lookup(deal?.ownerId),
    otherDeals: sources.deals.filter((other) => other.id !== deal?.id),
    latestHandoff: handoff && { ...handoff, from: lookup(handoff.fromUserId), to: lookup(handoff.toUserId) },
    nextStep,
    timeline: sources.timeline,
    nextCursor: sources.nextCursor,
  };
}
