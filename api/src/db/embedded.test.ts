import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { loadEnv } from '../env.ts';
import { addUser, createOrg, createToken } from '../services/admin/admin.ts';
import { closeServices, createServices } from '../services/index.ts';
import { createLogger } from '../lib/logger.ts';
import { openDatabase } from './client.ts';
import { clusterDir, ensureEmbedded, readPostmaster, stopEmbedded } from './embedded.ts';

const dirs: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-embedded-'));
  dirs.push(dir);
  return join(dir, 'data');
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) {
    await stopEmbedded(join(dir, 'data')).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('the embedded PostgreSQL', { timeout: 120_000 }, () => {
  it('is durable, local and password-protected, and shared by the processes that open it until the last one leaves', async () => {
    const dataDir = scratch();
    const first = await openDatabase({ dataDir });
    expect(first.kind).toBe('embedded');
    const settings = await first.db.execute<{ name: string; setting: string }>(
      sql`select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'listen_addresses', 'password_encryption')`,
    );
    expect(Object.fromEntries(settings.map((row) => [row.name, row.setting]))).toEqual({
      fsync: 'on',
      synchronous_commit: 'on',
      full_page_writes: 'on',
      listen_addresses: '127.0.0.1',
      password_encryption: 'scram-sha-256',
    });
    expect(statSync(join(clusterDir(dataDir), 'baton-password')).mode & 0o077).toBe(0);
    expect(statSync(join(dataDir, 'postgres.log')).mode & 0o077).toBe(0);
    expect(statSync(dataDir).mode & 0o077).toBe(0);
    // No password, no connection.
    const url = new URL(first.url);
    url.password = 'wrong';
    await expect(openDatabase({ databaseUrl: url.toString(), poolSize: 1 })).rejects.toThrow(/password authentication failed/);

    const second = await openDatabase({ dataDir });
    const pid = readPostmaster(dataDir)?.pid;
    expect(second.url).toBe(first.url);
    await first.close();
    expect(readPostmaster(dataDir)?.pid).toBe(pid);
    expect(await second.db.execute(sql`select 1 as one`)).toEqual([{ one: 1 }]);
    await second.close();
    expect(readPostmaster(dataDir)).toBeNull();
  });

  it('names the process that holds the folder, and takes a stale postmaster.pid over once it is gone', async () => {
    const dataDir = scratch();
    const cluster = await ensureEmbedded(dataDir);
    await stopEmbedded(dataDir);
    // Another process claims the folder (as a PostgreSQL would that is still starting).
    const holder = spawn('sleep', ['60'], { stdio: 'ignore' });
    const pidFile = join(clusterDir(dataDir), 'postmaster.pid');
    writeFileSync(pidFile, `${holder.pid}\n${clusterDir(dataDir)}\n${Math.floor(Date.now() / 1000)}\n${cluster.port}\n\n127.0.0.1\n  1 2\nstarting\n`);
    try {
      await expect(ensureEmbedded(dataDir, { timeoutMs: 1500 })).rejects.toThrow(`PostgreSQL (pid ${holder.pid}) holds ${clusterDir(dataDir)}`);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    // Its owner is gone: PostgreSQL itself sees the lock file is stale and starts.
    const again = await ensureEmbedded(dataDir);
    expect(again.startedHere).toBe(true);
    expect(readPostmaster(dataDir)?.pid).toBe(again.pid);
  });

  it('loses no acknowledged activity when PostgreSQL itself is SIGKILLed mid-batch', async () => {
    const dataDir = scratch();
    const env = { ...loadEnv({}), dataDir, databaseUrl: undefined, rateLimitPerMinute: 1_000_000 };
    const services = await createServices(env, { logger: createLogger('silent') });
    const app = createApp(services);
    const org = await createOrg(services.database.db, 'Power cut');
    const user = await addUser(services.database.db, { orgId: org.id, email: 'sdr@cut.example', name: 'SDR', role: 'sdr' });
    const { token } = await createToken(services.database.db, user);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const contact = (await (
      await app.request('/v1/contacts/resolve', { method: 'POST', headers, body: JSON.stringify({ emails: ['prospect@cut.example'] }) })
    ).json()) as { contact: { id: string } };

    const acknowledged: string[] = [];
    let failed = 0;
    let killed = false;
    const send = async () => {
      const activities = Array.from({ length: 20 }, (_, i) => ({
        id: randomUUID(),
        contactId: contact.contact.id,
        type: 'note',
        occurredAt: new Date().toISOString(),
        subject: `Note ${i}`,
        body: 'Said yes to the pilot.',
      }));
      const res = await app.request('/v1/activities/batch', { method: 'POST', headers, body: JSON.stringify({ activities }) });
      if (res.status !== 200) {
        failed += 1;
        return;
      }
      const body = (await res.json()) as { results: { id: string; status: string }[] };
      for (const result of body.results) if (result.status === 'created' || result.status === 'duplicate') acknowledged.push(result.id);
    };
    // Four clients send batches; once 200 activities are acknowledged the server is killed under them.
    const postmaster = readPostmaster(dataDir)?.pid ?? 0;
    expect(postmaster).toBeGreaterThan(0);
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (failed === 0 && acknowledged.length < 2000) {
          if (!killed && acknowledged.length >= 200) {
            killed = true;
            process.kill(postmaster, 'SIGKILL');
          }
          await send();
        }
      }),
    );
    expect(killed).toBe(true);
    expect(failed).toBeGreaterThan(0);
    await closeServices(services).catch(() => undefined);

    // Start again: PostgreSQL replays its WAL, and every acknowledged activity is there.
    const reopened = await openDatabase({ dataDir });
    try {
      const stored = await reopened.db.execute<{ id: string }>(sql`select id from activities where org_id = ${org.id}::uuid`);
      const ids = new Set(stored.map((row) => row.id));
      expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
      expect(acknowledged.length).toBeGreaterThanOrEqual(200);
      expect(readFileSync(join(dataDir, 'postgres.log'), 'utf8')).toMatch(/not properly shut down; automatic recovery in progress/);
    } finally {
      await reopened.close();
    }
  });
});
