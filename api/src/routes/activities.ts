import { logActivities } from '@baton/shared/api';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { validate } from '../middleware/validate.ts';
import { describe } from '../openapi/describe.ts';
import { ingestActivities } from '../services/activities/ingest-batch.ts';

export const activityRoutes = new Hono<AppEnv>().post(
  '/batch',
  describe(logActivities),
  validate('json', logActivities.body, logActivities.documentedBody),
  async (c) => c.json({ results: await ingestActivities(c.var.db, c.var.caller, c.req.valid('json').activities) }, 200),
);
