import { normalizeEmail } from '@baton/shared';
import { z } from 'zod';

/**
 * A thread id: Gmail's 16-hex legacy id when the spelling is known (`thread-f:`, hex, URL token),
 * the raw `thread-a:...` form, or — for a spelling Baton has never seen — the page's own value
 * kept as an opaque id (`opaque:<value>`). Logging only needs the same value for the same thread.
 */
export const ThreadIdSchema = z.string().regex(/^(?:[0-9a-f]{16}|thread-a:[\w:-]+|opaque:[\x21-\x7e]{1,200})$/);

/** Decimal `msg-f` id, the raw `msg-a:...` form, or `opaque:<value>` for an unknown spelling. */
export const MessageIdSchema = z.string().regex(/^(?:\d{1,20}|msg-a:[\w:-]+|opaque:[\x21-\x7e]{1,200})$/);

/** What the reader could not read on a page it did recognise, by field path (`messages.1.date`). */
export const MissingFieldSchema = z.object({ field: z.string().min(1), reason: z.string().min(1) });
export type MissingField = z.infer<typeof MissingFieldSchema>;

export const PersonSchema = z.object({
  name: z.string().min(1).nullable(),
  email: z.string().refine((value) => normalizeEmail(value) === value, 'email must be normalised'),
});
export type Person = z.infer<typeof PersonSchema>;

export const GmailMessageSchema = z.object({
  /** Null when the message element carries no id at all: it is shown, but cannot be logged. */
  messageId: MessageIdSchema.nullable(),
  legacyMessageId: z.string().regex(/^[0-9a-f]{16}$/).nullable(),
  collapsed: z.boolean(),
  from: PersonSchema.nullable(),
  to: z.array(PersonSchema),
  cc: z.array(PersonSchema),
  // Gmail's title gives the reader's wall-clock time without an offset, so this is a local ISO time.
  date: z.iso.datetime({ local: true }).nullable(),
  dateText: z.string().nullable(),
  /** The full localized date Gmail gave (the `title`), kept when `date` could not be read from it. */
  dateTitle: z.string().nullable(),
  bodyText: z.string().nullable(),
});
export type GmailMessage = z.infer<typeof GmailMessageSchema>;

/** Field name -> the selector (and its layout label) that produced it. */
const MatchedSchema = z.record(z.string(), z.string());

export const GmailThreadResultSchema = z.object({
  kind: z.literal('thread'),
  /** Null when neither the heading, the address nor the first message names the thread. */
  threadId: ThreadIdSchema.nullable(),
  subject: z.string().nullable(),
  messages: z.array(GmailMessageSchema),
  user: PersonSchema.nullable(),
  participants: z.array(PersonSchema),
  /** The page's `<html lang>`, which the dates were read in. */
  lang: z.string().nullable(),
  matched: MatchedSchema,
  /** Fields the page did not give: the result is partial, never guessed. */
  missing: z.array(MissingFieldSchema),
  /** How a field was read when it was not the usual way (e.g. the thread id from the first message). */
  warnings: z.array(z.string()),
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
