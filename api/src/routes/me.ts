import { getMe, listUsers } from '@baton/shared/api';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { validate } from '../middleware/validate.ts';
import { describe } from '../openapi/describe.ts';
import { whoAmI } from '../services/people/me.ts';
import { teammates } from '../services/people/teammates.ts';

export const meRoutes = new Hono<AppEnv>()
  .get('/me', describe(getMe), async (c) => c.json(await whoAmI(c.var.db, c.var.caller), 200))
  .get('/users', describe(listUsers), validate('query', listUsers.query), async (c) =>
    c.json({ users: await teammates(c.var.db, c.var.caller, c.req.valid('query')) }, 200),
  );
