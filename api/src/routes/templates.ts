import { can, FieldPath, HandoffKind } from '@baton/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { forbidden } from '../errors.ts';
import { validate } from '../middleware/validate.ts';
import { setTemplate, templatesInForce } from '../services/templates/store.ts';

const TemplateBody = z.object({ required: z.array(FieldPath).max(FieldPath.options.length) }).strict();

export const templateRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json({ templates: await templatesInForce(c.var.db, c.var.auth.orgId) }, 200))
  .put('/:kind', validate('param', z.object({ kind: HandoffKind })), validate('json', TemplateBody), async (c) => {
    if (!can(c.var.auth.role, 'edit_templates')) throw forbidden('Only managers and admins can change handoff templates');
    const template = await setTemplate(c.var.db, c.var.auth, c.req.valid('param').kind, c.req.valid('json').required, c.var.requestId);
    return c.json(template, 200);
  });
