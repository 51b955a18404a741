import { and, eq, isNull } from 'drizzle-orm';
import type { Auth } from '../context.ts';
import type { Db } from '../db/client.ts';
import { apiTokens, users } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { anyOf } from '../services/activities/sql.ts';
import type { Logger } from './logger.ts';

/**
 * Watches the open notification streams of this process. Auth is checked once when a stream
 * opens, so every `recheckMs` one query asks which of their tokens are still valid (not revoked,
 * user still there): a token revoked through any process, or the CLI, ends its streams within
 * that time here. It also caps how many streams one token may hold open on this process.
 */
export interface StreamGuard {
  /** Registers a stream; `end` is called when its token stops being valid. Throws 429 beyond the cap. Returns the release. */
  open(auth: Pick<Auth, 'orgId' | 'tokenId'>, end: () => void): () => void;
  /** Runs one check now (the timer calls this). */
  sweep(): Promise<void>;
  stop(): void;
}

interface Open {
  orgId: string;
  tokenId: string;
  end: () => void;
}

export function createStreamGuard(db: Db, logger: Logger, options: { recheckMs: number; maxPerToken: number }): StreamGuard {
  const streams = new Set<Open>();
  let timer: NodeJS.Timeout | null = null;
  let sweeping: Promise<void> | null = null;

  async function check(): Promise<void> {
    if (streams.size === 0) return;
    const ids = [...new Set([...streams].map((s) => s.tokenId))];
    const rows = await db
      .select({ orgId: apiTokens.orgId, id: apiTokens.id })
      .from(apiTokens)
      .innerJoin(users, and(eq(users.orgId, apiTokens.orgId), eq(users.id, apiTokens.userId)))
      .where(and(anyOf(apiTokens.id, ids, 'uuid'), isNull(apiTokens.revokedAt)));
    const valid = new Set(rows.map((row) => `${row.orgId}/${row.id}`));
    for (const stream of [...streams]) {
      if (valid.has(`${stream.orgId}/${stream.tokenId}`)) continue;
      streams.delete(stream);
      stream.end();
    }
  }

  const guard: StreamGuard = {
    open(auth, end) {
      const held = [...streams].filter((s) => s.tokenId === auth.tokenId).length;
      if (held >= options.maxPerToken) {
        throw new ApiError(429, 'rate_limited', `This token already holds ${held} open notification streams: close one first`, undefined, { 'Retry-After': '60' });
      }
      const entry: Open = { orgId: auth.orgId, tokenId: auth.tokenId, end };
      streams.add(entry);
      if (timer === null) {
        timer = setInterval(() => void guard.sweep(), options.recheckMs);
        timer.unref();
      }
      return () => {
        streams.delete(entry);
        if (streams.size === 0 && timer !== null) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
    sweep() {
      sweeping ??= check()
        .catch((error: unknown) => logger.error('checking the tokens of open streams failed', { error: error instanceof Error ? error.message : String(error) }))
        .finally(() => {
          sweeping = null;
        });
      return sweeping;
    },
    stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
      for (const stream of streams) stream.end();
      streams.clear();
    },
  };
  return guard;
}
