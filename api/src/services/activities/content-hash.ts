import { createHash } from 'node:crypto';
import type { ActivityInput } from '@baton/shared';

/** JSON with object keys sorted and undefined dropped: equal content always serialises alike. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
}

/**
 * What the client said, normalised (absent and null alike, times in UTC milliseconds), hashed:
 * a replay hashes the same, an edit under a reused id does not. An email whose own date could not
 * be read is timed when it is logged, so another device logging the same message is a duplicate.
 */
export function contentHash(input: ActivityInput): string {
  const canonical = {
    id: input.id,
    contactId: input.contactId,
    dealId: input.dealId ?? null,
    type: input.type,
    // A time taken from the moment of logging differs on every replay: it is not the content.
    occurredAt: input.details?.timeFromLogging ? null : new Date(input.occurredAt).toISOString(),
    subject: input.subject ?? null,
    body: input.body ?? null,
    source: input.source ?? null,
    details: input.details ?? null,
  };
  return createHash('sha256').update(stableJson(canonical)).digest('base64url');
}

/** A second key for the same real-world item: one Gmail message is logged once per organisation. */
export function dedupeKeyOf(input: ActivityInput): string | null {
  return input.type === 'email' && input.source?.gmailMessageId ? `gmail:${input.source.gmailMessageId}` : null;
}
