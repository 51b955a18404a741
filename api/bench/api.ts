import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { createApp } from '../src/app.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadEnv } from '../src/env.ts';
import { addUser, createOrg, createToken } from '../src/services/admin/admin.ts';
import { closeServices, createServices } from '../src/services/index.ts';
import { createLogger } from '../src/lib/logger.ts';
import { stopEmbedded } from '../src/db/embedded.ts';
import { createTestDatabaseUrl } from '../src/testing/index.ts';
import { benchContactId, benchEmail, openCountingDatabase, seedActivities, seedContacts, type QueryCounter } from './seed.ts';

/*
 * `pnpm bench:api [--contacts 100000] [--activities 1000000] [--duration 10] [--connections 32]
 * [--only embedded|postgres]`: seeds one organisation, starts the real server in a child process and
 * loads it with autocannon — a bare Hono route (the floor), GET /v1/brief and POST
 * /v1/activities/batch (50 new activities each) — on the embedded database and on PostgreSQL.
 */

const apiDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    contacts: { type: 'string', default: '100000' },
    activities: { type: 'string', default: '1000000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    only: { type: 'string' },
  },
});
const CONTACTS = Number(args.contacts);
const ACTIVITIES = Number(args.activities);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const SMALL = Math.min(1000, CONTACTS);
if (![CONTACTS, ACTIVITIES, DURATION, CONNECTIONS].every((n) => Number.isInteger(n) && n > 0)) {
  throw new Error('--contacts, --activities, --duration and --connections take positive whole numbers');
}

interface Row {
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  ratio: number | null;
  extra: string;
}

const log = (text: string) => process.stdout.write(`${text}\n`);
const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Seeds the organisation and counts the queries of one brief at 1k and at full size. */
async function seed(target: { databaseUrl?: string; dataDir?: string }) {
  const counter: QueryCounter = { count: 0 };
  const database = await openCountingDatabase(target, counter);
  await migrate(database);
  const services = await createServices({ ...loadEnv({}), databaseUrl: target.databaseUrl, rateLimitPerMinute: 1_000_000, addressRateLimitPerMinute: 100_000_000 }, { database, logger: createLogger('silent') });
  const db = database.db;
  const org = await createOrg(db, 'Bench Co');
  const sdr = await addUser(db, { orgId: org.id, email: 'sdr@bench.example', name: 'Bench SDR', role: 'sdr' });
  const { token } = await createToken(db, sdr);
  const app = createApp(services);
  const queriesForBrief = async (n: number) => {
    const before = counter.count;
    const res = await app.request(`/v1/brief?email=${encodeURIComponent(benchEmail(n))}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`brief answered ${res.status}: ${await res.text()}`);
    return counter.count - before;
  };

  const started = performance.now();
  const smallActivities = Math.min(ACTIVITIES, SMALL * 10);
  await seedContacts(db, org.id, sdr.id, 1, SMALL);
  await seedActivities(db, org.id, sdr.id, SMALL, 1, smallActivities);
  const atSmall = await queriesForBrief(10);
  await seedContacts(db, org.id, sdr.id, SMALL + 1, CONTACTS);
  await seedActivities(db, org.id, sdr.id, CONTACTS, smallActivities + 1, ACTIVITIES);
  await db.execute(sql`analyze`);
  const atFull = await queriesForBrief(10);
  const atFullOther = await queriesForBrief(CONTACTS);
  log(`  seeded ${CONTACTS.toLocaleString('en')} contacts, ${ACTIVITIES.toLocaleString('en')} activities in ${elapsed(started)}`);
  log(`  queries per GET /v1/brief (incl. auth): ${atSmall} at ${SMALL.toLocaleString('en')} contacts, ${atFull} (and ${atFullOther}) at ${CONTACTS.toLocaleString('en')}`);
  await closeServices(services);
  return { orgId: org.id, token, queries: { small: atSmall, full: atFull } };
}

function startTarget(env: Record<string, string>): Promise<{ url: string; floorUrl: string; stop(): Promise<void> }> {
  const child = spawn(join(apiDir, 'node_modules/.bin/tsx'), ['bench/target-server.ts'], {
    cwd: apiDir,
    env: { ...process.env, BATON_LOG_LEVEL: 'warn', BATON_RATE_LIMIT: '1000000', BATON_ADDRESS_RATE_LIMIT: '10000000', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (!out.includes('\n') || !line) return;
      const { url, floorUrl } = JSON.parse(line) as { url: string; floorUrl: string };
      resolvePromise({
        url,
        floorUrl,
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}: ${out}`)));
  });
}

