import { z } from 'zod';
import { Brief } from '../brief.ts';
import { AuditEntry } from '../schemas/audit.ts';
import { Id, Timestamp } from '../schemas/common.ts';
import { Handoff, HandoffKind, HandoffStatus } from '../schemas/handoff.ts';
import { UserSummary } from '../schemas/org.ts';
import { IdParam, Limit } from './common.ts';
import { endpoint } from './endpoint.ts';

export const TeamHandoffQuery = z.object({
  status: HandoffStatus.optional(),
  kind: HandoffKind.optional(),
  from: Id.optional(),
  to: Id.optional(),
  limit: Limit(200, 50),
  /** The `nextBefore` of the previous page. */
  before: z.string().max(200).optional(),
});

export const TeamHandoff = Handoff.extend({
  from: UserSummary,
  to: UserSummary,
  dealTitle: z.string(),
  contactName: z.string().nullable(),
  /** How long it has waited: until its answer, or until now while pending. */
  waitedMs: z.number().int(),
});
export type TeamHandoff = z.infer<typeof TeamHandoff>;

export const TeamHandoffPage = z.object({ handoffs: z.array(TeamHandoff), nextBefore: z.string().nullable(), now: Timestamp });

export const listTeamHandoffs = endpoint({
  method: 'get', path: '/v1/team/handoffs', tag: 'team',
  summary: 'Every handoff of the team, newest first, filterable (admins and managers)',
  query: TeamHandoffQuery,
  responses: { 200: { description: 'Handoffs', schema: TeamHandoffPage } },
  errors: [403],
});

export const TeamHandoffDetail = z.object({
  handoff: TeamHandoff,
  /** The contact's brief as the recipient sees it (its `timeline` is the timeline). */
  brief: Brief,
  /** Audit entries of the handoff and of its deal, newest first. */
  audit: z.array(AuditEntry),
});

export const getTeamHandoff = endpoint({
  method: 'get', path: '/v1/team/handoffs/:id', tag: 'team', params: IdParam,
  summary: 'One handoff with the brief, timeline and audit entries (admins and managers)',
  responses: { 200: { description: 'The handoff', schema: TeamHandoffDetail } },
  errors: [403, 404],
});
