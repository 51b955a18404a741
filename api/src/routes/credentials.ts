import * as api from '@baton/shared/api';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { validate } from '../middleware/validate.ts';
import { describe } from '../openapi/describe.ts';
import { createApiToken, listCredentials, revokeCredential } from '../services/credentials/store.ts';

export const credentialRoutes = new Hono<AppEnv>()
  .get('/tokens', describe(api.listTokens), async (c) => c.json({ tokens: await listCredentials(c.var.db, c.var.caller, 'api') }, 200))
  .post('/tokens', describe(api.createToken), validate('json', api.createToken.body), async (c) =>
    c.json(await createApiToken(c.var.db, c.var.caller, c.req.valid('json').name), 201),
  )
  .delete('/tokens/:id', describe(api.revokeToken), validate('param', api.revokeToken.params), async (c) => {
    await revokeCredential(c.var.db, c.var.caller, 'api', c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  })
  .get('/devices', describe(api.listDevices), async (c) => c.json({ devices: await listCredentials(c.var.db, c.var.caller, 'device') }, 200))
  .delete('/devices/:id', describe(api.revokeDevice), validate('param', api.revokeDevice.params), async (c) => {
    await revokeCredential(c.var.db, c.var.caller, 'device', c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
