import { drizzle } from 'drizzle-orm/postgres-js';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { ensureEmbedded, releaseEmbedded, type EmbeddedCluster, type StartOptions } from './embedded.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PostgresJsDatabase<Schema>;
/** A transaction or the database itself: code that writes takes this. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  db: Db;
  /** 'embedded': the PostgreSQL that Baton runs in BATON_DATA_DIR; 'postgres': a server of yours. */
  kind: 'embedded' | 'postgres';
  /** The postgres:// URL this process is connected to (it carries the embedded password). */
  url: string;
  /** The connection pool under `db`, for what the query builder does not do (COPY-like bulk work). */
  sql: postgres.Sql;
  /** Subscribes to a NOTIFY channel; the returned function unsubscribes. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Runs `work` holding a database-wide advisory lock (other processes wait for it). */
  exclusive<T>(lockKey: number, work: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A postgres:// URL; when absent the embedded PostgreSQL in `dataDir` is used (started if need be). */
  databaseUrl?: string | undefined;
  /** The embedded database's folder (BATON_DATA_DIR). */
  dataDir?: string;
  /** Connections in the pool. */
  poolSize?: number;
  /** How the embedded server is started when this process has to start it. */
  embedded?: StartOptions;
  /** Named (prepared) statements allowed (BATON_PREPARED_STATEMENTS); default true. */
  preparedStatements?: boolean;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const max = options.poolSize ?? 10;
  const prepare = options.preparedStatements ?? true;
  if (options.databaseUrl) return openPostgres(options.databaseUrl, max, prepare, 'postgres', null);
  if (!options.dataDir) throw new Error('openDatabase needs a databaseUrl or the dataDir of the embedded database');
  const cluster = await ensureEmbedded(options.dataDir, options.embedded);
  return openPostgres(cluster.url, max, prepare, 'embedded', cluster);
}

async function openPostgres(url: string, max: number, prepare: boolean, kind: Database['kind'], cluster: EmbeddedCluster | null): Promise<Database> {
  // `prepare: false` makes the driver send every statement unnamed, even those lib/prepared.ts names.
  const sql = postgres(url, { max, prepare, onnotice: () => {}, connect_timeout: 10 });
  // Fail at start with a clear message rather than on the first request.
  try {
    await sql`select 1`;
  } catch (error) {
    await sql.end({ timeout: 1 }).catch(() => undefined);
    throw error;
  }
  const db = drizzle(sql, { schema });
  let closed: Promise<void> | null = null;
  return {
    db,
    kind,
    url,
    sql,
    async listen(channel, onPayload) {
      const subscription = await sql.listen(channel, onPayload);
      return async () => subscription.unlisten();
    },
    async exclusive(lockKey, work) {
      // A one-connection client of its own: a session lock needs the same connection throughout.
      const single = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
      try {
        await single`select pg_advisory_lock(${lockKey})`;
        return await work(drizzle(single, { schema }));
      } finally {
        await single.end({ timeout: 5 });
      }
    },
    close() {
      closed ??= (async () => {
        await sql.end({ timeout: 5 });
        if (cluster) await releaseEmbedded(cluster);
      })();
      return closed;
    },
  };
}
