import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { Database } from './client.ts';

export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

// Any fixed number: servers starting together against one PostgreSQL take turns migrating.
const MIGRATION_LOCK = 0x6261746f;

/** Applies the committed SQL migrations that the database has not seen yet. */
export async function migrate(database: Database): Promise<void> {
  await database.exclusive(MIGRATION_LOCK, (db) => migratePostgres(db, { migrationsFolder }));
}
