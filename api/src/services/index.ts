import type { Services } from '../context.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import type { Env } from '../env.ts';
import { createRateLimiter } from '../middleware/rate-limit.ts';
import { createLogger, type Logger } from '../lib/logger.ts';
import { createNotifier } from '../lib/notifier.ts';
import { createStreamGuard } from '../lib/stream-guard.ts';

/** Opens the database, applies pending migrations and wires the app's services. */
export async function createServices(env: Env, options: { database?: Database; logger?: Logger } = {}): Promise<Services> {
  const logger = options.logger ?? createLogger(env.logLevel);
  const database = options.database ?? (await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, preparedStatements: env.preparedStatements }));
  await migrate(database);
  const notifier = createNotifier(database, logger);
  await notifier.start();
  const streams = createStreamGuard(database.db, logger, { recheckMs: env.streamRecheckMs, maxPerToken: env.maxStreamsPerToken });
  return { database, env, logger, notifier, rateLimiter: createRateLimiter(env.rateLimitPerMinute), addressLimiter: createRateLimiter(env.addressRateLimitPerMinute), streams };
}

export async function closeServices(services: Services): Promise<void> {
  services.streams.stop();
  await services.notifier.stop();
  await services.database.close();
}
