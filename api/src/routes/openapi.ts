import { getOpenApi } from '@baton/shared/api';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { describe } from '../openapi/describe.ts';
import { buildOpenApiDocument } from '../openapi/document.ts';

/** Public (mounted before auth): clients and tools read it to learn the API. */
export const openapiRoutes = (app: () => Hono<AppEnv>) => {
  // Built once: the document depends only on the code.
  let document: ReturnType<typeof buildOpenApiDocument> | null = null;
  return new Hono<AppEnv>().get('/openapi.json', describe(getOpenApi), async (c) => {
    document ??= buildOpenApiDocument(app());
    return c.json(await document, 200);
  });
};
