import { Id } from '@baton/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { badRequest } from '../errors.ts';
import { validate } from '../middleware/validate.ts';
import { containsNul } from '../services/activities/content-hash.ts';
import { loadBrief, type BriefFocus } from '../services/brief/load.ts';
import { identityKeys } from '../services/contacts/identity.ts';

const BriefQuery = z.object({
  email: z.string().trim().min(1).max(320).optional(),
  linkedin: z.string().trim().min(1).max(500).optional(),
  contactId: Id.optional(),
});

export const briefRoutes = new Hono<AppEnv>().get('/', validate('query', BriefQuery.refine((query) => !containsNul(query), 'text may not contain NUL characters')), async (c) => {
  const { email, linkedin, contactId } = c.req.valid('query');
  if ([email, linkedin, contactId].filter((value) => value !== undefined).length !== 1) {
    throw badRequest('Ask for a brief by exactly one of email, linkedin or contactId');
  }
  let focus: BriefFocus;
  if (contactId !== undefined) focus = { contactId };
  else {
    const [identity] = identityKeys(email === undefined ? undefined : [email], linkedin);
    if (!identity) throw badRequest('Ask for a brief by exactly one of email, linkedin or contactId');
    focus = { identity };
  }
  return c.json(await loadBrief(c.var.db, c.var.auth.orgId, focus), 200);
});
