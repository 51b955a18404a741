import { sql } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { Role } from '@baton/shared';
import type { AppEnv } from '../context.ts';
import type { Db } from '../db/client.ts';
import { ApiError } from '../errors.ts';
import { prepared } from '../lib/prepared.ts';
import { hashToken, tokenOrgId } from '../lib/tokens.ts';
import { rateLimited } from './rate-limit.ts';

interface TokenRow extends Record<string, unknown> {
  token_id: string;
  user_id: string;
  role: string;
  email: string;
  name: string;
}

export const tokenLookup = `
  select t.id as token_id, u.id as user_id, u.role, u.email, u.name
  from api_tokens t join users u on u.org_id = t.org_id and u.id = t.user_id
  where t.org_id = $1::uuid and t.token_hash = $2::text and t.revoked_at is null
  limit 1`;

const unauthorized = (message: string) => new ApiError(401, 'unauthorized', message, undefined, { 'WWW-Authenticate': 'Bearer' });

/** How stale `last_used_at` may get: at most one write per token per this long, per process. */
export const LAST_USED_WRITE_MS = 60_000;
const lastWritten = new Map<string, number>();

/** Keeps `api_tokens.last_used_at` current (so stale tokens can be found) without a write per request. */
async function noteUse(db: Db, orgId: string, tokenId: string, now = Date.now()): Promise<void> {
  const last = lastWritten.get(tokenId);
  if (last !== undefined && now - last < LAST_USED_WRITE_MS) return;
  lastWritten.delete(tokenId);
  if (lastWritten.size >= 100_000) {
    const oldest = lastWritten.keys().next();
    if (!oldest.done) lastWritten.delete(oldest.value);
  }
  lastWritten.set(tokenId, now);
  await db.execute(sql`update api_tokens set last_used_at = ${new Date(now).toISOString()}::timestamptz where org_id = ${orgId}::uuid and id = ${tokenId}::uuid`);
}

/** Resolves `Authorization: Bearer <token>` to the caller; every later query uses its orgId. */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization');
  if (!header) throw unauthorized('Sign in: send Authorization: Bearer <token>');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const token = match?.[1];
  const orgId = token ? tokenOrgId(token) : null;
  if (!token || !orgId) throw unauthorized('The token is malformed');
  // Looked up on every request, never cached, so a revoked token is refused at once by every
  // process. A prepared statement: parsed and planned once per connection, one round trip.
  const [row] = await prepared<TokenRow>(c.var.db, tokenLookup, [orgId, hashToken(token)]);
  if (!row) throw unauthorized('The token is unknown or has been revoked');
  const auth = { orgId, userId: row.user_id, tokenId: row.token_id, role: row.role as Role, email: row.email, name: row.name };
  c.set('auth', auth);
  c.set('caller', { ...auth, requestId: c.var.requestId });
  await noteUse(c.var.db, orgId, row.token_id);
  const limit = c.var.services.rateLimiter.take(row.token_id);
  if (!limit.allowed) throw rateLimited(limit.retryAfterSeconds);
  await next();
});
