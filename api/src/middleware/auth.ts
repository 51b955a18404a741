import { sql } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { Role } from '@baton/shared';
import type { AppEnv, Auth } from '../context.ts';
import type { Db } from '../db/client.ts';
import { ApiError } from '../errors.ts';
import { consoleOrigins } from '../lib/auth/auth.ts';
import { prepared } from '../lib/prepared.ts';
import { hashToken, tokenOrgId } from '../lib/tokens.ts';
import { rateLimited } from './rate-limit.ts';

interface TokenRow extends Record<string, unknown> {
  token_id: string;
  user_id: string;
  role: string;
  email: string;
  name: string;
  deactivated: boolean;
  revoked: boolean;
}

// Revoked tokens are found too: deactivation revokes a member's tokens, and the rep is told why.
export const tokenLookup = `
  select t.id as token_id, u.id as user_id, u.role, u.email, u.name,
         u.deactivated_at is not null as deactivated, t.revoked_at is not null as revoked
  from api_tokens t join users u on u.org_id = t.org_id and u.id = t.user_id
  where t.org_id = $1::uuid and t.token_hash = $2::text
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

const DEACTIVATED = 'Your Baton account has been deactivated: ask an admin of your team';
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?baton\.session_token=/;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the caller: `Authorization: Bearer <token>` (CLI, extension, integrations) or the
 * console's session cookie. Every later query uses its orgId. A deactivated user is refused
 * either way, at once, because both are looked up on every request.
 */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization');
  const auth = header ? await bearerAuth(c.var.db, header) : await sessionAuth(c);
  c.set('auth', auth);
  c.set('caller', { ...auth, requestId: c.var.requestId });
  if (auth.via === 'token') await noteUse(c.var.db, auth.orgId, auth.tokenId);
  const limit = c.var.services.rateLimiter.take(auth.tokenId);
  if (!limit.allowed) throw rateLimited(limit.retryAfterSeconds);
  await next();
});

async function bearerAuth(db: AppEnv['Variables']['db'], header: string): Promise<Auth> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const token = match?.[1];
  const orgId = token ? tokenOrgId(token) : null;
  if (!token || !orgId) throw unauthorized('The token is malformed');
  // Looked up on every request, never cached, so a revoked token is refused at once by every
  // process. A prepared statement: parsed and planned once per connection, one round trip.
  // Deactivation revokes the tokens too; it is checked first so the rep is told why.
  const [row] = await prepared<TokenRow>(db, tokenLookup, [orgId, hashToken(token)]);
  if (row?.deactivated) throw unauthorized(DEACTIVATED);
  if (!row || row.revoked) throw unauthorized('The token is unknown or has been revoked');
  return { orgId, userId: row.user_id, tokenId: row.token_id, via: 'token', role: row.role as Role, email: row.email, name: row.name };
}

type Ctx = Parameters<Parameters<typeof createMiddleware<AppEnv>>[0]>[0];

async function sessionAuth(c: Ctx): Promise<Auth> {
  const cookie = c.req.header('cookie');
  if (!cookie || !SESSION_COOKIE.test(cookie)) throw unauthorized('Sign in: send Authorization: Bearer <token>, or sign in to the console');
  // SameSite=Lax keeps the cookie off cross-site subrequests; the Origin check refuses the rest
  // (a cross-site form post, an old browser): a write with the cookie must come from the console.
  if (WRITES.has(c.req.method)) {
    const origin = c.req.header('origin');
    if (!origin || (!consoleOrigins(c.var.services.env.publicUrl).includes(origin) && origin !== new URL(c.req.url).origin)) {
      throw new ApiError(403, 'forbidden', 'A write with the session cookie must come from the console (its Origin header)');
    }
  }
  const session = await c.var.services.auth.api.getSession({ headers: c.req.raw.headers });
  if (!session) throw unauthorized('The session has ended: sign in again');
  const [row] = await c.var.db.execute<{ org_id: string; user_id: string; role: string; email: string; name: string; deactivated: boolean }>(sql`
    select u.org_id, u.id as user_id, u.role, u.email, u.name, u.deactivated_at is not null as deactivated
    from auth_user a join users u on u.org_id = a.org_id and u.id = a.id::uuid
    where a.id = ${session.user.id}
    limit 1`);
  if (!row || row.deactivated) throw unauthorized(DEACTIVATED);
  return { orgId: row.org_id, userId: row.user_id, tokenId: session.session.id, via: 'session', role: row.role as Role, email: row.email, name: row.name };
}
