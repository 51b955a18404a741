import { createApp, type App } from '../app.ts';
import type { Services } from '../context.ts';
import { closeServices, createServices } from '../services/index.ts';
import { createLogger } from '../lib/logger.ts';
import type { TestApi } from './index.ts';

export interface SecondInstance {
  app: App;
  services: Services;
  request(method: string, path: string, options?: { token?: string; headers?: Record<string, string>; signal?: AbortSignal }): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Another API process on the same PostgreSQL database as `api`: its own connection pool,
 * its own LISTEN, nothing shared in memory.
 */
export async function createSecondInstance(api: TestApi): Promise<SecondInstance> {
  const services = await createServices({ ...api.services.env, databaseUrl: api.databaseUrl }, { logger: createLogger('silent') });
  const app = createApp(services);
  return {
    app,
    services,
    request: (method, path, options = {}) => {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      return Promise.resolve(app.request(path, { method, headers, signal: options.signal ?? null }));
    },
    close: () => closeServices(services),
  };
}
