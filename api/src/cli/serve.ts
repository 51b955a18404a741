import type { Env } from '../env.ts';
import { startServer } from '../server.ts';
import type { CliIo, Printer } from './io.ts';

/** Starts the API and keeps it up until SIGINT/SIGTERM, then lets open requests finish and closes. */
export async function serve(env: Env, out: Printer, io: CliIo): Promise<void> {
  const server = await startServer(env);
  const database = server.services.database.kind;
  out.result(
    { url: server.url, port: server.port, database, pid: process.pid, ...(env.databaseUrl ? {} : { dataDir: env.dataDir }) },
    `Baton API listening on ${server.url} (${env.databaseUrl ? 'PostgreSQL server' : `embedded PostgreSQL in ${env.dataDir}`})`,
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      io.stderr(`Received ${signal} again: exiting now.\n`);
      process.exit(1);
    }
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        io.stderr(`Shutting down failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