async function load(title: string, options: Parameters<typeof autocannon>[0]) {
  // A short warm-up so JIT and connection pools are at speed before measuring.
  await autocannon({ ...options, duration: Math.min(2, DURATION) });
  const result = await autocannon({ ...options, connections: CONNECTIONS, duration: DURATION });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) log(`  ! ${title}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts ${JSON.stringify(result.statusCodeStats)}`);
  return result;
}

async function measure(name: string, target: { databaseUrl?: string; dataDir?: string }): Promise<Row[]> {
  log(`\n${name}`);
  const seeded = await seed(target);
  const server = await startTarget(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : { BATON_DATA_DIR: target.dataDir ?? '', DATABASE_URL: '' });
  const headers = { authorization: `Bearer ${seeded.token}`, 'content-type': 'application/json' };
  const randomContact = () => 1 + Math.floor(Math.random() * CONTACTS);
  try {
    const floor = await load('floor', { url: `${server.floorUrl}/hello`, connections: CONNECTIONS });
    const brief = await load('brief', {
      url: server.url,
      headers,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/v1/brief?email=${encodeURIComponent(benchEmail(randomContact()))}` }) }],
    });
    const batch = await load('batch', {
      url: server.url,
      headers,
      requests: [
        {
          method: 'POST',
          path: '/v1/activities/batch',
          setupRequest: (req) => {
            const occurredAt = new Date().toISOString();
            const activities = Array.from({ length: 50 }, (_, i) => ({
              id: randomUUID(),
              contactId: benchContactId(seeded.orgId, randomContact()),
              type: 'note',
              occurredAt,
              subject: `Bench note ${i}`,
              body: 'Talked about the renewal; they want the security review before the end of the quarter.',
            }));
            return { ...req, body: JSON.stringify({ activities }) };
          },
        },
      ],
    });
    const row = (scenario: string, r: Awaited<ReturnType<typeof autocannon>>, extra = ''): Row => ({
      scenario,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      ratio: scenario === 'floor' ? null : r.requests.average / floor.requests.average,
      extra,
    });
    return [
      row('floor', floor),
      row('brief', brief, `${seeded.queries.small} → ${seeded.queries.full} queries/request (1k → full)`),
      row('batch', batch, `${Math.round(batch.requests.average * 50).toLocaleString('en')} activities/s`),
    ];
  } finally {
    await server.stop();
  }
}

function printTable(name: string, rows: Row[]) {
  log(`\n${name} — ${CONNECTIONS} connections, ${DURATION} s each`);
  log('| scenario | req/s | p50 ms | p99 ms | ratio to floor | notes |');
  log('|---|---:|---:|---:|---:|---|');
  for (const r of rows) {
    const ratio = r.ratio === null ? '100 %' : `${(r.ratio * 100).toPrecision(2)} %`;
    log(`| ${r.scenario} | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50} | ${r.p99} | ${ratio} | ${r.extra} |`);
  }
}

async function postgresReachable(url: string): Promise<boolean> {
  const probe = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await probe`select 1`;
    return true;
  } catch (error) {
    log(`PostgreSQL at ${url} is not reachable (${(error as Error).message}): skipping it`);
    return false;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

log(`Baton API benchmark: ${CONTACTS.toLocaleString('en')} contacts, ${ACTIVITIES.toLocaleString('en')} activities`);
log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
const results: Array<[string, Row[]]> = [];

if (args.only !== 'postgres') {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
  try {
    results.push(['Embedded PostgreSQL (default)', await measure('Embedded PostgreSQL (the default, fsync on)', { dataDir: join(dir, 'data') })]);
  } finally {
    await stopEmbedded(join(dir, 'data'));
    rmSync(dir, { recursive: true, force: true });
  }
}
if (args.only !== 'embedded') {
  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await postgresReachable(serverUrl)) {
    const scratch = await createTestDatabaseUrl(serverUrl);
    try {
      results.push(['PostgreSQL server', await measure('PostgreSQL server (scratch database)', { databaseUrl: scratch.url })]);
    } finally {
      await scratch.drop();
    }
  }
}
for (const [name, rows] of results) printTable(name, rows);
log(`\nload average at the end: ${loadavg().map((n) => n.toFixed(1)).join(' ')} (other processes on the machine skew the numbers)`);
