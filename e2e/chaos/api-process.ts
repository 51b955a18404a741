import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { z } from 'zod';
import { readPostmaster } from '../../api/src/db/embedded.ts';
import { apiCli, apiRoot } from '../support/paths.ts';
import { waitForHealth } from '../support/wait-for-health.ts';

/*
 * The real API as its own process (`baton serve`), on an embedded PostgreSQL in a data directory
 * or on a scratch PostgreSQL database. The harness SIGKILLs it mid-request and starts it again
 * on the same port and the same data (a killed API leaves the embedded PostgreSQL running; the
 * restarted one connects to it).
 */

export interface Storage {
  /** The embedded PostgreSQL's folder; unused when `databaseUrl` is set. */
  dataDir: string;
  databaseUrl: string | undefined;
}

const DemoOutput = z
  .array(z.object({ user: z.object({ id: z.uuid(), role: z.string(), orgId: z.uuid() }), token: z.string().min(1) }))
  .min(1);
export type DemoUsers = z.infer<typeof DemoOutput>;

function cliEnv(storage: Storage): NodeJS.ProcessEnv {
  return { ...process.env, BATON_DATA_DIR: storage.dataDir, BATON_LOG_LEVEL: 'error', DATABASE_URL: storage.databaseUrl ?? '', BATON_RATE_LIMIT: '1000000', BATON_ADDRESS_RATE_LIMIT: '10000000' };
}

function cli(args: string[], storage: Storage): ChildProcess {
  // `tsx` as a loader keeps the API in this one process, so SIGKILL reaches the process holding the database.
  return spawn(process.execPath, ['--import', 'tsx', apiCli, ...args], { cwd: apiRoot, env: cliEnv(storage), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `baton demo --json`: an organisation with an SDR, an AE, a CSM and a manager, with their tokens. */
export async function seedDemo(storage: Storage): Promise<DemoUsers> {
  const child = cli(['demo', '--json'], storage);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`\`baton demo\` failed (exit ${String(code)}):\n${stderr}`);
  return DemoOutput.parse(JSON.parse(stdout));
}

export class ApiProcess {
  readonly url: string;
  private child: ChildProcess | null = null;
  private output = '';
  kills = 0;
  /** Kills that took the embedded PostgreSQL down first (the first, third, … kill on the embedded database). */
  postgresKills = 0;
  restarts = 0;

  constructor(
    private readonly storage: Storage,
    readonly port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  async start(): Promise<void> {
    if (this.child) return;
    const child = cli(['serve', '--port', String(this.port)], this.storage);
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const exited = once(child, 'exit').then(([code, signal]) => {
      if (this.child === child) this.child = null;
      throw new Error(`The API exited (${String(code ?? signal)}) before it was up:\n${this.output.slice(-2000)}`);
    });
    exited.catch(() => undefined);
    await Promise.race([this.healthy(), exited]);
  }

  /**
   * SIGKILL: no shutdown hook runs, whatever the server was doing is cut where it stands. On the
   * embedded database every other kill (the first, third, …) first SIGKILLs PostgreSQL itself (a power cut as far as
   * the database can tell, short of the OS losing its page cache); the restarted API finds it
   * down and starts it, and PostgreSQL replays its WAL. Alternating keeps a seed's replay exact.
   */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    this.kills += 1;
    const postmaster = this.storage.databaseUrl ? null : readPostmaster(this.storage.dataDir);
    if (postmaster && this.kills % 2 === 1) {
      try {
        process.kill(postmaster.pid, 'SIGKILL');
        this.postgresKills += 1;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
    }
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  async restart(): Promise<void> {
    this.restarts += 1;
    await this.start();
  }

  /** SIGTERM, as an operator stops it: requests finish, the database closes cleanly. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }

  /** The server's recent output, for a failure report. */
  log(): string {
    return this.output.slice(-4000);
  }

  private healthy(): Promise<void> {
    return waitForHealth(this.url, 60_000);
  }
}
