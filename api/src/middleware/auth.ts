import { and, eq, isNull } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { Role } from '@baton/shared';
import type { AppEnv } from '../context.ts';
import { apiTokens, users } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { hashToken, tokenOrgId } from '../services/tokens.ts';

const unauthorized = (message: string) => new ApiError(401, 'unauthorized', message, undefined, { 'WWW-Authenticate': 'Bearer' });

/** Resolves `Authorization: Bearer <token>` to the caller; every later query uses its orgId. */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization');
  if (!header) throw unauthorized('Sign in: send Authorization: Bearer <token>');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const token = match?.[1];
  const orgId = token ? tokenOrgId(token) : null;
  if (!token || !orgId) throw unauthorized('The token is malformed');
  const rows = await c.var.db
    .select({ tokenId: apiTokens.id, userId: users.id, role: users.role, email: users.email, name: users.name })
    .from(apiTokens)
    .innerJoin(users, and(eq(users.orgId, apiTokens.orgId), eq(users.id, apiTokens.userId)))
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  const row = rows[0];
  if (!row) throw unauthorized('The token is unknown or has been revoked');
  c.set('auth', { orgId, userId: row.userId, tokenId: row.tokenId, role: row.role as Role, email: row.email, name: row.name });
  const limit = c.var.services.rateLimiter.take(row.tokenId);
  if (!limit.allowed) {
    throw new ApiError(429, 'rate_limited', `Too many requests: try again in ${limit.retryAfterSeconds} s`, undefined, {
      'Retry-After': String(limit.retryAfterSeconds),
    });
  }
  await next();
});
