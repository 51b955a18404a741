import * as api from '@baton/shared/api';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { validate } from '../middleware/validate.ts';
import { describe } from '../openapi/describe.ts';
import { getDeal } from '../services/deals/get.ts';
import { findDeals } from '../services/deals/list.ts';
import { createDeal, updateDeal } from '../services/deals/write.ts';
import { createHandoff } from '../services/handoffs/create.ts';

export const dealRoutes = new Hono<AppEnv>()
  .post('/', describe(api.createDeal), validate('json', api.createDeal.body), async (c) => {
    const { deal, created } = await createDeal(c.var.db, c.var.caller, c.req.valid('json'));
    return c.json(deal, created ? 201 : 200);
  })
  .get('/', describe(api.listDeals), validate('query', api.listDeals.query), async (c) =>
    c.json({ deals: await findDeals(c.var.db, c.var.caller, c.req.valid('query')) }, 200),
  )
  .get('/:id', describe(api.getDeal), validate('param', api.getDeal.params), async (c) => c.json(await getDeal(c.var.db, c.var.caller, c.req.valid('param').id), 200))
  .patch('/:id', describe(api.updateDeal), validate('param', api.updateDeal.params), validate('json', api.updateDeal.body), async (c) =>
    c.json(await updateDeal(c.var.db, c.var.caller, c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .post('/:id/handoffs', describe(api.createHandoff), validate('param', api.createHandoff.params), validate('json', api.createHandoff.body), async (c) => {
    const { handoff, created } = await createHandoff(c.var.services, c.var.caller, c.req.valid('param').id, c.req.valid('json'));
    return c.json(handoff, created ? 201 : 200);
  });
