import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.ts';
import { addUser, createOrg, createToken } from '../services/admin/admin.ts';
import * as schema from './schema.ts';
import type { Db } from './client.ts';
import { openDatabase } from './client.ts';
import { isPgliteFolder, stopEmbedded } from './embedded.ts';
import { migrationsFolder } from './migrate.ts';

const dir = mkdtempSync(join(tmpdir(), 'baton-upgrade-'));
afterAll(async () => {
  await stopEmbedded(join(dir, 'data'));
  rmSync(dir, { recursive: true, force: true });
});

/** Row count and a hash of every row's text, per table (times in UTC so both engines print alike). */
const fingerprintSql = (tables: string[]) =>
  tables
    .map((t) => `select '${t}' as name, count(*)::int as rows, coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') as hash from "${t}" t`)
    .join(' union all ');
const tablesSql = `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`;
type Fingerprint = Record<string, { rows: number; hash: string }>;

/** A PGlite folder as today's installs have it: migrated with the committed migrations, then used. */
async function oldInstall(dataDir: string): Promise<{ fingerprint: Fingerprint; maxSeq: number }> {
  const pglite = new PGlite(dataDir);
  await pglite.waitReady;
  await migratePglite(drizzle(pglite), { migrationsFolder });
  const db = drizzle(pglite, { schema }) as unknown as Db;
  const org = await createOrg(db, 'Old Install Ltd');
  const sdr = await addUser(db, { orgId: org.id, email: 'sdr@old.example', name: 'Zoë Ündé', role: 'sdr' });
  await addUser(db, { orgId: org.id, email: 'ae@old.example', name: 'AE', role: 'ae' });
  await createToken(db, sdr);
  // More rows than one copy chunk, with NULLs, JSON, unicode and microsecond times.
  await pglite.exec(`
    insert into contacts (org_id, id, name, company, photo_captured_at, owner_id)
      select '${org.id}', md5('c' || n)::uuid, 'Contact ' || n || ' “quoted”', case when n % 3 = 0 then null else 'Acme ' || n end,
        timestamptz '2026-01-02 03:04:05.123456+00' + n * interval '1 second', '${sdr.id}'
      from generate_series(1, 1500) n;
    insert into contact_identities (org_id, kind, value, contact_id)
      select '${org.id}', 'email', 'c' || n || '@old.example', md5('c' || n)::uuid from generate_series(1, 1500) n;
    insert into activities (org_id, id, contact_id, type, occurred_at, subject, body, source, details, actor_id, dedupe_key, content_hash)
      select '${org.id}', md5('a' || n)::uuid, md5('c' || (n % 1500 + 1))::uuid, 'note', now() - n * interval '1 minute',
        'Subject ' || n, case when n % 5 = 0 then null else E'Body with a tab\\tand ✓ ' || n end,
        jsonb_build_object('kind', 'gmail', 'threadId', 't' || n), case when n % 2 = 0 then '{"nested": {"a": [1, 2, null]}}'::jsonb end,
        '${sdr.id}', case when n % 4 = 0 then 'gmail:' || n end, md5('h' || n)
      from generate_series(1, 2500) n;
    insert into notifications (org_id, id, seq, user_id, type, title, body)
      select '${org.id}', md5('n' || n)::uuid, n, '${sdr.id}', 'handoff', 'Title ' || n, 'Body' from generate_series(1, 1200) n;
    update orgs set notification_seq = 1200 where id = '${org.id}';
    insert into audit_log (org_id, id, actor_id, action, entity_type, entity_id, after)
      select '${org.id}', md5('l' || n)::uuid, '${sdr.id}', 'contact.create', 'contact', md5('c' || n)::uuid, '{"x": 1}' from generate_series(1, 300) n;
  `);
  await pglite.exec(`set timezone = 'UTC'`);
  const tables = (await pglite.query<{ name: string }>(tablesSql)).rows.map((r) => r.name);
  const rows = (await pglite.query<{ name: string; rows: number; hash: string }>(fingerprintSql(tables))).rows;
  const [seq] = (await pglite.query<{ max: number }>('select max(seq)::int as max from notifications')).rows;
  await pglite.close();
  return { fingerprint: Object.fromEntries(rows.map((r) => [r.name, { rows: r.rows, hash: r.hash }])), maxSeq: seq?.max ?? 0 };
}

describe('upgrading a PGlite folder', { timeout: 180_000 }, () => {
  it('copies every row into the embedded PostgreSQL with `baton migrate`, verifies the counts and keeps the old folder', async () => {
    const dataDir = join(dir, 'data');
    const before = await oldInstall(dataDir);
    expect(isPgliteFolder(dataDir)).toBe(true);
    expect(before.fingerprint.activities?.rows).toBe(2500);

    // Any other command asks for the upgrade instead of touching the folder.
    const env = { BATON_DATA_DIR: dataDir, BATON_LOG_LEVEL: 'silent' };
    let stderr = '';
    expect(await runCli(['org', 'create', 'Too early'], { env, stdout: () => {}, stderr: (t) => (stderr += t) })).toBe(1);
    expect(stderr).toContain('Run `pnpm baton migrate` once');

    let stdout = '';
    stderr = '';
    expect(await runCli(['migrate', '--json'], { env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })).toBe(0);
    const result = JSON.parse(stdout) as { database: string; upgradedFromPglite: { keptAt: string; tables: { table: string; rows: number }[] } };
    expect(result.database).toBe('embedded');
    expect(result.upgradedFromPglite.keptAt).toBe(`${dataDir}.pglite`);
    // A progress line per table, each with its verified count.
    for (const [table, { rows }] of Object.entries(before.fingerprint)) {
      expect(stderr).toMatch(new RegExp(`${table}\\s+${rows} rows copied, count verified`));
    }
    expect(Object.fromEntries(result.upgradedFromPglite.tables.map((t) => [t.table, t.rows]))).toEqual(
      Object.fromEntries(Object.entries(before.fingerprint).map(([t, f]) => [t, f.rows])),
    );
    // The old folder is still there, untouched in content; the new one is a PostgreSQL cluster.
    expect(isPgliteFolder(`${dataDir}.pglite`)).toBe(true);
    expect(existsSync(join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);

    const database = await openDatabase({ dataDir });
    try {
      await database.sql`set timezone = 'UTC'`;
      const tables = (await database.sql.unsafe<{ name: string }[]>(tablesSql)).map((r) => r.name);
      const rows = await database.sql.unsafe<{ name: string; rows: number; hash: string }[]>(fingerprintSql(tables));
      expect(Object.fromEntries(rows.map((r) => [r.name, { rows: r.rows, hash: r.hash }]))).toEqual(before.fingerprint);
      // Notification numbering (per organisation, orgs.notification_seq) continues after the copied values.
      const [next] = await database.sql<{ seq: string }[]>`
        update orgs set notification_seq = notification_seq + 1 where id = (select org_id from notifications limit 1) returning notification_seq::text as seq`;
      expect(Number(next?.seq)).toBeGreaterThan(before.maxSeq);
    } finally {
      await database.close();
    }

    // Running it again is an ordinary migrate.
    stdout = '';
    expect(await runCli(['migrate'], { env, stdout: (t) => (stdout += t), stderr: () => {} })).toBe(0);
    expect(stdout).toContain('Migrations applied (embedded).');
  });
});
