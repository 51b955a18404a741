import * as api from '@baton/shared/api';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { validate } from '../middleware/validate.ts';
import { describe } from '../openapi/describe.ts';
import { changeTemplate, templatesInForce } from '../services/templates/store.ts';

export const templateRoutes = new Hono<AppEnv>()
  .get('/', describe(api.listTemplates), async (c) => c.json({ templates: await templatesInForce(c.var.db, c.var.caller) }, 200))
  .put('/:kind', describe(api.setTemplate), validate('param', api.setTemplate.params), validate('json', api.setTemplate.body), async (c) =>
    c.json(await changeTemplate(c.var.db, c.var.caller, c.req.valid('param').kind, c.req.valid('json').required), 200),
  );
