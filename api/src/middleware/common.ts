import { randomUUID } from 'node:crypto';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Services } from '../context.ts';
import { ApiError } from '../errors.ts';

export const provide = (services: Services) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('services', services);
    c.set('db', services.database.db);
    await next();
  });

/** A request id (taken from X-Request-Id when sane) on every response and log line. */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const incoming = c.req.header('x-request-id');
  const requestId = incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
  c.set('requestId', requestId);
  const started = performance.now();
  await next();
  c.header('X-Request-Id', requestId);
  c.var.services.logger.info('request', {
    requestId,
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    ms: Math.round((performance.now() - started) * 10) / 10,
    orgId: c.get('auth')?.orgId,
    userId: c.get('auth')?.userId,
  });
});

/** Browsers may call the API only from the extension (chrome-extension:// or moz-extension://). */
export const extensionCors = (allowed: string[]) =>
  cors({
    origin: (origin) => {
      if (allowed.length > 0) return allowed.includes(origin) ? origin : null;
      return /^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i.test(origin) ? origin : null;
    },
    allowHeaders: ['Authorization', 'Content-Type', 'Last-Event-ID', 'X-Request-Id'],
    allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
    exposeHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });

/**
 * The body limit, applied only to requests that can carry a body. Hono's bodyLimit reads the raw
 * Request, which makes @hono/node-server build a full Request (and an AbortController) for it: a
 * GET, the most common request by far, has no body to limit and should not pay for that.
 */
export const limitBody = (maxSize: number) => {
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `The request body is larger than ${maxSize} bytes`);
    },
  });
  return createMiddleware<AppEnv>(async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    return limit(c, next);
  });
};
