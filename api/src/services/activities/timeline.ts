import { Timestamp, type Activity } from '@baton/shared';
import { TIMELINE_DEFAULT_LIMIT } from '@baton/shared/api';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Caller } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { activities } from '../../db/schema.ts';
import { badRequest } from '../../errors.ts';
import { requireLiveContact } from '../contacts/store.ts';
import { toActivity } from '../serialize.ts';

const CursorShape = z.object({ t: Timestamp, i: z.uuid() });
interface Cursor {
  occurredAt: Date;
  id: string;
}

/** Opaque to clients: where the previous page ended. Times are stored with millisecond precision. */
export function encodeCursor(activity: Pick<Activity, 'occurredAt' | 'id'>): string {
  return Buffer.from(JSON.stringify({ t: activity.occurredAt, i: activity.id })).toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw badRequest('The cursor is invalid: pass back a nextCursor as given');
    throw error;
  }
  const shape = CursorShape.safeParse(parsed);
  if (!shape.success) throw badRequest('The cursor is invalid: pass back a nextCursor as given');
  return { occurredAt: new Date(shape.data.t), id: shape.data.i };
}

/**
 * One page of a contact's activities, newest first. Activities always live under the surviving
 * contact (batches follow aliases, merges move them), so one index range scan serves the page.
 */
export async function timelinePage(
  db: Tx,
  orgId: string,
  contactId: string,
  options: { cursor?: string | undefined; limit?: number | undefined } = {},
): Promise<{ activities: Activity[]; nextCursor: string | null }> {
  const limit = options.limit ?? TIMELINE_DEFAULT_LIMIT;
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  const rows = await db
    .select()
    .from(activities)
    .where(
      and(
        eq(activities.orgId, orgId),
        eq(activities.contactId, contactId),
        after ? sql`(${activities.occurredAt}, ${activities.id}) < (${after.occurredAt.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    // NULLS LAST spelled out to match activities_timeline_idx: a bare DESC (nulls first) makes
    // PostgreSQL read and sort every activity of the contact instead of walking the index.
    .orderBy(sql`${activities.occurredAt} desc nulls last`, sql`${activities.id} desc nulls last`)
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(toActivity);
  const last = page.at(-1);
  return { activities: page, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/** The timeline endpoint: one page of the live contact `id` names. */
export async function contactTimeline(db: Tx, caller: Caller, id: string, options: { cursor?: string | undefined; limit?: number | undefined }) {
  const contact = await requireLiveContact(db, caller.orgId, id);
  return timelinePage(db, caller.orgId, contact.id, options);
}
