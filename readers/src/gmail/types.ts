import { normalizeEmail } from '@baton/shared';
import { z } from 'zod';

/** Canonical thread id: Gmail's 16-hex legacy id, or the raw `thread-a:...` form it cannot be converted from. */
export const ThreadIdSchema = z.string().regex(/^(?:[0-9a-f]{16}|thread-a:[\w:-]+)$/);

/** Decimal `msg-f` id, or the raw `msg-a:...` form. */
export const MessageIdSchema = z.string().regex(/^(?:\d{1,20}|msg-a:[\w:-]+)$/);

export const PersonSchema = z.object({
  name: z.string().min(1).nullable(),
  email: z.string().refine((value) => normalizeEmail(value) === value, 'email must be normalised'),
});
export type Person = z.infer<typeof PersonSchema>;

export const GmailMessageSchema = z.object({
  messageId: MessageIdSchema,
  legacyMessageId: z.string().regex(/^[0-9a-f]{16}$/).nullable(),
  collapsed: z.boolean(),
  from: PersonSchema.nullable(),
  to: z.array(PersonSchema),
  cc: z.array(PersonSchema),
  // Gmail's title gives the reader's wall-clock time without an offset, so this is a local ISO time.
  date: z.iso.datetime({ local: true }).nullable(),
  dateText: z.string().nullable(),
  bodyText: z.string().nullable(),
});
export type GmailMessage = z.infer<typeof GmailMessageSchema>;

/** Field name -> the selector (and its layout label) that produced it. */
const MatchedSchema = z.record(z.string(), z.string());

export const GmailThreadResultSchema = z.object({
  kind: z.literal('thread'),
  threadId: ThreadIdSchema,
  subject: z.string().nullable(),
  messages: z.array(GmailMessageSchema).min(1),
  user: PersonSchema.nullable(),
  participants: z.array(PersonSchema),
  matched: MatchedSchema,
});

export const GmailListResultSchema = z.object({
  kind: z.literal('list'),
  user: PersonSchema.nullable(),
  senders: z.array(PersonSchema),
  matched: MatchedSchema,
});

export const GmailOtherResultSchema = z.object({
  kind: z.literal('other'),
  user: PersonSchema.nullable(),
  view: z.string().min(1),
});

export const NotRecognisedCodeSchema = z.enum([
  'not_gmail',
  'no_main_view',
  'thread_markup_unknown',
  'thread_id_missing',
  'stale_thread',
]);
export type NotRecognisedCode = z.infer<typeof NotRecognisedCodeSchema>;

export const GmailNotRecognisedSchema = z.object({
  kind: z.literal('not_recognised'),
  code: NotRecognisedCodeSchema,
  reason: z.string().min(1),
});

export const GmailReadResultSchema = z.discriminatedUnion('kind', [
  GmailThreadResultSchema,
  GmailListResultSchema,
  GmailOtherResultSchema,
  GmailNotRecognisedSchema,
]);
export type GmailReadResult = z.infer<typeof GmailReadResultSchema>;
export type GmailThreadResult = z.infer<typeof GmailThreadResultSchema>;
export type GmailListResult = z.infer<typeof GmailListResultSchema>;
export type GmailOtherResult = z.infer<typeof GmailOtherResultSchema>;
export type GmailNotRecognised = z.infer<typeof GmailNotRecognisedSchema>;
