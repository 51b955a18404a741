import { z } from 'zod';
import { errorSchema, routeTable, type RouteDoc } from './route-table.ts';

type JsonSchema = Record<string, unknown>;

const errorDescriptions: Record<number, string> = {
  400: 'Malformed or invalid request (zod issues in error.details)',
  401: 'Missing, unknown or revoked token',
  403: "The caller's role may not do this",
  404: 'No such resource in the caller’s organisation',
  409: 'Conflict with the current state (the current record in error.details when relevant)',
  413: 'Request body too large',
  422: 'Handoff not ready (error.details.missing lists the field paths)',
  429: 'Rate limited: retry after the Retry-After header’s seconds',
};

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // `unrepresentable: 'any'` keeps transforms and refinements from aborting generation.
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** Query or path parameters from a zod object, one OpenAPI parameter per key. */
function parametersOf(where: 'query' | 'path', shape: z.ZodObject | undefined): JsonSchema[] {
  if (!shape) return [];
  const json = schemaOf(shape, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema,
  }));
}

const errorResponse = (status: number) => ({
  description: errorDescriptions[status] ?? 'Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  ...(status === 429 ? { headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } } } : {}),
});

function operation(route: RouteDoc): JsonSchema {
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.schema ? { content: { [response.contentType ?? 'application/json']: { schema: schemaOf(response.schema, 'output') } } } : {}),
    };
  }
  const errors = new Set([400, ...(route.auth === false ? [] : [401, 429]), ...(route.errors ?? [])]);
  for (const status of [...errors].sort()) responses[String(status)] = errorResponse(status);
  return {
    operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? '').toUpperCase())}`,
    summary: route.summary,
    tags: [route.tag],
    ...(route.auth === false ? { security: [] } : {}),
    parameters: [...parametersOf('path', route.params), ...parametersOf('query', route.query)],
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } } : {}),
    responses,
  };
}

/** `/v1/deals/:id` → `/v1/deals/{id}`. */
export const openapiPath = (path: string) => path.replace(/:([A-Za-z_]\w*)/g, '{$1}');

export function buildOpenApiDocument(routes: RouteDoc[] = routeTable): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = openapiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return {
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
      schemas: { Error: schemaOf(errorSchema, 'output') },
    },
    paths,
  };
}
