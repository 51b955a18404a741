import { Id, MergeContactInput, ResolveContactInput, UpdateContactInput } from '@baton/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { badRequest } from '../errors.ts';
import { validate } from '../middleware/validate.ts';
import { containsNul } from '../services/activities/content-hash.ts';
import { TIMELINE_DEFAULT_LIMIT, TIMELINE_MAX_LIMIT, timelinePage } from '../services/activities/timeline.ts';
import { mergeContacts } from '../services/contacts/merge.ts';
import { resolveContact } from '../services/contacts/resolve.ts';
import { duplicateGroups, findDuplicates, searchContacts, type ContactQuery } from '../services/contacts/search.ts';
import { requireLiveContact, withIdentities } from '../services/contacts/store.ts';
import { updateContact } from '../services/contacts/update.ts';

const IdParam = z.object({ id: Id });
const noNul = <T extends z.ZodType>(schema: T) => schema.refine((value) => !containsNul(value), 'text may not contain NUL characters');
const SearchQuery = z.object({
  email: z.string().trim().min(1).max(320).optional(),
  linkedin: z.string().trim().min(1).max(500).optional(),
  q: z.string().trim().min(1).max(200).optional(),
});
const TimelineQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(TIMELINE_MAX_LIMIT).default(TIMELINE_DEFAULT_LIMIT),
});

export const contactRoutes = new Hono<AppEnv>()
  .post('/resolve', validate('json', noNul(ResolveContactInput)), async (c) => {
    const caller = { ...c.var.auth, requestId: c.var.requestId };
    const result = await resolveContact(c.var.db, caller, c.req.valid('json'));
    return c.json(result, result.created ? 201 : 200);
  })
  .get('/', validate('query', noNul(SearchQuery)), async (c) => {
    const { email, linkedin, q } = c.req.valid('query');
    const given = [email, linkedin, q].filter((value) => value !== undefined).length;
    if (given !== 1) throw badRequest('Search by exactly one of email, linkedin or q');
    const query: ContactQuery = email !== undefined ? { email } : linkedin !== undefined ? { linkedin } : { q: q ?? '' };
    return c.json({ contacts: await searchContacts(c.var.db, c.var.auth.orgId, query) }, 200);
  })
  // The extension's review screen: every group of likely duplicates in the organisation.
  .get('/duplicates', async (c) => c.json({ duplicates: await duplicateGroups(c.var.db, c.var.auth.orgId) }, 200))
  .get('/:id', validate('param', IdParam), async (c) => {
    const { orgId } = c.var.auth;
    const row = await requireLiveContact(c.var.db, orgId, c.req.valid('param').id);
    const [contact] = await withIdentities(c.var.db, orgId, [row]);
    return c.json({ contact }, 200);
  })
  .patch('/:id', validate('param', IdParam), validate('json', noNul(UpdateContactInput)), async (c) => {
    const caller = { ...c.var.auth, requestId: c.var.requestId };
    const contact = await updateContact(c.var.db, caller, c.req.valid('param').id, c.req.valid('json'));
    return c.json({ contact }, 200);
  })
  .post('/:id/merge', validate('param', IdParam), validate('json', MergeContactInput), async (c) => {
    const caller = { ...c.var.auth, requestId: c.var.requestId };
    const result = await mergeContacts(c.var.db, caller, c.req.valid('param').id, c.req.valid('json').duplicateId);
    return c.json(result, 200);
  })
  .get('/:id/duplicates', validate('param', IdParam), async (c) => {
    const { orgId } = c.var.auth;
    const row = await requireLiveContact(c.var.db, orgId, c.req.valid('param').id);
    return c.json({ contacts: await findDuplicates(c.var.db, orgId, row) }, 200);
  })
  .get('/:id/timeline', validate('param', IdParam), validate('query', TimelineQuery), async (c) => {
    const { orgId } = c.var.auth;
    const { cursor, limit } = c.req.valid('query');
    const row = await requireLiveContact(c.var.db, orgId, c.req.valid('param').id);
    return c.json(await timelinePage(c.var.db, orgId, row.id, { cursor, limit }), 200);
  });
