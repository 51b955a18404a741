import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '../src/db/schema.ts';
import { prepared } from '../src/lib/prepared.ts';
import { tokenLookup } from '../src/middleware/auth.ts';
import { contactsOfBatch, insertBatch, storedOfBatch } from '../src/services/activities/ingest-batch.ts';
import { briefByIdentity } from '../src/services/brief/load.ts';

/*
 * The database floor: the statements Baton sends for a request, sent straight through the same
 * driver (postgres.js under drizzle, prepared), from `concurrency` callers over a pool as large
 * as the server's. What Baton adds on top — HTTP, validation, JSON — is the gap to this.
 */

export interface Timing {
  ops: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

/** Runs `op` from `concurrency` callers, for `seconds` or until `amount` ops have been started. */
export async function drive(concurrency: number, limit: { seconds?: number; amount?: number }, op: () => Promise<unknown>): Promise<Timing> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = limit.seconds === undefined ? Infinity : started + limit.seconds * 1000;
  let startedOps = 0;
  const worker = async () => {
    while (performance.now() < deadline && (limit.amount === undefined || startedOps < limit.amount)) {
      startedOps += 1;
      const t = performance.now();
      await op();
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { ops: latencies.length, seconds, perSecond: latencies.length / seconds, p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)) };
}

export interface FloorClient {
  /** The token lookup and the brief by email: what GET /v1/brief sends. */
  brief(email: string): Promise<void>;
  /** The token lookup, the batch's lookups and its insert in one transaction: what a batch sends. Returns rows inserted. */
  batch(rows: Array<Record<string, unknown>>, contactIds: string[]): Promise<number>;
  close(): Promise<void>;
}

export function openFloor(url: string, poolSize: number, who: { orgId: string; userId: string; tokenHash: string }): FloorClient {
  const client = postgres(url, { max: poolSize, onnotice: () => {} });
  // drizzle configures the driver's type handling the way the API's pool has it.
  const db = drizzle(client, { schema });
  return {
    async brief(email) {
      const [auth] = await prepared(db, tokenLookup, [who.orgId, who.tokenHash]);
      if (!auth) throw new Error('floor: the token lookup found nothing');
      const [row] = await prepared<{ brief?: unknown }>(db, briefByIdentity, [who.orgId, 'email', email]);
      if (typeof row?.brief !== 'string') throw new Error(`floor: no brief for ${email}`);
    },
    async batch(rows, contactIds) {
      await prepared(db, tokenLookup, [who.orgId, who.tokenHash]);
      const literal = (values: string[]) => `{${values.join(',')}}`;
      return db.transaction(async (tx) => {
        await Promise.all([
          prepared(tx, storedOfBatch, [who.orgId, literal(rows.map((row) => String(row.id))), '{}']),
          prepared(tx, contactsOfBatch, [who.orgId, literal(contactIds)]),
        ]);
        const inserted = await prepared(tx, insertBatch, [who.orgId, who.userId, JSON.stringify(rows), 'bench-floor']);
        return inserted.length;
      });
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** pgbench, prepared, with the brief's statements; null when pgbench is not installed or fails. */
export function pgbenchBrief(url: string, concurrency: number, seconds: number, who: { orgId: string; tokenHash: string }, contacts: number): { tps: number; latencyMs: number } | null {
  if (spawnSync('pgbench', ['--version']).status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'baton-pgbench-'));
  try {
    const script = join(dir, 'brief.sql');
    const single = (text: string) => text.replace(/--[^\n]*/g, '').replace(/\s+/g, ' ').trim();
    const token = single(tokenLookup).replace('$1::uuid', ":org::uuid").replace('$2::text', ':hash::text');
    // pgbench reads ":MI" in to_char's format as a variable: the same literal with the colons escaped.
    const brief = single(briefByIdentity)
      .replaceAll(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`, `E'YYYY-MM-DD"T"HH24\\x3aMI\\x3aSS.MS"Z"'`)
      .replaceAll('$1::uuid', ':org::uuid').replace('$2::text', "'email'").replace('$3::text', "('c' || :n::int || '@bench.example')");
    writeFileSync(script, `\\set n random(1, ${contacts})\n${token};\n${brief};\n`);
    if (process.env.BENCH_KEEP_PGBENCH_SCRIPT) writeFileSync(process.env.BENCH_KEEP_PGBENCH_SCRIPT, readFileSync(script));
    const run = spawnSync('pgbench', ['-n', '-M', 'prepared', '-c', String(concurrency), '-j', '2', '-T', String(seconds), '-f', script, '-D', `org=${who.orgId}`, '-D', `hash=${who.tokenHash}`, url], { encoding: 'utf8' });
    const tps = /tps = ([\d.]+)/.exec(run.stdout)?.[1];
    const latency = /latency average = ([\d.]+) ms/.exec(run.stdout)?.[1];
    if (run.status !== 0 || !tps) {
      process.stdout.write(`  (pgbench failed: ${(run.stderr || run.stdout).split('\n').slice(-3).join(' ')})\n`);
      return null;
    }
    return { tps: Number(tps), latencyMs: Number(latency) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
