import { z } from 'zod';
import { endpoint } from './endpoint.ts';

export const Health = z.object({ ok: z.literal(true), database: z.enum(['embedded', 'postgres']) });

export const getHealth = endpoint({
  method: 'get', path: '/v1/health', tag: 'system', auth: false,
  summary: 'Liveness and the kind of database in use',
  responses: { 200: { description: 'The API is up', schema: Health } },
});

export const getOpenApi = endpoint({
  method: 'get', path: '/v1/openapi.json', tag: 'system', auth: false,
  summary: 'This OpenAPI 3.1 document',
  responses: { 200: { description: 'The document', schema: z.record(z.string(), z.unknown()) } },
});
