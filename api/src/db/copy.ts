import type postgres from 'postgres';

/*
 * Row copy between databases of the same schema, used by `baton backup`/`restore` and by the
 * upgrade of a PGlite folder. Every row travels as the text of `to_jsonb(row)` and is loaded with
 * `jsonb_populate_recordset`, so column order, types (timestamps to the microsecond, jsonb) and
 * NULLs come back exactly; serial sequences are moved past the copied values afterwards.
 */

/** A backup, restore or upgrade that cannot go on, with what to do about it. */
export class CopyError extends Error {
  override name = 'CopyError';
}

export const CHUNK_ROWS = 1000;

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The tables of the public schema (the schema Baton's migrations create), by name. */
export const listTablesSql = `select table_name as name from information_schema.tables
  where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`;

/** `select` text for one table's rows as JSON text, in a stable order. */
export const rowsSql = (table: string) => `select to_jsonb(t)::text as r from ${quoteIdent(table)} t order by ctid`;

export async function publicTables(sql: postgres.Sql | postgres.TransactionSql): Promise<string[]> {
  const rows = await sql.unsafe<{ name: string }[]>(listTablesSql);
  return rows.map((row) => row.name);
}

export async function countRows(sql: postgres.Sql | postgres.TransactionSql, table: string): Promise<number> {
  const [row] = await sql.unsafe<{ n: string }[]>(`select count(*)::text as n from ${quoteIdent(table)}`);
  return Number(row?.n ?? 0);
}

/** Inserts rows given as JSON object texts into `table`. */
export async function insertRows(tx: postgres.TransactionSql, table: string, rows: string[]): Promise<void> {
  if (rows.length === 0) return;
  const t = quoteIdent(table);
  await tx.unsafe(`insert into ${t} select * from jsonb_populate_recordset(null::${t}, $1::text::jsonb)`, [`[${rows.join(',')}]`]);
}

/** Moves every serial sequence of `table` past the largest value now stored. */
export async function resetSequences(tx: postgres.TransactionSql, table: string): Promise<void> {
  const columns = await tx<{ column: string; seq: string }[]>`
    select a.attname as column, pg_get_serial_sequence(${quoteIdent(table)}, a.attname) as seq
    from pg_attribute a
    where a.attrelid = ${`public.${quoteIdent(table)}`}::regclass and a.attnum > 0 and not a.attisdropped
      and pg_get_serial_sequence(${quoteIdent(table)}, a.attname) is not null`;
  for (const { column, seq } of columns) {
    await tx.unsafe(`select setval($1::regclass, coalesce((select max(${quoteIdent(column)}) from ${quoteIdent(table)}), 0) + 1, false)`, [seq]);
  }
}

/** Refuses to load into a database that already holds rows (unless replacing), naming the tables. */
export async function prepareTarget(tx: postgres.TransactionSql, tables: string[], replace: boolean): Promise<void> {
  const present = new Set(await publicTables(tx));
  const missing = tables.filter((table) => !present.has(table));
  if (missing.length > 0) throw new CopyError(`The target database has no table ${missing.join(', ')}: is it migrated to the same Baton version?`);
  if (replace) {
    if (tables.length > 0) await tx.unsafe(`truncate ${tables.map(quoteIdent).join(', ')}`);
    return;
  }
  const holding: string[] = [];
  for (const table of tables) if ((await countRows(tx, table)) > 0) holding.push(table);
  if (holding.length > 0) {
    throw new CopyError(`The target database already holds data (${holding.join(', ')}); pass --replace to overwrite it.`);
  }
}
