import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client.ts';
import { readPostmaster, stopEmbedded } from '../db/embedded.ts';
import { migrate } from '../db/migrate.ts';
import { orgs } from '../db/schema.ts';
import { loadEnv } from '../env.ts';
import { startServer } from '../server.ts';
import { hashToken } from '../lib/tokens.ts';
import { throwawaySettings } from '../testing/global-setup.ts';
import { createTestDatabaseUrl } from '../testing/index.ts';
import { runCli } from './run.ts';

const apiDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const serverUrl = process.env.DATABASE_URL || undefined;

let scratchDir: string;
let env: Record<string, string | undefined>;
let dropScratch: (() => Promise<void>) | undefined;
let keeper: Database | undefined;

beforeAll(async () => {
  scratchDir = mkdtempSync(join(tmpdir(), 'baton-cli-'));
  env = { BATON_DATA_DIR: join(scratchDir, 'data'), BATON_LOG_LEVEL: 'silent' };
  if (serverUrl) {
    const scratch = await createTestDatabaseUrl(serverUrl);
    env.DATABASE_URL = scratch.url;
    dropScratch = scratch.drop;
  } else {
    // The commands share a running embedded PostgreSQL (as they do while `serve` runs) instead
    // of each starting and stopping one; starting and stopping is the last test's subject.
    keeper = await openDatabase({ dataDir: join(scratchDir, 'data'), poolSize: 1, embedded: { settings: throwawaySettings } });
  }
});
afterAll(async () => {
  await keeper?.close();
  await dropScratch?.();
  // Normally stopped already by the last command to leave; not when a test failed half-way.
  for (const dir of ['data', 'migrating']) await stopEmbedded(join(scratchDir, dir));
  rmSync(scratchDir, { recursive: true, force: true });
});

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as any };
}

/** Runs `work` against a real server on this test's database, then stops it. */
async function withServer<T>(work: (url: string) => Promise<T>): Promise<T> {
  const server = await startServer({ ...loadEnv(env), port: 0 });
  try {
    return await work(server.url);
  } finally {
    await server.close();
  }
}

const me = (url: string, token: string) => fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });

// Every command opens and closes the database, several times per test: slow on a busy machine.
describe('pnpm baton', { timeout: 180_000 }, () => {
  it('creates an organisation, a user and tokens; --json matches the contract', async () => {
    const org = await cli('org', 'create', 'Northwind Sales', '--json');
    expect(org.code).toBe(0);
    expect(org.json()).toEqual({ id: expect.any(String), name: 'Northwind Sales' });

    const added = await cli('user', 'add', '--org', 'Northwind Sales', '--email', 'Ada@Northwind.test', '--name', 'Ada', '--role', 'ae', '--json');
    expect(added.code).toBe(0);
    expect(added.json()).toMatchObject({
      user: { id: expect.any(String), email: 'ada@northwind.test', role: 'ae', orgId: org.json().id },
      token: expect.stringMatching(/^baton_/),
    });

    const created = await cli('token', 'create', '--user', 'ada@northwind.test', '--json');
    expect(created.code).toBe(0);
    const { user, token } = created.json() as { user: { id: string }; token: string };
    expect(user.id).toBe(added.json().user.id);

    const human = await cli('token', 'create', '--user', 'ada@northwind.test');
    expect(human.stdout).toContain('shown once');

    // Only the hash is stored.
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.BATON_DATA_DIR });
    const rows = await database.db.execute(sql`select * from api_tokens`);
    await database.close();
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(token);
    expect(stored).toContain(hashToken(token));

    await withServer(async (url) => {
      const res = await me(url, token);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ user: { id: user.id, role: 'ae' }, org: { name: 'Northwind Sales' } });
    });

    const revoked = await cli('token', 'revoke', token, '--json');
    expect(revoked.code).toBe(0);
    expect(revoked.json()).toEqual({ revoked: 1 });
    const again = await cli('token', 'revoke', token);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already revoked');

    await withServer(async (url) => {
      expect((await me(url, token)).status).toBe(401);
      // The user's other token still works until all of them are revoked.
      expect((await me(url, added.json().token)).status).toBe(200);
    });
    const all = await cli('token', 'revoke', '--user', 'ada@northwind.test', '--json');
    expect(all.json()).toEqual({ revoked: 2 });
  });

  it('asks for --org when an email is a user in several organisations', async () => {
    for (const name of ['Twin One', 'Twin Two']) {
      expect((await cli('org', 'create', name)).code).toBe(0);
      expect((await cli('user', 'add', '--org', name, '--email', 'twin@example.test', '--name', 'Twin', '--role', 'sdr')).code).toBe(0);
    }
    const ambiguous = await cli('token', 'create', '--user', 'twin@example.test');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/several organisations.*--org/);
    const chosen = await cli('token', 'create', '--user', 'twin@example.test', '--org', 'Twin Two', '--json');
    expect(chosen.code).toBe(0);
  });

  it('creates a demo team with a token each, under a fresh name each time', async () => {
    const first = await cli('demo', '--json');
    expect(first.code).toBe(0);
    const team = first.json() as Array<{ user: { role: string; orgId: string; email: string }; token: string; password: string }>;
    expect(team.map((entry) => entry.user.role)).toEqual(['sdr', 'ae', 'csm', 'manager']);
    expect(new Set(team.map((entry) => entry.user.orgId)).size).toBe(1);
    expect(team.every((entry) => entry.password.length >= 12)).toBe(true);
    expect(new Set(team.map((entry) => entry.password)).size).toBe(4);
    const second = await cli('demo');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('"Demo Co 2"');
    expect(second.stdout).toContain('sam.sdr+2@demo.baton.test');
    expect(second.stdout).toContain('console password:');
  });

  it('fails with a clear message and exit code 1', async () => {
    expect((await cli('org', 'create', 'Northwind Sales')).stderr).toContain('already exists');
    const badRole = await cli('user', 'add', '--org', 'Northwind Sales', '--email', 'x@y.test', '--name', 'X', '--role', 'boss');
    expect(badRole).toMatchObject({ code: 1 });
    expect(badRole.stderr).toContain('--role must be one of');
    const missing = await cli('user', 'add', '--org', 'Nowhere Inc', '--email', 'x@y.test', '--name', 'X', '--role', 'ae');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Nowhere Inc');
    expect(await cli('frobnicate')).toMatchObject({ code: 1, stderr: expect.stringContaining('Unknown command') });
    expect(await cli('org', 'create', 'X', '--colour', 'red')).toMatchObject({ code: 1, stderr: expect.stringContaining("'--colour'") });
    expect(await cli('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('token revoke') });
    expect(await cli('token', 'create', '--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('--user <email>') });
    const badConfig = await runCli(['migrate'], { env: { ...env, PORT: 'eighty' }, stdout: () => {}, stderr: () => {} });
    expect(badConfig).toBe(1);
  });

  it('applies migrations to an existing database and keeps its data', async () => {
    const options = { databaseUrl: env.DATABASE_URL, dataDir: join(scratchDir, 'migrating') };
    const first = await openDatabase(options);
    await migrate(first);
    const id = '0a0a0a0a-0000-4000-8000-000000000001';
    await first.db.insert(orgs).values({ id, name: 'Survives migrations' });
    await first.close();
    const second = await openDatabase(options);
    await migrate(second);
    const rows = await second.db.select().from(orgs).where(sql`${orgs.id} = ${id}`);
    await second.close();
    expect(rows.map((row) => row.name)).toEqual(['Survives migrations']);
  });
});

/** Waits for the first complete JSON value a process prints on stdout. */
function firstJson(child: ChildProcess): Promise<any> {
  return new Promise((resolvePromise, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      try {
        resolvePromise(JSON.parse(out));
      } catch (error) {
        if (!(error instanceof SyntaxError)) reject(error);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`exited with ${code} before printing: ${out}${err}`)));
  });
}

