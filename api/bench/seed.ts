import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Database, Db } from '../src/db/client.ts';
import { ensureEmbedded, releaseEmbedded } from '../src/db/embedded.ts';
import * as schema from '../src/db/schema.ts';

/*
 * Bulk data for the benchmark, written with generate_series in large statements (the HTTP API
 * would take hours for a million activities). Contact n has the email c<n>@bench.example and an
 * id derived from (org, n), so the load generator can name contacts without asking the server.
 */

/** Counts the SQL statements drizzle sends, to show the queries per request do not grow with data. */
export interface QueryCounter {
  count: number;
}

/** A Database like openDatabase's, with a statement counter (openDatabase takes no logger). */
export async function openCountingDatabase(target: { databaseUrl?: string; dataDir?: string }, counter: QueryCounter): Promise<Database> {
  const cluster = target.databaseUrl ? null : await ensureEmbedded(target.dataDir ?? '');
  const url = target.databaseUrl ?? cluster?.url ?? '';
  const client = postgres(url, { max: 4, onnotice: () => {} });
  const db = drizzle(client, { schema });
  // Counted at the driver, where drizzle's statements and the prepared ones (lib/prepared.ts) go.
  const unsafe = client.unsafe;
  client.unsafe = ((...args: Parameters<typeof unsafe>) => {
    counter.count += 1;
    return unsafe(...args);
  }) as typeof unsafe;
  return {
    db,
    kind: cluster ? 'embedded' : 'postgres',
    url,
    sql: client,
    listen: async (channel, onPayload) => {
      const subscription = await client.listen(channel, onPayload);
      return () => subscription.unlisten();
    },
    exclusive: (_key, work) => work(db),
    close: async () => {
      await client.end({ timeout: 5 });
      if (cluster) await releaseEmbedded(cluster);
    },
  };
}

/**
 * The id the seed gives contact n of an organisation: md5(org || n) shaped as an RFC 9562
 * version-4 UUID (version nibble 4, variant bits 10). A bare md5 as a UUID fails zod's uuid()
 * about 7 times in 8, which once made the benchmark count rejected items as stored.
 */
export function benchContactId(orgId: string, n: number): string {
  const hex = createHash('md5').update(`${orgId}${n}`).digest('hex');
  const v4 = `${hex.slice(0, 12)}4${hex.slice(13, 16)}8${hex.slice(17)}`;
  return `${v4.slice(0, 8)}-${v4.slice(8, 12)}-${v4.slice(12, 16)}-${v4.slice(16, 20)}-${v4.slice(20)}`;
}

/** benchContactId in SQL, for an expression giving the md5 input. */
const uuidV4Of = (md5Input: string) => sql.raw(`overlay(overlay(md5(${md5Input}) placing '4' from 13) placing '8' from 17)::uuid`);

/** The activities one benchmark batch sends: new ids, valid input, random seeded contacts. */
export function benchBatch(orgId: string, contacts: number, size = 50): Array<Record<string, string>> {
  const occurredAt = new Date().toISOString();
  return Array.from({ length: size }, (_, i) => ({
    id: randomUUID(),
    contactId: benchContactId(orgId, 1 + Math.floor(Math.random() * contacts)),
    type: 'note',
    occurredAt,
    subject: `Bench note ${i}`,
    body: 'Talked about the renewal; they want the security review before the end of the quarter.',
  }));
}

export const benchEmail = (n: number) => `c${n}@bench.example`;

const BATCH = 100_000;

async function inBatches(from: number, to: number, insert: (lo: number, hi: number) => Promise<unknown>) {
  for (let lo = from; lo <= to; lo += BATCH) await insert(lo, Math.min(to, lo + BATCH - 1));
}

/** Contacts from..to (every tenth with an open deal), each with its email identity. */
export async function seedContacts(db: Db, orgId: string, ownerId: string, from: number, to: number): Promise<void> {
  await inBatches(from, to, async (lo, hi) => {
    await db.execute(sql`
      insert into contacts (org_id, id, name, title, company, location, owner_id)
      select ${orgId}::uuid, ${uuidV4Of(`'${orgId}' || i::text`)}, 'Contact ' || i, 'Head of Sales', 'Company ' || (i % 5000), 'Berlin', ${ownerId}::uuid
      from generate_series(${lo}::int, ${hi}::int) as i`);
    await db.execute(sql`
      insert into contact_identities (org_id, kind, value, contact_id)
      select ${orgId}::uuid, 'email', 'c' || i || '@bench.example', ${uuidV4Of(`'${orgId}' || i::text`)}
      from generate_series(${lo}::int, ${hi}::int) as i`);
    await db.execute(sql`
      insert into deals (org_id, id, contact_id, title, stage, owner_id, need, next_step_what, next_step_due_at, next_step_owner_id)
      select ${orgId}::uuid, ${uuidV4Of(`'deal${orgId}' || i::text`)}, ${uuidV4Of(`'${orgId}' || i::text`)}, 'Deal ' || i, 'qualifying',
             ${ownerId}::uuid, 'Faster handoffs', 'Discovery call', now() + interval '3 days', ${ownerId}::uuid
      from generate_series(${lo}::int, ${hi}::int) as i where i % 10 = 0`);
  });
}

/** Activities from..to, spread over contacts 1..contacts, a minute apart going back in time. */
export async function seedActivities(db: Db, orgId: string, actorId: string, contacts: number, from: number, to: number): Promise<void> {
  await inBatches(from, to, async (lo, hi) => {
    await db.execute(sql`
      insert into activities (org_id, id, contact_id, type, occurred_at, subject, body, actor_id, content_hash)
      select ${orgId}::uuid, gen_random_uuid(), ${uuidV4Of(`'${orgId}' || ((i % ${contacts}) + 1)::text`)},
             (array['email', 'linkedin_message', 'note', 'call'])[i % 4 + 1], now() - i * interval '1 minute',
             'Subject ' || i, 'Hello, following up on our conversation about pricing and timelines. ' || i,
             ${actorId}::uuid, md5(i::text)
      from generate_series(${lo}::int, ${hi}::int) as i`);
  });
}
