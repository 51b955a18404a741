import { ApiErrorBody } from '@baton/shared';
import type { Env, Hono, Schema } from 'hono';
import { generateSpecs, resolver } from 'hono-openapi';

/** `/v1/deals/:id` → `/v1/deals/{id}`. */
export const openapiPath = (path: string) => path.replace(/:([A-Za-z_]\w*)/g, '{$1}');

/** The OpenAPI 3.1 document of the app, generated from its routes' contracts. */
export function buildOpenApiDocument<E extends Env, S extends Schema, P extends string>(app: Hono<E, S, P>) {
  return generateSpecs(app, {
    defaultValidationErrorResponse: false,
    // openapi.json is a route of its own, not a static file.
    excludeStaticFile: false,
    documentation: {
      openapi: '3.1.0',
      info: {
        title: 'Baton API',
        version: '1',
        description: 'The system of record for sales handoffs. JSON is camelCase, ids are UUIDs, times ISO 8601.',
      },
      servers: [{ url: '/' }],
      security: [{ bearer: [] }],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token from `pnpm baton token create`' } },
        headers: {
          RequestId: { description: 'The request id, also in the log line: quote it when reporting a problem', schema: { type: 'string' } },
        },
        responses: {},
        schemas: {},
      },
    },
  }).then(async (document) => {
    const error = await resolver(ApiErrorBody).toOpenAPISchema();
    document.components.schemas = { ...document.components.schemas, ...error.components?.schemas, Error: error.schema };
    return document;
  });
}
