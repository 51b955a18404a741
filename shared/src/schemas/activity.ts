import { z } from 'zod';
import { Id, longText, shortText, Timestamp } from './common.ts';

export const activityTypes = [
  'email',
  'linkedin_profile',
  'linkedin_message',
  'note',
  'call',
  'meeting',
  'handoff',
  'owner_change',
  'stage_change',
] as const;
export const ActivityType = z.enum(activityTypes);
export type ActivityType = z.infer<typeof ActivityType>;

/** Types only the server writes (as a side effect of a handoff or deal change). */
export const serverOnlyActivityTypes = ['handoff', 'owner_change', 'stage_change'] as const;

export const ActivitySource = z
  .object({
    gmailThreadId: shortText(200).optional(),
    gmailMessageId: shortText(200).optional(),
    linkedinUrl: shortText(500).optional(),
    url: shortText(2000).optional(),
  })
  .strict();
export type ActivitySource = z.infer<typeof ActivitySource>;

export const Party = z.object({ name: shortText(200).nullable(), email: shortText(320) });
export type Party = z.infer<typeof Party>;

/** What a LinkedIn profile said when it was captured, so role and company changes show in history. */
export const ProfileSnapshot = z.object({
  name: shortText(200).nullable(),
  headline: shortText(500).nullable(),
  company: shortText(200).nullable(),
  title: shortText(200).nullable(),
  location: shortText(200).nullable(),
  photoUrl: shortText(2000).nullable(),
  capturedAt: Timestamp,
});
export type ProfileSnapshot = z.infer<typeof ProfileSnapshot>;

export const ActivityDetails = z
  .object({
    from: Party.optional(),
    to: z.array(Party).max(200).optional(),
    cc: z.array(Party).max(200).optional(),
    profile: ProfileSnapshot.optional(),
    durationMinutes: z.number().int().min(0).max(24 * 60).optional(),
    outcome: shortText(200).optional(),
    /** `occurredAt` is when the activity was logged: its own time could not be read (e.g. a Gmail date). */
    timeFromLogging: z.literal(true).optional(),
  })
  .strict();
export type ActivityDetails = z.infer<typeof ActivityDetails>;

/** What a client sends: the id is generated on the client so retries are idempotent. */
export const ActivityInput = z
  .object({
    id: Id,
    contactId: Id,
    dealId: Id.nullish(),
    type: ActivityType,
    occurredAt: Timestamp,
    subject: shortText(1000).nullish(),
    body: longText(100_000).nullish(),
    source: ActivitySource.nullish(),
    details: ActivityDetails.nullish(),
  })
  .strict();
export type ActivityInput = z.infer<typeof ActivityInput>;

export const Activity = z.object({
  id: Id,
  contactId: Id,
  dealId: Id.nullable(),
  type: ActivityType,
  occurredAt: Timestamp,
  subject: z.string().nullable(),
  body: z.string().nullable(),
  source: ActivitySource.nullable(),
  details: ActivityDetails.nullable(),
  actorId: Id,
  createdAt: Timestamp,
});
export type Activity = z.infer<typeof Activity>;

export const ActivityBatchInput = z.object({
  /** Items are validated one by one so one bad item never sinks the batch. */
  activities: z.array(z.unknown()).min(1).max(500),
});
export type ActivityBatchInput = z.infer<typeof ActivityBatchInput>;

export const activityResultStatuses = ['created', 'duplicate', 'conflict', 'invalid'] as const;
export const ActivityResult = z.object({
  id: z.string(),
  status: z.enum(activityResultStatuses),
  error: z.string().optional(),
});
export type ActivityResult = z.infer<typeof ActivityResult>;

export const ActivityBatchResult = z.object({ results: z.array(ActivityResult) });
export type ActivityBatchResult = z.infer<typeof ActivityBatchResult>;

export const TimelinePage = z.object({
  activities: z.array(Activity),
  nextCursor: z.string().nullable(),
});
export type TimelinePage = z.infer<typeof TimelinePage>;
