import type postgres from 'postgres';
import type { Tx } from '../db/client.ts';

/**
 * Runs a statement whose text never changes as a named (prepared) statement on the connection:
 * PostgreSQL parses and plans it once per connection instead of on every request, and the driver
 * skips the Describe round trip it needs for an unnamed statement with parameters. The driver's
 * `prepare` option (BATON_PREPARED_STATEMENTS, see env.ts and docs/scaling.md on PgBouncer) turns
 * this off for the whole pool; the statement then runs unnamed, with the same result.
 *
 * `db` may be the database or a transaction: both carry the postgres.js client (or the
 * transaction's reserved connection) in their session, which drizzle does not expose by type.
 */
export function prepared<Row extends Record<string, unknown>>(db: Tx, text: string, params: readonly unknown[]): Promise<Row[]> {
  const client = (db as unknown as { session: { client: postgres.Sql } }).session.client;
  return client.unsafe(text, params as never[], { prepare: true }) as unknown as Promise<Row[]>;
}
