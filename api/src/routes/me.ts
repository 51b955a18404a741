import { Role } from '@baton/shared';
import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { orgs, users } from '../db/schema.ts';
import { validate } from '../middleware/validate.ts';
import { toUserSummary } from '../services/serialize.ts';

export const meRoutes = new Hono<AppEnv>()
  .get('/me', async (c) => {
    const { orgId, userId, role, email, name } = c.var.auth;
    const [org] = await c.var.db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(eq(orgs.id, orgId)).limit(1);
    return c.json({ user: { id: userId, orgId, email, name, role }, org: org ?? null }, 200);
  })
  .get('/users', validate('query', z.object({ role: Role.optional() })), async (c) => {
    const { role } = c.req.valid('query');
    const rows = await c.var.db
      .select()
      .from(users)
      .where(role ? and(eq(users.orgId, c.var.auth.orgId), eq(users.role, role)) : eq(users.orgId, c.var.auth.orgId))
      .orderBy(asc(users.name));
    return c.json({ users: rows.map(toUserSummary) }, 200);
  });
