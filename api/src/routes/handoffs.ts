import * as api from '@baton/shared/api';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { validate } from '../middleware/validate.ts';
import { describe } from '../openapi/describe.ts';
import { acceptHandoff, rejectHandoff } from '../services/handoffs/respond.ts';
import { findHandoffs, getHandoff } from '../services/handoffs/store.ts';

export const handoffRoutes = new Hono<AppEnv>()
  .get('/', describe(api.listHandoffs), validate('query', api.listHandoffs.query), async (c) =>
    c.json({ handoffs: await findHandoffs(c.var.db, c.var.caller, c.req.valid('query')) }, 200),
  )
  .get('/:id', describe(api.getHandoff), validate('param', api.getHandoff.params), async (c) =>
    c.json(await getHandoff(c.var.db, c.var.caller, c.req.valid('param').id), 200),
  )
  .post('/:id/accept', describe(api.acceptHandoff), validate('param', api.acceptHandoff.params), async (c) =>
    c.json(await acceptHandoff(c.var.services, c.var.caller, c.req.valid('param').id), 200),
  )
  .post('/:id/reject', describe(api.rejectHandoff), validate('param', api.rejectHandoff.params), validate('json', api.rejectHandoff.body), async (c) =>
    c.json(await rejectHandoff(c.var.services, c.var.caller, c.req.valid('param').id, c.req.valid('json')), 200),
  );
