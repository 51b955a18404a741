import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.ts';
import { ensureEmbedded, stopEmbedded } from '../db/embedded.ts';
import { migrate } from '../db/migrate.ts';

/*
 * vitest globalSetup of every suite that talks to the API (api/, extension/): once per test run,
 * a PostgreSQL with a migrated template database. Each test file then gets a database of its own
 * with CREATE DATABASE … TEMPLATE (a file copy: milliseconds, no migrations per file).
 *
 * The server is DATABASE_URL when set, otherwise an embedded PostgreSQL started for this run in a
 * temporary folder — with fsync and synchronous_commit off, since it is thrown away afterwards
 * (production clusters never get these settings; the durability test starts its own cluster).
 */

export interface TestDatabaseServer {
  /** A URL of the server's maintenance database, for CREATE/DROP DATABASE. */
  serverUrl: string;
  /** The migrated database each test file's database is copied from. */
  template: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    batonTestDatabase: TestDatabaseServer;
  }
}

export const throwawaySettings = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const configured = process.env.DATABASE_URL || undefined;
  const dataDir = configured ? null : join(mkdtempSync(join(tmpdir(), 'baton-test-pg-')), 'data');
  const serverUrl = configured ?? (await ensureEmbedded(dataDir ?? '', { settings: throwawaySettings })).urlOf('postgres');
  const template = `baton_template_${randomBytes(5).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${template}`);
  const url = new URL(serverUrl);
  url.pathname = `/${template}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
  await migrate(database);
  await database.close();
  project.provide('batonTestDatabase', { serverUrl, template });
  return async () => {
    await admin.unsafe(`drop database if exists ${template} with (force)`).catch(() => undefined);
    await admin.end({ timeout: 5 });
    if (dataDir) {
      await stopEmbedded(dataDir);
      rmSync(join(dataDir, '..'), { recursive: true, force: true });
    }
  };
}
