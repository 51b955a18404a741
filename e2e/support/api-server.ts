import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { Role } from '@baton/shared';
import { stopEmbedded } from '../../api/src/db/embedded.ts';
import { z } from 'zod';
import { apiCli, apiRoot } from './paths.ts';
import { waitForHealth } from './wait-for-health.ts';

/*
 * The real API, run as its own process through its CLI exactly as a self-hoster would, on an
 * embedded PostgreSQL in a temporary directory (a stopped cluster can be copied like any folder). Tests stop and restart it to take the API away
 * from the extension and give it back.
 */

const DemoUser = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), role: Role, orgId: z.uuid(), name: z.string() }),
  token: z.string().min(1),
});
export type DemoUser = z.infer<typeof DemoUser>;
const DemoOutput = z.array(DemoUser).min(1);

function cliEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, BATON_DATA_DIR: dataDir, BATON_LOG_LEVEL: 'warn', DATABASE_URL: '', ...extra };
}

/** `tsx` as a Node loader keeps the server in one process, so its pid is the one to signal. */
function runCli(args: string[], dataDir: string, env?: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', apiCli, ...args], {
    cwd: apiRoot,
    env: cliEnv(dataDir, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function collect(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

/** Creates the demo organisation (an SDR, an AE, a CSM and a manager) in `dataDir` with `baton demo`. */
export async function seedDemo(dataDir: string): Promise<DemoUser[]> {
  const { code, stdout, stderr } = await collect(runCli(['demo', '--json'], dataDir));
  if (code !== 0) throw new Error(`\`baton demo\` failed (exit ${code}):\n${stderr}`);
  return DemoOutput.parse(JSON.parse(stdout));
}

export interface ApiServerOptions {
  dataDir: string;
  port: number;
  /** Server output goes here, for reading after a failed test. */
  logFile: string;
  /** More environment for `serve` (e.g. BATON_SMTP_URL). */
  env?: NodeJS.ProcessEnv;
}

export class ApiServer {
  readonly url: string;
  private child: ChildProcess | null = null;
  private log: WriteStream;

  constructor(private readonly options: ApiServerOptions) {
    this.url = `http://127.0.0.1:${options.port}`;
    this.log = createWriteStream(options.logFile, { flags: 'a' });
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts `baton serve` and resolves once /v1/health answers. */
  async start(): Promise<void> {
    if (this.child) throw new Error('The API is already running');
    const child = runCli(['serve', '--port', String(this.options.port)], this.options.dataDir, this.options.env);
    this.child = child;
    let stderr = '';
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      this.log.write(chunk);
    });
    const failedEarly = new Promise<never>((_, reject) => {
      child.once('exit', (code) => {
        if (this.child === child) this.child = null;
        reject(new Error(`The API exited (code ${String(code)}) before it was up:\n${stderr}`));
      });
    });
    // Once the server is up, a later exit is seen by stop() and by the requests that fail.
    failedEarly.catch(() => undefined);
    await Promise.race([this.waitForHealth(), failedEarly]);
  }

  /** Stops the server as an operator would (SIGTERM) and waits until its port and database are released. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }

  /** Runs a `baton` CLI command on this server's database (as an operator on the same machine would). */
  async cli(args: string[]): Promise<string> {
    const { code, stdout, stderr } = await collect(runCli(args, this.options.dataDir));
    if (code !== 0) throw new Error(`\`baton ${args.join(' ')}\` failed (exit ${code}):\n${stderr}`);
    return stdout;
  }

  async dispose(): Promise<void> {
    await this.stop();
    // A server stopped with SIGTERM stops its PostgreSQL; one that was killed leaves it running.
    await stopEmbedded(this.options.dataDir);
    await new Promise<void>((resolve) => this.log.end(resolve));
  }

  private waitForHealth(): Promise<void> {
    return waitForHealth(this.url, 30_000);
  }
}
