import * as api from '@baton/shared/api';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { badRequest } from '../errors.ts';
import { validate } from '../middleware/validate.ts';
import { describe } from '../openapi/describe.ts';
import { listNotifications, readAll, readOne } from '../services/notifications/read.ts';
import { streamNotifications } from '../services/notifications/stream.ts';

const LastEventId = api.streamNotifications.headers['Last-Event-ID'].schema;

export const notificationRoutes = new Hono<AppEnv>()
  .get('/', describe(api.listNotifications), validate('query', api.listNotifications.query), async (c) =>
    c.json(await listNotifications(c.var.db, c.var.caller, c.req.valid('query')), 200),
  )
  .get('/stream', describe(api.streamNotifications), validate('query', api.streamNotifications.query), async (c) => {
    const header = c.req.header('last-event-id');
    const parsed = header === undefined ? { success: true as const, data: c.req.valid('query').lastEventId } : LastEventId.safeParse(header);
    if (!parsed.success) throw badRequest('Last-Event-ID must be a notification seq (a whole number)');
    return streamNotifications(c, parsed.data === '' ? undefined : parsed.data);
  })
  .post('/read-all', describe(api.readAllNotifications), async (c) => c.json({ marked: await readAll(c.var.db, c.var.caller) }, 200))
  .post('/:id/read', describe(api.readNotification), validate('param', api.readNotification.params), async (c) =>
    c.json(await readOne(c.var.db, c.var.caller, c.req.valid('param').id), 200),
  );
