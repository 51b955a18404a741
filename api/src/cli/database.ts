import { openDatabase, type Database } from '../db/client.ts';
import { lockDataDir } from '../db/lock.ts';
import { migrate } from '../db/migrate.ts';
import type { Env } from '../env.ts';

/**
 * Opens the configured database for one CLI command, with pending migrations applied. The
 * embedded database is locked for the command's duration (a running server makes this throw
 * DataDirLockedError); a PostgreSQL server needs no lock.
 */
export async function withDatabase<T>(env: Env, command: string, work: (database: Database) => Promise<T>): Promise<T> {
  const lock = env.databaseUrl ? null : lockDataDir(env.dataDir, command);
  try {
    const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, poolSize: 2 });
    try {
      await migrate(database);
      return await work(database);
    } finally {
      await database.close();
    }
  } finally {
    lock?.release();
  }
}
