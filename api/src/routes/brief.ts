import { getBrief } from '@baton/shared/api';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { validate } from '../middleware/validate.ts';
import { describe } from '../openapi/describe.ts';
import { briefFor } from '../services/brief/load.ts';

export const briefRoutes = new Hono<AppEnv>().get('/', describe(getBrief), validate('query', getBrief.query), async (c) =>
  c.json(await briefFor(c.var.db, c.var.caller, c.req.valid('query')), 200),
);
