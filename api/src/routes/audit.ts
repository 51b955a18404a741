import { listAudit as endpoint } from '@baton/shared/api';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { validate } from '../middleware/validate.ts';
import { describe } from '../openapi/describe.ts';
import { listAudit } from '../services/audit/list.ts';

export const auditRoutes = new Hono<AppEnv>().get('/', describe(endpoint), validate('query', endpoint.query), async (c) =>
  c.json(await listAudit(c.var.db, c.var.caller, c.req.valid('query')), 200),
);
