import { ActivityBatchInput } from '@baton/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { validate } from '../middleware/validate.ts';
import { ingestActivities } from '../services/activities/ingest-batch.ts';

export const activityRoutes = new Hono<AppEnv>().post('/batch', validate('json', ActivityBatchInput), async (c) => {
  const caller = { ...c.var.auth, requestId: c.var.requestId };
  const results = await ingestActivities(c.var.db, caller, c.req.valid('json').activities);
  return c.json({ results }, 200);
});
