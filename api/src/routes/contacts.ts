import * as api from '@baton/shared/api';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { validate } from '../middleware/validate.ts';
import { describe } from '../openapi/describe.ts';
import { contactTimeline } from '../services/activities/timeline.ts';
import { mergeContacts } from '../services/contacts/merge.ts';
import { resolveContact } from '../services/contacts/resolve.ts';
import { contactDuplicates, duplicateGroups, findContacts } from '../services/contacts/search.ts';
import { getContact } from '../services/contacts/store.ts';
import { updateContact } from '../services/contacts/update.ts';

export const contactRoutes = new Hono<AppEnv>()
  .post('/resolve', describe(api.resolveContact), validate('json', api.resolveContact.body), async (c) => {
    const result = await resolveContact(c.var.db, c.var.caller, c.req.valid('json'));
    return c.json(result, result.created ? 201 : 200);
  })
  .get('/', describe(api.searchContacts), validate('query', api.searchContacts.query), async (c) =>
    c.json({ contacts: await findContacts(c.var.db, c.var.caller, c.req.valid('query')) }, 200),
  )
  // The extension's review screen: every group of likely duplicates in the organisation.
  .get('/duplicates', describe(api.listDuplicateGroups), async (c) => c.json({ duplicates: await duplicateGroups(c.var.db, c.var.caller) }, 200))
  .get('/:id', describe(api.getContact), validate('param', api.getContact.params), async (c) =>
    c.json({ contact: await getContact(c.var.db, c.var.caller, c.req.valid('param').id) }, 200),
  )
  .patch('/:id', describe(api.updateContact), validate('param', api.updateContact.params), validate('json', api.updateContact.body), async (c) =>
    c.json({ contact: await updateContact(c.var.db, c.var.caller, c.req.valid('param').id, c.req.valid('json')) }, 200),
  )
  .post('/:id/merge', describe(api.mergeContact), validate('param', api.mergeContact.params), validate('json', api.mergeContact.body), async (c) =>
    c.json(await mergeContacts(c.var.db, c.var.caller, c.req.valid('param').id, c.req.valid('json').duplicateId), 200),
  )
  .get('/:id/duplicates', describe(api.listContactDuplicates), validate('param', api.listContactDuplicates.params), async (c) =>
    c.json({ contacts: await contactDuplicates(c.var.db, c.var.caller, c.req.valid('param').id) }, 200),
  )
  .get('/:id/timeline', describe(api.getTimeline), validate('param', api.getTimeline.params), validate('query', api.getTimeline.query), async (c) =>
    c.json(await contactTimeline(c.var.db, c.var.caller, c.req.valid('param').id, c.req.valid('query')), 200),
  );
