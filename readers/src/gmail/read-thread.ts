import { cleanText, type Found } from './dom.ts';
import { dedupePeople } from './person.ts';
import { readMessage } from './read-message.ts';
import { readThreadId } from './read-thread-id.ts';
import type { UserRead } from './read-user.ts';
import type { GmailMessage, GmailReadResult, GmailThreadResult, MissingField, Person } from './types.ts';

/**
 * A thread view, read field by field: whatever the page shows is returned, whatever it does not is
 * named in `missing`. Only a thread that is still the previous one (stale) is not a thread.
 */
export function readThread(
  main: Element,
  heading: Found | null,
  messageElements: Found<Element[]> | null,
  urlToken: string | null,
  { user, via: userVia }: UserRead,
  lang: string | null,
): GmailReadResult {
  const matched: Record<string, string> = {};
  const missing: MissingField[] = [];
  const warnings: string[] = [];
  const messages: GmailMessage[] = [];
  (messageElements?.value ?? []).forEach((element, index) => {
    const read = readMessage(element, lang);
    messages.push(read.message);
    for (const [field, via] of Object.entries(read.matched)) matched[field] ??= via;
    for (const gap of read.missing) missing.push({ field: `messages.${index}.${gap.field}`, reason: gap.reason });
    if (read.opaqueId) warnings.push(`message ${index + 1} has an id in an unknown spelling, kept as is: ${read.message.messageId}`);
  });
  const id = readThreadId(main, heading?.value ?? null, urlToken, messages[0]?.messageId ?? null);
  if (!id.ok) return { kind: 'not_recognised', code: id.code, reason: id.reason };
  warnings.push(...id.warnings);
  if (id.via) matched.threadId = id.via;
  else missing.push({ field: 'threadId', reason: 'no thread id on the heading, in the address or on the first message' });
  if (heading) matched.subject = heading.via;
  const subject = heading ? cleanText(heading.value) : null;
  if (subject === null) missing.push({ field: 'subject', reason: heading ? 'the subject heading is empty' : 'no subject heading matched' });
  if (messageElements) matched.messages = messageElements.via;
  else missing.push({ field: 'messages', reason: 'a subject is shown but no message element matched' });
  if (userVia) matched.user = userVia;
  else missing.push({ field: 'user', reason: 'no account button or page title names the signed-in user' });
  const everyone: Person[] = messages.flatMap((m) => [...(m.from ? [m.from] : []), ...m.to, ...m.cc]);
  return {
    kind: 'thread',
    threadId: id.threadId,
    subject,
    messages,
    user,
    participants: dedupePeople(everyone, user?.email ?? null),
    lang,
    matched,
    missing,
    warnings,
  };
}

/**
 * Why this thread cannot be logged, or null when it can: logging is idempotent by message id, so
 * every message needs one (in any spelling) and the thread needs an id to remember it by.
 */
export function logBlocker(thread: { threadId: string | null; messages: readonly { messageId: string | null }[] }): string | null {
  if (thread.messages.length === 0) return 'Baton cannot see any message of this thread.';
  const unnamed = thread.messages.filter((message) => message.messageId === null).length;
  if (unnamed > 0) {
    return unnamed === thread.messages.length
      ? 'Gmail shows these messages without an id, so Baton could not tell them apart when logging again.'
      : `${unnamed} of ${thread.messages.length} messages have no id on this page, so Baton could not tell them apart when logging again.`;
  }
  if (thread.threadId === null) return 'Gmail shows this thread without an id, so Baton could not remember that it was logged.';
  return null;
}

/** A thread whose every message has an id: what logging needs. */
export type LoggableGmailThread = Omit<GmailThreadResult, 'threadId' | 'messages'> & {
  threadId: string;
  messages: (GmailMessage & { messageId: string })[];
};

export function asLoggable(thread: GmailThreadResult): { ok: true; thread: LoggableGmailThread } | { ok: false; reason: string } {
  const reason = logBlocker(thread);
  if (reason !== null || thread.threadId === null) return { ok: false, reason: reason ?? 'no thread id' };
  const messages = thread.messages.flatMap((message) => (message.messageId === null ? [] : [{ ...message, messageId: message.messageId }]));
  return { ok: true, thread: { ...thread, threadId: thread.threadId, messages } };
}