describe('several processes on one database', () => {
  it('runs the CLI and a second server beside a running server, and the last one out stops the embedded PostgreSQL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-shared-'));
    const dataDir = join(dir, 'data');
    const childEnv = { ...process.env, BATON_DATA_DIR: dataDir, BATON_LOG_LEVEL: 'silent', DATABASE_URL: env.DATABASE_URL ?? '' };
    const servers: ChildProcess[] = [];
    const serve = async () => {
      // Node itself with tsx as a loader, not the tsx command: that wrapper relays SIGTERM to a child of
      // its own and, on a loaded machine, can answer 143 before the child has said it handles the signal.
      const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--port', '0', '--json'], { cwd: apiDir, env: childEnv });
      servers.push(server);
      const exited = new Promise<number | null>((done) => server.on('exit', (code) => done(code)));
      const started = (await firstJson(server)) as { url: string; port: number; pid: number; database: string };
      return { server, exited, started };
    };
    // CLI commands run in this process (their own connections, like another process's); the servers are processes.
    const here = async (...args: string[]) => {
      let stderr = '';
      const code = await runCli(args, { env: childEnv, stdout: () => {}, stderr: (t) => (stderr += t) });
      return { code, stderr };
    };
    try {
      expect((await here('org', 'create', 'Before the server')).code).toBe(0);
      const first = await serve();
      expect(first.started.database).toBe(serverUrl ? 'postgres' : 'embedded');
      expect(await (await fetch(`${first.started.url}/v1/health`)).json()).toEqual({ ok: true, database: first.started.database });

      // The CLI and another server share the running database instead of refusing.
      const during = await here('org', 'create', 'During the server', '--json');
      expect(during.code).toBe(0);
      const second = await serve();
      expect((await fetch(`${second.started.url}/v1/health`)).status).toBe(200);
      const postmaster = serverUrl ? null : readPostmaster(dataDir);
      if (!serverUrl) expect(postmaster?.status).toBe('ready');

      second.server.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      // The first server still has its database.
      expect((await fetch(`${first.started.url}/v1/health`)).status).toBe(200);
      first.server.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      if (!serverUrl) expect(readPostmaster(dataDir)).toBeNull();

      const after = await here('org', 'create', 'Before the server');
      expect(after.code).toBe(1);
      expect(after.stderr).toContain('already exists');
      expect((await here('org', 'create', 'After the server', '--json')).code).toBe(0);
    } finally {
      for (const server of servers) server.kill('SIGKILL');
      if (!serverUrl) await stopEmbedded(dataDir);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
