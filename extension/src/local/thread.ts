import { z } from 'zod';

/*
 * What `logThread` needs of a Gmail thread. It mirrors the page reader's result
 * (readers/src/gmail/types.ts) without importing it, so either can evolve; extra fields are ignored.
 */
const Person = z.object({ name: z.string().nullable(), email: z.string() });

export const ThreadMessage = z.object({
  messageId: z.string().min(1).max(200),
  from: Person.nullable(),
  to: z.array(Person),
  cc: z.array(Person),
  /** ISO time, with or without an offset (Gmail shows the reader's wall-clock time). */
  date: z.string().nullable(),
  bodyText: z.string().nullable(),
  collapsed: z.boolean(),
});
export type ThreadMessage = z.infer<typeof ThreadMessage>;

export const ThreadInput = z.object({
  threadId: z.string().min(1).max(200),
  subject: z.string().nullable(),
  messages: z.array(ThreadMessage),
});
export type ThreadInput = z.infer<typeof ThreadInput>;
