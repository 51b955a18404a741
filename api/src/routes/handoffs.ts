import { HandoffStatus, Id, RejectHandoffInput } from '@baton/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { validate } from '../middleware/validate.ts';
import { containsNul } from '../services/activities/content-hash.ts';
import { requireHandoff, listHandoffs } from '../services/handoffs/store.ts';
import { acceptHandoff, rejectHandoff } from '../services/handoffs/respond.ts';
import { toHandoff } from '../services/serialize.ts';

const IdParam = z.object({ id: Id });
// PostgreSQL text cannot hold NUL: refuse it as invalid input rather than fail in the database.
const noNul = <T extends z.ZodType>(schema: T) => schema.refine((value) => !containsNul(value), 'text may not contain NUL characters');
const Person = z.union([z.literal('me'), Id]);
const HandoffQuery = z.object({
  to: Person.optional(),
  from: Person.optional(),
  status: HandoffStatus.optional(),
  dealId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const handoffRoutes = new Hono<AppEnv>()
  .get('/', validate('query', HandoffQuery), async (c) => {
    const query = c.req.valid('query');
    const me = (who: string | undefined) => (who === 'me' ? c.var.auth.userId : who);
    const handoffs = await listHandoffs(c.var.db, c.var.auth.orgId, {
      toUserId: me(query.to),
      fromUserId: me(query.from),
      status: query.status,
      dealId: query.dealId,
      limit: query.limit,
    });
    return c.json({ handoffs }, 200);
  })
  .get('/:id', validate('param', IdParam), async (c) => {
    const handoff = await requireHandoff(c.var.db, c.var.auth.orgId, c.req.valid('param').id);
    return c.json(toHandoff(handoff), 200);
  })
  .post('/:id/accept', validate('param', IdParam), async (c) => {
    const handoff = await acceptHandoff(c.var.services, c.var.auth, c.req.valid('param').id, c.var.requestId);
    return c.json(handoff, 200);
  })
  .post('/:id/reject', validate('param', IdParam), validate('json', noNul(RejectHandoffInput)), async (c) => {
    const handoff = await rejectHandoff(c.var.services, c.var.auth, c.req.valid('param').id, c.req.valid('json'), c.var.requestId);
    return c.json(handoff, 200);
  });
