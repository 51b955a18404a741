import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp, type App } from './app.ts';
import type { Services } from './context.ts';
import type { Env } from './env.ts';
import { closeServices, createServices } from './services/index.ts';
import { startOverdueSweep } from './services/deals/overdue-sweep.ts';
import type { Logger } from './lib/logger.ts';

const SHUTDOWN_GRACE_MS = 1500;

export interface RunningServer {
  url: string;
  port: number;
  app: App;
  services: Services;
  /** Stops accepting requests, ends open streams, closes the database (the last process out stops the embedded PostgreSQL). */
  close(): Promise<void>;
}

/**
 * Starts the API on env.host:env.port (0 picks a free port). The embedded PostgreSQL is started
 * if it is not running yet, or shared with the Baton processes already using it.
 */
export async function startServer(env: Env, options: { logger?: Logger } = {}): Promise<RunningServer> {
  let services: Services | null = null;
  try {
    services = await createServices(env, options.logger ? { logger: options.logger } : {});
    const app = createApp(services);
    // Handlers still running when the server stops (their client may have gone) must finish
    // before the database closes under them.
    const inFlight = new Set<Promise<unknown>>();
    const fetch: typeof app.fetch = (request, ...rest) => {
      const handled = Promise.resolve(app.fetch(request, ...rest));
      const settled = handled.then(
        () => undefined,
        () => undefined,
      );
      inFlight.add(settled);
      void settled.finally(() => inFlight.delete(settled));
      return handled;
    };
    const server = createAdaptorServer({ fetch, hostname: env.host }) as Server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(env.port, env.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const urlHost = env.host.includes(':') ? `[${env.host}]` : env.host;
    const running = services;
    const stopSweep = startOverdueSweep(running);
    let closing: Promise<void> | null = null;
    return {
      url: `http://${urlHost}:${port}`,
      port,
      app,
      services: running,
      close() {
        closing ??= (async () => {
          const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeIdleConnections();
          // Requests in flight get a moment to finish; event streams never end on their own, so
          // whatever is still open after it is cut.
          const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
          await stopped;
          clearTimeout(cut);
          await Promise.race([Promise.all(inFlight), new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref())]);
          await stopSweep();
          await closeServices(running);
        })();
        return closing;
      },
    };
  } catch (error) {
    if (services) await closeServices(services);
    throw error;
  }
}
