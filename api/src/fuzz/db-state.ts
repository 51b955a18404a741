import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

/*
 * A fingerprint of everything the API stores: the row count and a hash of the contents of every
 * table in the public schema (read from the catalog, so a table added later is covered too).
 */

export type DbState = Record<string, { rows: number; hash: string }>;

type Row = Record<string, unknown>;

export async function listTables(db: Db): Promise<string[]> {
  const result = await db.execute<Row>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return result.map((row) => String(row.table_name));
}

/**
 * Bookkeeping that any authenticated request may update, rejected or not: a token's last use is
 * a use (written at most once a minute, so whether a given request writes it depends on order).
 */
const bookkeeping: Record<string, string[]> = { api_tokens: ['last_used_at'] };

export async function databaseState(db: Db, tables: string[]): Promise<DbState> {
  const parts = tables.map((table) => {
    const quoted = `"${table.replaceAll('"', '""')}"`;
    const literal = `'${table.replaceAll("'", "''")}'`;
    const ignored = bookkeeping[table] ?? [];
    const row = ignored.length === 0 ? 't::text' : `(to_jsonb(t) - array[${ignored.map((column) => `'${column}'`).join(', ')}])::text`;
    return `select ${literal} as name, count(*)::int as rows, coalesce(md5(string_agg(${row}, E'\\n' order by ${row})), '') as hash from ${quoted} t`;
  });
  const result = await db.execute<Row>(sql.raw(parts.join(' union all ')));
  return Object.fromEntries(result.map((row) => [String(row.name), { rows: Number(row.rows), hash: String(row.hash) }]));
}

/** The tables whose count or contents differ, described for a failure message. */
export function diffStates(before: DbState, after: DbState): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].flatMap((name) => {
    const a = before[name];
    const b = after[name];
    if (a?.rows === b?.rows && a?.hash === b?.hash) return [];
    return [`${name}: ${a?.rows ?? 'missing'} rows → ${b?.rows ?? 'missing'} rows${a?.rows === b?.rows ? ' (contents changed)' : ''}`];
  });
}
