import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { buildOpenApiDocument } from '../openapi/document.ts';

// Built once: the document depends only on the code.
let document: ReturnType<typeof buildOpenApiDocument> | null = null;

/** Public (mounted before auth): clients and tools read it to learn the API. */
export const openapiRoutes = new Hono<AppEnv>().get('/openapi.json', (c) => {
  document ??= buildOpenApiDocument();
  return c.json(document, 200);
});
