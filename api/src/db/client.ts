import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: code that writes takes this. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Subscribes to a NOTIFY channel; the returned function unsubscribes. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Runs `work` holding a database-wide advisory lock (other processes wait for it). */
  exclusive<T>(lockKey: number, work: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The rows of `db.execute()`: postgres-js answers an array of rows, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return ((Array.isArray(result) ? result : (result as { rows?: unknown[] }).rows) ?? []) as T[];
}

export interface OpenOptions {
  /** A postgres:// URL; when absent the embedded database is used. */
  databaseUrl?: string | undefined;
  /** The embedded database's folder, or 'memory' for a throwaway in-memory one (tests). */
  dataDir?: string | 'memory';
  /** Connections in the pool (PostgreSQL only). */
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir ?? 'memory');
}

async function openPglite(dataDir: string): Promise<Database> {
  const client = dataDir === 'memory' ? new PGlite() : new PGlite(dataDir);
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async listen(channel, onPayload) {
      const unsubscribe = await client.listen(channel, onPayload);
      return async () => unsubscribe();
    },
    // One process owns the embedded database, so there is nobody to wait for.
    exclusive: (_lockKey, work) => work(db),
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const sql = postgres(url, { max, onnotice: () => {}, connect_timeout: 10 });
  // Fail at start with a clear message rather than on the first request.
  await sql`select 1`;
  const db = drizzlePostgres(sql, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async listen(channel, onPayload) {
      const subscription = await sql.listen(channel, onPayload);
      return async () => subscription.unlisten();
    },
    async exclusive(lockKey, work) {
      // A one-connection client of its own: a session lock needs the same connection throughout.
      const single = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
      try {
        await single`select pg_advisory_lock(${lockKey})`;
        return await work(drizzlePostgres(single, { schema }) as unknown as Db);
      } finally {
        await single.end({ timeout: 5 });
      }
    },
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
