import { openDatabase, type Database } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import type { Env } from '../env.ts';

/**
 * Opens the configured database for one CLI command, with pending migrations applied. The
 * embedded PostgreSQL is shared with a running server (or started for the command and stopped
 * after it when nobody else uses it).
 */
export async function withDatabase<T>(env: Env, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, poolSize: 2 });
  try {
    await migrate(database);
    return await work(database);
  } finally {
    await database.close();
  }
}
