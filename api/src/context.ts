import type { Role } from '@baton/shared';
import type { Database, Db } from './db/client.ts';
import type { Env } from './env.ts';
import type { BatonAuth } from './lib/auth/auth.ts';
import type { Logger } from './lib/logger.ts';
import type { OutboxWorker } from './lib/mail/outbox.ts';
import type { Notifier } from './lib/notifier.ts';
import type { RateLimiter } from './middleware/rate-limit.ts';
import type { StreamGuard } from './lib/stream-guard.ts';

/** Who is calling: every query is scoped to `orgId`. */
export interface Auth {
  orgId: string;
  userId: string;
  /** The API token's id, or the console session's id. */
  tokenId: string;
  /** How the caller proved who they are. */
  via?: 'token' | 'session';
  role: Role;
  email: string;
  name: string;
}

/** The caller of a use case: who, in which organisation, for which request (for the audit trail). */
export interface Caller extends Auth {
  requestId: string;
}

export interface Services {
  database: Database;
  env: Env;
  logger: Logger;
  notifier: Notifier;
  rateLimiter: RateLimiter;
  /** Per client address, taken before auth. */
  addressLimiter: RateLimiter;
  streams: StreamGuard;
  /** Per client address, for what is served without a token (first run, invitation links). */
  publicRateLimiter: RateLimiter;
  /** Better Auth: the console's sign-in, sessions and password resets. */
  auth: BatonAuth;
  mail: {
    /** True when BATON_SMTP_URL is set. */
    configured: boolean;
    /** Sends queued mail now rather than at the next poll. */
    queued(): void;
    /** The outbox worker of this process; null without SMTP (mail then waits in the outbox). */
    worker: OutboxWorker | null;
  };
}

export interface AppEnv {
  Variables: {
    services: Services;
    db: Db;
    auth: Auth;
    /** `auth` with the request id: what every service is called with. */
    caller: Caller;
    requestId: string;
  };
}
