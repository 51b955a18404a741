import { ActivityInput, serverOnlyActivityTypes, type ActivityResult } from '@baton/shared';
import { containsNul } from '@baton/shared/api';
import type { Caller } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import { prepared } from '../../lib/prepared.ts';
import { contentHash, dedupeKeyOf } from './content-hash.ts';
import { arrayLiteral } from './sql.ts';

interface Candidate {
  index: number;
  input: ActivityInput;
  hash: string;
  dedupeKey: string | null;
}

interface Stored {
  id: string;
  contentHash: string;
  dedupeKey: string | null;
}

const serverOnly: readonly string[] = serverOnlyActivityTypes;

/*
 * The batch's statements, constant text so they are prepared (lib/prepared.ts). Lists travel as
 * ONE array parameter each (see sql.ts), so a 50-item batch binds a handful of parameters.
 */
export const storedOfBatch = `
  select id, content_hash, dedupe_key from activities
  where org_id = $1::uuid and (id = any($2::uuid[]) or dedupe_key = any($3::text[]))`;
export const contactsOfBatch = `
  select id, merged_into_id from contacts where org_id = $1::uuid and id = any($2::uuid[]) for key share`;
const dealsOfBatch = `select id, contact_id from deals where org_id = $1::uuid and id = any($2::uuid[])`;

/**
 * The insert, which also writes the audit trail (one row per contact the batch added to, with
 * counts by type) from what it returned: one round trip. The rows travel as one JSON parameter
 * and are unpacked by the database. $1 org, $2 actor, $3 rows, $4 request id. Exported for the
 * benchmark's database floor (bench/floor.ts), which runs exactly this.
 */
export const insertBatch = `
  with ins as (
    insert into activities (org_id, id, contact_id, deal_id, type, occurred_at, subject, body, source, details,
      actor_id, dedupe_key, content_hash, created_at)
    select $1::uuid, r.id, r.contact_id, r.deal_id, r.type, r.occurred_at, r.subject, r.body, r.source, r.details,
      $2::uuid, r.dedupe_key, r.content_hash, now()
    from jsonb_to_recordset($3::jsonb) as r(id uuid, contact_id uuid, deal_id uuid, type text,
      occurred_at timestamptz, subject text, body text, source jsonb, details jsonb, dedupe_key text, content_hash text)
    on conflict do nothing
    returning id, contact_id, type
  ),
  per_type as (select contact_id, type, count(*) as n from ins group by contact_id, type),
  audited as (
    insert into audit_log (org_id, id, actor_id, action, entity_type, entity_id, before, after, request_id)
    select $1::uuid, gen_random_uuid(), $2::uuid, 'activities.batch', 'contact', contact_id, null,
      jsonb_build_object('created', sum(n), 'byType', jsonb_object_agg(type, n)), $4::text
    from per_type group by contact_id
  )
  select id from ins`;

/**
 * Stores a batch of client activities with a constant number of queries whatever its size:
 * one lookup of what exists, one of contacts, one of deals, and one insert that also writes the
 * audit rows. Each item gets its own result, in input order; a bad item never sinks the others.
 */
export async function ingestActivities(db: Db, caller: Caller, items: readonly unknown[]): Promise<ActivityResult[]> {
  const results: (ActivityResult | undefined)[] = new Array(items.length);
  const leaders = new Map<string, Candidate>();
  const followers: Candidate[] = [];
  items.forEach((item, index) => {
    const parsed = ActivityInput.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
      results[index] = { id: rawId(item), status: 'invalid', error: `${where}${issue?.message ?? 'invalid activity'}` };
      return;
    }
    const input = parsed.data;
    if (serverOnly.includes(input.type)) {
      results[index] = { id: input.id, status: 'invalid', error: `type "${input.type}" is written by the server only` };
      return;
    }
    if (containsNul(input)) {
      results[index] = { id: input.id, status: 'invalid', error: 'text may not contain NUL characters' };
      return;
    }
    const candidate = { index, input, hash: contentHash(input), dedupeKey: dedupeKeyOf(input) };
    // A second item with the same id in one batch is judged against the first one.
    if (leaders.has(input.id)) followers.push(candidate);
    else leaders.set(input.id, candidate);
  });

  const leading = [...leaders.values()];
  if (leading.length > 0) {
    await db.transaction((tx) => store(tx, caller, leading, results));
  }
  for (const follower of followers) {
    const leader = leaders.get(follower.input.id);
    const outcome = leader ? results[leader.index] : undefined;
    results[follower.index] =
      leader?.hash !== follower.hash
        ? { id: follower.input.id, status: 'conflict', error: 'this id was already used for other content' }
        : outcome?.status === 'created'
          ? { id: follower.input.id, status: 'duplicate' }
          : (outcome ?? { id: follower.input.id, status: 'duplicate' });
  }
  return results.map((result, index) => result ?? { id: rawId(items[index]), status: 'invalid', error: 'not processed' });
}

