import { renameSync, rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { openDatabase, type Database } from './client.ts';
import { CHUNK_ROWS, CopyError, countRows, insertRows, listTablesSql, prepareTarget, quoteIdent, resetSequences } from './copy.ts';
import { isPgliteFolder, moveAside, stopEmbedded } from './embedded.ts';
import { migrate, migrationsFolder } from './migrate.ts';
import type { TableCount } from './backup.ts';

/*
 * Until this version the embedded database was PGlite, whose files sat straight in BATON_DATA_DIR.
 * `baton migrate` moves such a folder aside (to <dataDir>.pglite), brings it up to the current
 * migrations with PGlite, creates the embedded PostgreSQL in <dataDir>, and copies every table
 * row by row through both drivers in one transaction, checking each table's count. This is the
 * one place PGlite is still used. The old folder is left for the user to delete.
 */

export interface UpgradeResult {
  tables: TableCount[];
  /** Where the PGlite folder now is (kept until the user removes it). */
  keptAt: string;
}

export async function upgradePgliteFolder(dataDir: string, progress: (line: string) => void): Promise<UpgradeResult> {
  if (!isPgliteFolder(dataDir)) throw new CopyError(`${dataDir} is not a PGlite folder`);
  const keptAt = moveAside(dataDir, 'pglite');
  progress(`Upgrading the embedded database: the PGlite folder is now ${keptAt} (kept until you delete it).`);
  let target: Database | null = null;
  const source = new PGlite(keptAt);
  try {
    await source.waitReady;
    // Bring the old folder to the same schema first, so both sides have the same columns.
    await migratePglite(drizzle(source), { migrationsFolder });
    target = await openDatabase({ dataDir, poolSize: 1 });
    await migrate(target);
    const tables = (await source.query<{ name: string }>(listTablesSql)).rows.map((row) => row.name);
    const expected = new Map<string, number>();
    for (const table of tables) {
      const [row] = (await source.query<{ n: string }>(`select count(*)::text as n from ${quoteIdent(table)}`)).rows;
      expected.set(table, Number(row?.n ?? 0));
    }
    const counts = await target.sql.begin(async (tx) => {
      await prepareTarget(tx, tables, false);
      const counts: TableCount[] = [];
      for (const table of tables) {
        await source.transaction(async (read) => {
          await read.query(`declare rows_out no scroll cursor for select to_jsonb(t)::text as r from ${quoteIdent(table)} t`);
          for (;;) {
            const { rows } = await read.query<{ r: string }>(`fetch ${CHUNK_ROWS} from rows_out`);
            if (rows.length === 0) break;
            await insertRows(
              tx,
              table,
              rows.map((row) => row.r),
            );
          }
          await read.query('close rows_out');
        });
        await resetSequences(tx, table);
        const stored = await countRows(tx, table);
        const want = expected.get(table) ?? 0;
        if (stored !== want) throw new CopyError(`${table}: PGlite holds ${want} rows but ${stored} were copied`);
        counts.push({ table, rows: stored });
        progress(`  ${table.padEnd(20)} ${String(stored).padStart(8)} rows copied, count verified`);
      }
      return counts;
    });
    return { tables: counts, keptAt };
  } catch (error) {
    // Leave things as they were: no new cluster, the PGlite folder back in its place.
    await target?.close().catch(() => undefined);
    target = null;
    await source.close().catch(() => undefined);
    await stopEmbedded(dataDir).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    renameSync(keptAt, dataDir);
    throw error;
  } finally {
    await target?.close();
    if (!source.closed) await source.close();
  }
}
