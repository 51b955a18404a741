import { getHealth } from '@baton/shared/api';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv, Services } from './context.ts';
import { ApiError } from './errors.ts';
import { describeError } from './lib/logger.ts';
import { authHandler } from './lib/auth/mount.ts';
import { requireAuth } from './middleware/auth.ts';
import { limitByAddress } from './middleware/rate-limit.ts';
import { extensionCors, limitBody, provide, requestLog } from './middleware/common.ts';
import { activityRoutes } from './routes/activities.ts';
import { auditRoutes } from './routes/audit.ts';
import { briefRoutes } from './routes/brief.ts';
import { contactRoutes } from './routes/contacts.ts';
import { credentialRoutes } from './routes/credentials.ts';
import { dealRoutes } from './routes/deals.ts';
import { handoffRoutes } from './routes/handoffs.ts';
import { meRoutes } from './routes/me.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { describe } from './openapi/describe.ts';
import { consoleRoutes } from './console/console-routes.ts';
import { openapiRoutes } from './routes/openapi.ts';
import { setupRoutes } from './routes/setup.ts';
import { teamRoutes } from './routes/team.ts';
import { templateRoutes } from './routes/templates.ts';

export function createApp(services: Services) {
  // The document describes the whole app, which is built below.
  const whole: { app?: Hono<AppEnv> } = {};
  const app = new Hono<AppEnv>()
    .use('*', provide(services), requestLog, extensionCors(services.env.extensionOrigins), limitBody(services.env.bodyLimitBytes))
    .get('/v1/health', describe(getHealth), (c) => c.json({ ok: true as const, database: services.database.kind }, 200))
    .route('/v1', openapiRoutes(() => whole.app as Hono<AppEnv>))
    .on(['GET', 'POST'], '/api/auth/*', authHandler)
    .route('/v1', setupRoutes)
    .use('/v1/*', limitByAddress, requireAuth)
    .route('/v1', meRoutes)
    .route('/v1', credentialRoutes)
    .route('/v1/team', teamRoutes)
    .route('/v1/contacts', contactRoutes)
    .route('/v1/activities', activityRoutes)
    .route('/v1/deals', dealRoutes)
    .route('/v1/handoffs', handoffRoutes)
    .route('/v1/brief', briefRoutes)
    .route('/v1/notifications', notificationRoutes)
    .route('/v1/audit', auditRoutes)
    .route('/v1/handoff-templates', templateRoutes)
    .route('/', consoleRoutes());

  app.notFound((c) => c.json({ error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}` } }, 404));
  app.onError((error, c) => {
    if (error instanceof ApiError) {
      for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
      const body = { error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } };
      return c.json(body, error.status);
    }
    if (error instanceof HTTPException) {
      // Hono's own 400s (e.g. malformed JSON) and the like.
      const status = error.status;
      const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthorized' : 'bad_request';
      return c.json({ error: { code, message: error.message || 'The request is malformed' } }, status >= 500 ? 400 : status);
    }
    services.logger.error('unhandled error', { requestId: c.get('requestId'), ...describeError(error) });
    return c.json({ error: { code: 'internal', message: 'Something went wrong on our side; the request id is in X-Request-Id' } }, 500);
  });
  whole.app = app as unknown as Hono<AppEnv>;
  return app;
}

export type App = ReturnType<typeof createApp>;
export type AppType = App;
