import { CreateDealInput, HandoffInput, Id, UpdateDealInput } from '@baton/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { validate } from '../middleware/validate.ts';
import { containsNul } from '../services/activities/content-hash.ts';
import { listDeals } from '../services/deals/list.ts';
import { requireDeal } from '../services/deals/store.ts';
import { createDeal, updateDeal } from '../services/deals/write.ts';
import { createHandoff } from '../services/handoffs/create.ts';
import { toDeal } from '../services/serialize.ts';

const IdParam = z.object({ id: Id });
// PostgreSQL text cannot hold NUL: refuse it as invalid input rather than fail in the database.
const noNul = <T extends z.ZodType>(schema: T) => schema.refine((value) => !containsNul(value), 'text may not contain NUL characters');
const DealQuery = z.object({
  owner: z.union([z.literal('me'), Id]).optional(),
  stalled: z.enum(['1', '0', 'true', 'false']).optional(),
  contactId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const dealRoutes = new Hono<AppEnv>()
  .post('/', validate('json', noNul(CreateDealInput)), async (c) => {
    const { deal, created } = await createDeal(c.var.db, c.var.auth, c.req.valid('json'), c.var.requestId);
    return c.json(deal, created ? 201 : 200);
  })
  .get('/', validate('query', DealQuery), async (c) => {
    const query = c.req.valid('query');
    const deals = await listDeals(c.var.db, c.var.auth.orgId, {
      ownerId: query.owner === 'me' ? c.var.auth.userId : query.owner,
      stalled: query.stalled === '1' || query.stalled === 'true',
      contactId: query.contactId,
      limit: query.limit,
    });
    return c.json({ deals }, 200);
  })
  .get('/:id', validate('param', IdParam), async (c) => {
    const deal = await requireDeal(c.var.db, c.var.auth.orgId, c.req.valid('param').id);
    return c.json(toDeal(deal), 200);
  })
  .patch('/:id', validate('param', IdParam), validate('json', noNul(UpdateDealInput)), async (c) => {
    const deal = await updateDeal(c.var.db, c.var.auth, c.req.valid('param').id, c.req.valid('json'), c.var.requestId);
    return c.json(deal, 200);
  })
  .post('/:id/handoffs', validate('param', IdParam), validate('json', noNul(HandoffInput)), async (c) => {
    const { handoff, created } = await createHandoff(c.var.services, c.var.auth, c.req.valid('param').id, c.req.valid('json'), c.var.requestId);
    return c.json(handoff, created ? 201 : 200);
  });
