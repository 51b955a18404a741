import { cleanText, type Found } from './dom.ts';
import { dedupePeople } from './person.ts';
import { readMessage } from './read-message.ts';
import { readThreadId } from './read-thread-id.ts';
import type { UserRead } from './read-user.ts';
import type { GmailMessage, GmailReadResult, Person } from './types.ts';

export function readThread(
  main: Element,
  heading: Found | null,
  messageElements: Found<Element[]> | null,
  urlToken: string | null,
  { user, via: userVia }: UserRead,
): GmailReadResult {
  const id = readThreadId(main, heading?.value ?? null, urlToken);
  if (!id.ok) return { kind: 'not_recognised', code: id.code, reason: id.reason };
  const matched: Record<string, string> = { threadId: id.via };
  if (heading) matched.subject = heading.via;
  if (userVia) matched.user = userVia;
  const messages: GmailMessage[] = [];
  const skipped: string[] = [];
  for (const element of messageElements?.value ?? []) {
    const read = readMessage(element);
    if (!read.ok) {
      skipped.push(read.reason);
      continue;
    }
    messages.push(read.message);
    for (const [field, via] of Object.entries(read.matched)) matched[field] ??= via;
  }
  if (messages.length === 0) {
    return {
      kind: 'not_recognised',
      code: 'thread_markup_unknown',
      reason: `thread ${id.threadId} is open but no message matched: ${skipped[0] ?? 'no message element had an id'}`,
    };
  }
  if (messageElements) matched.messages = messageElements.via;
  if (skipped.length > 0) matched.skippedMessages = `${skipped.length}: ${skipped.join('; ')}`;
  const everyone: Person[] = messages.flatMap((m) => [...(m.from ? [m.from] : []), ...m.to, ...m.cc]);
  return {
    kind: 'thread',
    threadId: id.threadId,
    subject: heading ? cleanText(heading.value) : null,
    messages,
    user,
    participants: dedupePeople(everyone, user?.email ?? null),
    matched,
  };
}