async function store(tx: Tx, caller: Caller, leading: Candidate[], results: (ActivityResult | undefined)[]) {
  const { orgId } = caller;
  const ids = leading.map((candidate) => candidate.input.id);
  const keys = [...new Set(leading.flatMap((candidate) => (candidate.dedupeKey ? [candidate.dedupeKey] : [])))];
  const contactIds = [...new Set(leading.map((candidate) => candidate.input.contactId))];
  const dealIds = [...new Set(leading.flatMap((candidate) => (candidate.input.dealId ? [candidate.input.dealId] : [])))];

  // The three lookups are prepared statements sent together: one round trip on the connection.
  const [existing, contactRows, dealRows] = await Promise.all([
    findStored(tx, orgId, ids, keys),
    // KEY SHARE holds off a merge of these contacts until this batch commits, so no activity
    // lands on a contact that has just become a tombstone.
    prepared<{ id: string; merged_into_id: string | null }>(tx, contactsOfBatch, [orgId, arrayLiteral(contactIds)]),
    dealIds.length === 0 ? Promise.resolve([]) : prepared<{ id: string; contact_id: string }>(tx, dealsOfBatch, [orgId, arrayLiteral(dealIds)]),
  ]);
  const survivorOf = new Map(contactRows.map((row) => [row.id, row.merged_into_id ?? row.id]));
  const contactOfDeal = new Map(dealRows.map((row) => [row.id, row.contact_id]));

  const toInsert: (Candidate & { contactId: string })[] = [];
  const claimedKeys = new Set<string>();
  for (const candidate of leading) {
    const { input } = candidate;
    const prior = judgeAgainstStored(candidate, existing);
    if (prior) {
      results[candidate.index] = prior;
      continue;
    }
    const contactId = survivorOf.get(input.contactId);
    if (!contactId) {
      results[candidate.index] = { id: input.id, status: 'invalid', error: 'unknown contact' };
      continue;
    }
    if (input.dealId && contactOfDeal.get(input.dealId) !== contactId) {
      results[candidate.index] = { id: input.id, status: 'invalid', error: 'dealId is not a deal of this contact' };
      continue;
    }
    if (candidate.dedupeKey) {
      if (claimedKeys.has(candidate.dedupeKey)) {
        results[candidate.index] = { id: input.id, status: 'duplicate' };
        continue;
      }
      claimedKeys.add(candidate.dedupeKey);
    }
    toInsert.push({ ...candidate, contactId });
  }
  if (toInsert.length === 0) return;

  // The rows travel as one JSON parameter and are unpacked by the database (see activities-sql.ts).
  const rows = toInsert.map(({ input, hash, dedupeKey, contactId }) => ({
    id: input.id,
    contact_id: contactId,
    deal_id: input.dealId ?? null,
    type: input.type,
    occurred_at: new Date(input.occurredAt).toISOString(),
    subject: input.subject ?? null,
    body: input.body ?? null,
    source: input.source ?? null,
    details: input.details ?? null,
    dedupe_key: dedupeKey,
    content_hash: hash,
  }));
  // The audit trail (one row per contact the batch added to, with counts by type) is written by
  // the same statement from what the insert returned: one round trip fewer per batch.
  const inserted = await prepared<{ id: string }>(tx, insertBatch, [orgId, caller.userId, JSON.stringify(rows), caller.requestId]);
  const createdIds = new Set(inserted.map((row) => row.id));
  const lost = toInsert.filter((candidate) => !createdIds.has(candidate.input.id));
  // Only when a concurrent request stored the same id or message first: ask once more what won.
  const winners = lost.length === 0 ? [] : await findStored(tx, orgId, lost.map((c) => c.input.id), lost.flatMap((c) => (c.dedupeKey ? [c.dedupeKey] : [])));
  for (const candidate of toInsert) {
    results[candidate.index] = createdIds.has(candidate.input.id)
      ? { id: candidate.input.id, status: 'created' }
      : (judgeAgainstStored(candidate, winners) ?? { id: candidate.input.id, status: 'duplicate' });
  }
}

async function findStored(tx: Tx, orgId: string, ids: string[], keys: string[]): Promise<Stored[]> {
  const rows = await prepared<{ id: string; content_hash: string; dedupe_key: string | null }>(tx, storedOfBatch, [orgId, arrayLiteral(ids), arrayLiteral(keys)]);
  return rows.map((row) => ({ id: row.id, contentHash: row.content_hash, dedupeKey: row.dedupe_key }));
}

function judgeAgainstStored(candidate: Candidate, stored: readonly Stored[]): ActivityResult | null {
  const id = candidate.input.id;
  const sameId = stored.find((row) => row.id === id);
  if (sameId) {
    return sameId.contentHash === candidate.hash ? { id, status: 'duplicate' } : { id, status: 'conflict', error: 'this id was already used for other content' };
  }
  if (candidate.dedupeKey && stored.some((row) => row.dedupeKey === candidate.dedupeKey)) return { id, status: 'duplicate' };
  return null;
}

function rawId(item: unknown): string {
  return item !== null && typeof item === 'object' && 'id' in item && typeof item.id === 'string' ? item.id.slice(0, 100) : '';
}
