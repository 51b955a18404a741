import type { Role } from '@baton/shared';
import type { Database, Db } from './db/client.ts';
import type { Env } from './env.ts';
import type { Logger } from './lib/logger.ts';
import type { Notifier } from './lib/notifier.ts';
import type { RateLimiter } from './middleware/rate-limit.ts';
import type { StreamGuard } from './lib/stream-guard.ts';

/** Who is calling: every query is scoped to `orgId`. */
export interface Auth {
  orgId: string;
  userId: string;
  tokenId: string;
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
