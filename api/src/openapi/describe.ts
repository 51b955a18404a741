import { endpoints, type Endpoint } from '@baton/shared/api';
import type { MiddlewareHandler } from 'hono';
import { describeRoute, resolver, type DescribeRouteOptions } from 'hono-openapi';
import { z } from 'zod';

/*
 * A route's OpenAPI description from its contract in shared/src/api. Its parameters and request
 * body come from the route's validators (see middleware/validate.ts); this adds what the
 * validators cannot know: summary, success bodies, the errors it answers and the headers.
 */

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

const names = new Map<Endpoint, string>(Object.entries(endpoints).map(([name, spec]) => [spec, name]));

export const requestIdHeader = { $ref: '#/components/headers/RequestId' };

const errorResponse = (status: number) => ({
  description: errorDescriptions[status] ?? 'Error',
  headers: {
    'X-Request-Id': requestIdHeader,
    ...(status === 429 ? { 'Retry-After': { schema: { type: 'integer' as const }, description: 'Seconds to wait' } } : {}),
    ...(status === 401 ? { 'WWW-Authenticate': { schema: { type: 'string' as const }, description: 'Bearer' } } : {}),
  },
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const jsonSchemaOf = (schema: z.ZodType) => {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
};

export function describe(spec: Endpoint): MiddlewareHandler {
  const operationId = names.get(spec);
  if (!operationId) throw new Error(`${spec.method} ${spec.path} is not listed in shared/src/api`);
  const responses: NonNullable<DescribeRouteOptions['responses']> = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    const media = response.contentType ?? 'application/json';
    responses[status] = {
      description: response.description,
      headers: { 'X-Request-Id': requestIdHeader },
      content: { [media]: { schema: response.schema ? resolver(response.schema) : { type: 'string' } } },
    };
  }
  const errors = new Set([400, ...(spec.auth === false ? [] : [401, 429]), ...(spec.body ? [413] : []), ...(spec.errors ?? [])]);
  for (const status of [...errors].sort()) responses[String(status)] = errorResponse(status);
  const headers = Object.entries(spec.headers ?? {}).map(([name, header]) => ({
    name,
    in: 'header' as const,
    required: false,
    description: header.description,
    schema: jsonSchemaOf(header.schema),
  }));
  return describeRoute({
    operationId,
    summary: spec.summary,
    tags: [spec.tag],
    ...(spec.auth === false ? { security: [] } : {}),
    parameters: [
      ...headers,
      { name: 'X-Request-Id', in: 'header', required: false, description: 'A request id of your own (letters, digits, . _ -, up to 100): echoed back and logged', schema: { type: 'string', pattern: '^[\\w.-]{1,100}$' } },
    ],
    responses,
  });
}
