import * as api from '@baton/shared/api';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { validate } from '../middleware/validate.ts';
import { describe } from '../openapi/describe.ts';
import { clientIp } from '../lib/auth/mount.ts';
import { signIn } from '../services/team/accounts.ts';
import { accept, preview } from '../services/team/invitations.ts';
import { createFirstTeam, setupNeeded } from '../services/team/setup.ts';

/* The routes served without a token: first run, and the invitation link. */

function forwardCookies(c: Context<AppEnv>, headers: Headers) {
  for (const cookie of headers.getSetCookie()) c.header('Set-Cookie', cookie, { append: true });
}

function limitByIp(c: Context<AppEnv>, what: string) {
  const limit = c.var.services.publicRateLimiter.take(`${what}:${clientIp(c) ?? 'unknown'}`);
  if (!limit.allowed) {
    throw new ApiError(429, 'rate_limited', `Too many attempts: try again in ${limit.retryAfterSeconds} s`, undefined, { 'Retry-After': String(limit.retryAfterSeconds) });
  }
}

export const setupRoutes = new Hono<AppEnv>()
  .get('/setup', describe(api.getSetup), async (c) => c.json({ needed: await setupNeeded(c.var.services.database) }, 200))
  .post('/setup', describe(api.createTeam), validate('json', api.createTeam.body), async (c) => {
    limitByIp(c, 'setup');
    const input = c.req.valid('json');
    const { services } = c.var;
    const { orgId, userId } = await createFirstTeam(services.database, services.auth, input, c.var.requestId);
    forwardCookies(c, await signIn(services.auth, input.email, input.password, c.req.raw.headers));
    return c.json({ user: { id: userId, orgId, email: input.email, name: input.name, role: 'admin' as const }, org: { id: orgId, name: input.teamName } }, 201);
  })
  .get('/invitations/:token', describe(api.lookupInvitation), validate('param', api.lookupInvitation.params), async (c) => {
    limitByIp(c, 'invite');
    return c.json(await preview(c.var.services, c.req.valid('param').token), 200);
  })
  .post('/invitations/accept', describe(api.acceptInvitation), validate('json', api.acceptInvitation.body), async (c) => {
    limitByIp(c, 'invite');
    const input = c.req.valid('json');
    const { services } = c.var;
    const joined = await accept(services, input, c.var.requestId);
    forwardCookies(c, await signIn(services.auth, joined.email, input.password, c.req.raw.headers));
    return c.json({ user: { id: joined.userId, orgId: joined.orgId, email: joined.email, name: input.name, role: joined.role }, org: { id: joined.orgId, name: joined.orgName } }, 201);
  });
