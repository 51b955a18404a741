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
import { ensureEmbedded, stopEmbedded } from '../src/db/embedded.ts';
import { createTestDatabaseUrl } from '../src/testing/index.ts';
import { hashToken } from '../src/lib/tokens.ts';
import { drive, openFloor, pgbenchBrief } from './floor.ts';
import { benchBatch, benchContactId, benchEmail, openCountingDatabase, seedActivities, seedContacts, type QueryCounter } from './seed.ts';

/*
 * `pnpm bench:api [--contacts 100000] [--activities 1000000] [--duration 10] [--connections 32]
 * [--only embedded|postgres]`: seeds one organisation, starts the real server in a child process and
 * loads it with autocannon — GET /v1/brief at 32 and at 8 connections, the brief on two server
 * processes, and POST /v1/activities/batch (50 new activities each) — on the embedded database and
 * on PostgreSQL. Beside each, the database floor measured in the same run (bench/floor.ts: the
 * same statements straight through the driver, prepared, at the same concurrency; pgbench too
 * when installed) and the ratio Baton ÷ floor. The batch counts what the server answered per item
 * and the rows in the database, and prints no rate when they disagree with what was sent.
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
  connections: number;
  baton: string;
  p50: number | null;
  p99: number | null;
  floor: string;
  ratio: string;
  notes: string;
}

const POOL = 10; // the API's pool size (openDatabase's default), also the floor's
const fmt = (n: number) => Math.round(n).toLocaleString('en');
const pct = (n: number) => `${Math.round(n * 100)} %`;

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
  return { orgId: org.id, userId: sdr.id, token, tokenHash: hashToken(token), url: database.url, queries: { small: atSmall, full: atFull } };
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

async function load(title: string, options: Parameters<typeof autocannon>[0], connections: number) {
  // A short warm-up so JIT, connection pools and prepared statements are at speed before measuring.
  await autocannon({ ...options, connections, duration: Math.min(2, DURATION) });
  const result = await autocannon({ ...options, connections, duration: DURATION });
  warnBad(title, result);
  return result;
}

function warnBad(title: string, result: Awaited<ReturnType<typeof autocannon>>) {
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) log(`  ! ${title}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts ${JSON.stringify(result.statusCodeStats)}`);
}

type Tally = Record<'created' | 'duplicate' | 'conflict' | 'invalid' | 'other', number>;
const emptyTally = (): Tally => ({ created: 0, duplicate: 0, conflict: 0, invalid: 0, other: 0 });

async function measure(name: string, target: { databaseUrl?: string; dataDir?: string }): Promise<Row[]> {
  log(`\n${name}`);
  const seeded = await seed(target);
  const serverEnv: Record<string, string> = target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : { BATON_DATA_DIR: target.dataDir ?? '', DATABASE_URL: '' };
  const server = await startTarget(serverEnv);
  // The seeding process was the embedded cluster's last user and stopped it; the server started it
  // again (on a port of its own): ask where it runs now.
  const url = target.dataDir ? (await ensureEmbedded(target.dataDir)).url : seeded.url;
  const floor = openFloor(url, POOL, seeded);
  const counter = postgres(url, { max: 1, onnotice: () => {} });
  const stored = async () => Number((await counter`select count(*)::int as n from activities where org_id = ${seeded.orgId}::uuid`)[0]?.n);
  // Waits until no request still in flight is adding rows (a warm-up's last requests may be).
  const settled = async () => {
    let last = await stored();
    for (;;) {
      await new Promise((done) => setTimeout(done, 300));
      const now = await stored();
      if (now === last) return now;
      last = now;
    }
  };
  const headers = { authorization: `Bearer ${seeded.token}`, 'content-type': 'application/json' };
  const randomContact = () => 1 + Math.floor(Math.random() * CONTACTS);
  const briefRequest = { method: 'GET', setupRequest: (req: object) => ({ ...req, path: `/v1/brief?email=${encodeURIComponent(benchEmail(randomContact()))}` }) };
  const rows: Row[] = [];
  try {
    for (const connections of [CONNECTIONS, 8]) {
      const baton = await load(`brief ×${connections}`, { url: server.url, headers, requests: [briefRequest] }, connections);
      const db = await drive(connections, { seconds: DURATION }, () => floor.brief(benchEmail(randomContact())));
      const pgbench = connections === CONNECTIONS ? pgbenchBrief(url, connections, DURATION, seeded, CONTACTS) : null;
      rows.push({
        scenario: 'GET /v1/brief',
        connections,
        baton: `${fmt(baton.requests.average)} req/s`,
        p50: baton.latency.p50,
        p99: baton.latency.p99,
        floor: `${fmt(db.perSecond)}/s (p50 ${db.p50}, p99 ${db.p99} ms)${pgbench ? `; pgbench ${fmt(pgbench.tps)} tps` : ''}`,
        ratio: `${pct(baton.requests.average / db.perSecond)}${pgbench ? ` (÷ pgbench ${pct(baton.requests.average / pgbench.tps)})` : ''}`,
        notes: connections === CONNECTIONS ? `${seeded.queries.small} → ${seeded.queries.full} statements/request (1k → full)` : '',
      });
      if (connections === CONNECTIONS) {
        // The same load split over two API processes on the same database.
        const second = await startTarget(serverEnv);
        try {
          const half = Math.max(1, Math.floor(connections / 2));
          await Promise.all([server.url, second.url].map((url) => autocannon({ url, headers, requests: [briefRequest], connections: half, duration: Math.min(2, DURATION) })));
          const both = await Promise.all([server.url, second.url].map((url) => autocannon({ url, headers, requests: [briefRequest], connections: half, duration: DURATION })));
          both.forEach((result) => warnBad('brief on two processes', result));
          const total = both.reduce((sum, result) => sum + result.requests.average, 0);
          rows.push({
            scenario: 'GET /v1/brief, 2 processes',
            connections: half * 2,
            baton: `${fmt(total)} req/s`,
            p50: Math.max(...both.map((r) => r.latency.p50)),
            p99: Math.max(...both.map((r) => r.latency.p99)),
            floor: '',
            ratio: `${(total / baton.requests.average).toFixed(2)}× one process`,
            notes: '',
          });
        } finally {
          await second.stop();
        }
      }
    }

    // The batch: a fixed number of requests, so every one has its answer before counting.
    const tally = emptyTally();
    const batchRequest = {
      method: 'POST',
      path: '/v1/activities/batch',
      setupRequest: (req: object) => ({ ...req, body: JSON.stringify({ activities: benchBatch(seeded.orgId, CONTACTS) }) }),
      onResponse: (status: number, body: string) => {
        if (status !== 200) return;
        for (const result of (JSON.parse(body) as { results: Array<{ status: string }> }).results) {
          const key = result.status in tally ? (result.status as keyof Tally) : 'other';
          tally[key] += 1;
        }
      },
    };
    const warm = await autocannon({ url: server.url, headers, requests: [batchRequest], connections: CONNECTIONS, duration: Math.min(2, DURATION) });
    const amount = Math.max(CONNECTIONS * 4, Math.round(warm.requests.average * DURATION));
    Object.assign(tally, emptyTally());
    const before = await settled();
    const started = performance.now();
    const batch = await autocannon({ url: server.url, headers, requests: [batchRequest], connections: CONNECTIONS, amount });
    const seconds = (performance.now() - started) / 1000;
    warnBad('batch', batch);
    const added = (await settled()) - before;
    const sent = amount * 50;
    const honest = tally.created === sent && added === sent && batch.non2xx + batch.errors + batch.timeouts === 0;
    const counts = `sent ${fmt(sent)}; server: ${fmt(tally.created)} created, ${tally.duplicate} duplicate, ${tally.conflict} conflict, ${tally.invalid} invalid; database +${fmt(added)} rows`;
    if (!honest) log(`  ! batch: the counts disagree (${counts}): no rate printed`);

    // Floor: the same statements for the same number of batches of the same shape.
    const floorBefore = await settled();
    const floorStarted = performance.now();
    let floorInserted = 0;
    const floorTiming = await drive(CONNECTIONS, { amount }, async () => {
      const items = benchBatch(seeded.orgId, CONTACTS);
      const occurredAt = new Date().toISOString();
      const dbRows = items.map((item) => ({
        id: item.id, contact_id: item.contactId, deal_id: null, type: item.type, occurred_at: occurredAt, subject: item.subject, body: item.body,
        source: null, details: null, dedupe_key: null, content_hash: item.id,
      }));
      const inserted = await floor.batch(dbRows, [...new Set(items.map((item) => String(item.contactId)))]);
      floorInserted += inserted;
    });
    const floorSeconds = (performance.now() - floorStarted) / 1000;
    const floorAdded = (await settled()) - floorBefore;
    const floorRate = floorAdded === amount * 50 && floorInserted === floorAdded ? floorAdded / floorSeconds : null;
    const batonRate = honest ? added / seconds : null;
    rows.push({
      scenario: 'POST /v1/activities/batch (50)',
      connections: CONNECTIONS,
      baton: batonRate === null ? 'REFUSED: counts disagree' : `${fmt(batonRate)} rows/s (${fmt(amount / seconds)} req/s)`,
      p50: batch.latency.p50,
      p99: batch.latency.p99,
      floor: floorRate === null ? `REFUSED (+${floorAdded} rows)` : `${fmt(floorRate)} rows/s (p50 ${floorTiming.p50}, p99 ${floorTiming.p99} ms)`,
      ratio: batonRate !== null && floorRate !== null ? pct(batonRate / floorRate) : '—',
      notes: counts,
    });
    return rows;
  } finally {
    await floor.close();
    await counter.end({ timeout: 5 });
    await server.stop();
  }
}

function printTable(name: string, rows: Row[]) {
  log(`\n${name} — ${DURATION} s per measurement, API pool and floor pool ${POOL} connections`);
  log('| scenario | conns | Baton | p50 ms | p99 ms | database floor (same run) | Baton ÷ floor | notes |');
  log('|---|---:|---:|---:|---:|---|---:|---|');
  for (const r of rows) log(`| ${r.scenario} | ${r.connections} | ${r.baton} | ${r.p50 ?? ''} | ${r.p99 ?? ''} | ${r.floor} | ${r.ratio} | ${r.notes} |`);
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
