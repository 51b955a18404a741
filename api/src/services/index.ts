import type { Services } from '../context.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import type { Env } from '../env.ts';
import { createRateLimiter } from '../middleware/rate-limit.ts';
import { createLogger, type Logger } from '../lib/logger.ts';
import { createNotifier } from '../lib/notifier.ts';
import { createStreamGuard } from '../lib/stream-guard.ts';
import { createAuth } from '../lib/auth/auth.ts';
import { authSecret } from '../lib/auth/secret.ts';
import { createOutboxWorker, type MailTransport } from '../lib/mail/outbox.ts';
import { smtpTransport } from '../lib/mail/smtp.ts';

export interface ServiceOptions {
  database?: Database;
  logger?: Logger;
  /** Replaces the SMTP transport (tests count deliveries); requires nothing of BATON_SMTP_URL. */
  mailTransport?: MailTransport;
  /** Options of the outbox worker (tests shorten the backoff). */
  outbox?: { pollMs?: number; baseBackoffMs?: number; maxAttempts?: number };
  /** Unauthenticated requests (invitation links, first run) per client address per minute. */
  publicPerMinute?: number;
  /** Sign-in attempts per IP per minute. */
  signInPerMinute?: number;
}

/** Opens the database, applies pending migrations and wires the app's services. */
export async function createServices(env: Env, options: ServiceOptions = {}): Promise<Services> {
  const logger = options.logger ?? createLogger(env.logLevel);
  const database = options.database ?? (await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, preparedStatements: env.preparedStatements }));
  await migrate(database);
  const notifier = createNotifier(database, logger);
  await notifier.start();
  const streams = createStreamGuard(database.db, logger, { recheckMs: env.streamRecheckMs, maxPerToken: env.maxStreamsPerToken });
  const transport = options.mailTransport ?? (env.smtpUrl ? smtpTransport(env.smtpUrl) : null);
  const worker = transport ? createOutboxWorker({ database, transport, from: env.mailFrom, logger, ...options.outbox }) : null;
  worker?.start();
  const mail = { configured: transport !== null, queued: () => worker?.wake(), worker };
  const auth = createAuth({
    db: database.db,
    env,
    secret: await authSecret(env),
    logger,
    mailQueued: mail.queued,
    ...(options.signInPerMinute ? { signInPerMinute: options.signInPerMinute } : {}),
  });
  return {
    database,
    env,
    logger,
    notifier,
    rateLimiter: createRateLimiter(env.rateLimitPerMinute),
    addressLimiter: createRateLimiter(env.addressRateLimitPerMinute),
    streams,
    publicRateLimiter: createRateLimiter(options.publicPerMinute ?? 20),
    auth,
    mail,
  };
}

export async function closeServices(services: Services): Promise<void> {
  services.streams.stop();
  await services.mail.worker?.stop();
  await services.notifier.stop();
  await services.database.close();
}
