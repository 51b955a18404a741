import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.ts';
import { databaseState, listTables } from '../fuzz/db-state.ts';
import { createTestApi, createTestDatabaseUrl, type TestApi, type TestOrg } from '../testing/index.ts';
import { openDatabase } from './client.ts';

let api: TestApi;
let org: TestOrg;
const dir = mkdtempSync(join(tmpdir(), 'baton-backup-'));
const scratches: Array<{ drop(): Promise<void> }> = [];

beforeAll(async () => {
  api = await createTestApi();
  org = await api.seedOrg();
});
afterAll(async () => {
  await api.close();
  for (const scratch of scratches) await scratch.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(databaseUrl: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { env: { DATABASE_URL: databaseUrl, BATON_LOG_LEVEL: 'silent' }, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

async function freshDatabase(): Promise<string> {
  const scratch = await createTestDatabaseUrl();
  scratches.push(scratch);
  return scratch.url;
}

async function stateOf(url: string) {
  const database = await openDatabase({ databaseUrl: url, poolSize: 1 });
  try {
    return await databaseState(database.db, await listTables(database.db));
  } finally {
    await database.close();
  }
}

async function contact(): Promise<string> {
  const res = await api.request('POST', '/v1/contacts/resolve', { token: org.users.sdr.token, body: { emails: [`${randomUUID()}@backup.example`], name: 'Zoë “Backup”' } });
  return ((await res.json()) as { contact: { id: string } }).contact.id;
}

async function batch(contactId: string, size: number): Promise<void> {
  const activities = Array.from({ length: size }, (_, i) => ({ id: randomUUID(), contactId, type: 'note', occurredAt: new Date().toISOString(), body: `Note ${i} ✓` }));
  const res = await api.request('POST', '/v1/activities/batch', { token: org.users.sdr.token, body: { activities } });
  expect(res.status).toBe(200);
}

describe('baton backup / restore', { timeout: 120_000 }, () => {
  it('takes one consistent snapshot while writes go on, and restores it exactly', async () => {
    const contactId = await contact();
    await batch(contactId, 300);
    // Writers keep adding batches (each batch's activities and its audit entry in one statement).
    let writing = true;
    const writer = (async () => {
      while (writing) await batch(contactId, 25);
    })();
    const file = join(dir, 'live.baton.gz');
    const made = await cli(api.databaseUrl, 'backup', file, '--json');
    writing = false;
    await writer;
    expect(made.code, made.stderr).toBe(0);
    const tables = (JSON.parse(made.stdout) as { tables: { table: string; rows: number }[] }).tables;
    expect(made.stderr).toMatch(/activities: \d+ rows/);

    const target = await freshDatabase();
    const restored = await cli(target, 'restore', file, '--json');
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toMatch(/activities: \d+ rows restored, count verified/);
    expect((JSON.parse(restored.stdout) as { tables: unknown }).tables).toEqual(tables);
    // One snapshot: the activities and the audit entries of the batches agree.
    const database = await openDatabase({ databaseUrl: target, poolSize: 1 });
    try {
      const [row] = await database.sql<{ activities: number; audited: number }[]>`
        select (select count(*)::int from activities) as activities,
               (select coalesce(sum((after->>'created')::int), 0)::int from audit_log where action = 'activities.batch') as audited`;
      expect(row?.activities).toBeGreaterThanOrEqual(300);
      expect(row?.activities).toBe(row?.audited);
    } finally {
      await database.close();
    }
  });

  it('restores byte for byte what it backed up, and refuses to overwrite data unless told to', async () => {
    const file = join(dir, 'quiet.baton.gz');
    expect((await cli(api.databaseUrl, 'backup', file)).code).toBe(0);
    const source = await stateOf(api.databaseUrl);
    const target = await freshDatabase();
    expect((await cli(target, 'restore', file)).code).toBe(0);
    expect(await stateOf(target)).toEqual(source);

    const again = await cli(target, 'restore', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds data');
    expect(again.stderr).toContain('--replace');
    const replaced = await cli(target, 'restore', file, '--replace');
    expect(replaced.code).toBe(0);
    expect(await stateOf(target)).toEqual(source);

    const bogus = join(dir, 'not-a-backup.gz');
    writeFileSync(bogus, 'hello');
    const refused = await cli(await freshDatabase(), 'restore', bogus);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is not a Baton backup');
  });
});
