import { serverOnlyActivityTypes } from '@baton/shared';
import { endpoints } from '@baton/shared/api';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoutes } from '../openapi/app-routes.ts';
import { openapiPath } from '../openapi/document.ts';
import { createTestApi, type TestApi } from '../testing/index.ts';

let api: TestApi;
let doc: Document;

interface Parameter {
  name: string;
  in: string;
  $ref?: string;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, unknown> }>;
  requestBody?: { content: Record<string, { schema: unknown }> };
  security?: unknown[];
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

const operation = (method: string, path: string) => doc.paths[openapiPath(path)]?.[method.toLowerCase()];

beforeAll(async () => {
  api = await createTestApi();
  const res = await api.request('GET', '/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = (await res.json()) as Document;
});
afterAll(() => api.close());

describe('GET /v1/openapi.json', () => {
  it('is public and a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(structuredClone(doc) as never);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every route of the app by its contract in shared/src/api, and nothing else', () => {
    const served = appRoutes(api.app);
    for (const route of served) {
      const op = operation(route.method, route.path);
      expect(op, `${route.method} ${route.path} is not documented`).toBeDefined();
      const contract = endpoints[op?.operationId ?? ''];
      expect(contract && `${contract.method.toUpperCase()} ${contract.path}`, `${route.method} ${route.path} is described by another route's contract`).toBe(`${route.method} ${route.path}`);
    }
    const servedKeys = served.map((route) => `${route.method} ${route.path}`);
    const unserved = Object.values(endpoints).filter((spec) => !servedKeys.includes(`${spec.method.toUpperCase()} ${spec.path}`));
    expect(unserved.map((spec) => `${spec.method} ${spec.path}`), 'contracts no route serves').toEqual([]);
  });

  it('describes path parameters, bodies, errors and auth as the routes enforce them', () => {
    for (const spec of Object.values(endpoints)) {
      const op = operation(spec.method, spec.path);
      if (!op) throw new Error(`${spec.method} ${spec.path} is missing`);
      const pathParams = [...spec.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      expect((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name)).toEqual(pathParams);
      expect(Boolean(op.requestBody), `${spec.path} body`).toBe(spec.body !== undefined);
      expect(op.responses['400']).toBeDefined();
      // Every answer carries the request id, and a client may send its own.
      for (const response of Object.values(op.responses)) expect(response.headers?.['X-Request-Id']).toBeDefined();
      expect((op.parameters ?? []).some((p) => p.in === 'header' && p.name === 'X-Request-Id')).toBe(true);
      if (spec.body) expect(op.responses['413'], `${spec.path} 413`).toBeDefined();
      if (spec.auth === false) expect(op.security).toEqual([]);
      else expect(op.responses['401']).toBeDefined();
    }
    const handoff = operation('post', '/v1/deals/:id/handoffs');
    expect(JSON.stringify(handoff?.requestBody)).toContain('warmIntro');
    expect(handoff?.responses['422']).toBeDefined();
  });

  it('documents what the server answers where the hand-written document did not', () => {
    expect(operation('get', '/v1/deals')?.responses['404']).toBeDefined();
    expect(operation('patch', '/v1/deals/:id')?.responses['403']).toBeDefined();
    const stream = operation('get', '/v1/notifications/stream');
    expect(stream?.parameters?.some((p) => p.in === 'header' && p.name === 'Last-Event-ID')).toBe(true);
    expect(stream?.responses['200']?.content?.['text/event-stream']).toBeDefined();
    // The batch offers only the types a client may log (the others are answered `invalid`).
    const batch = JSON.stringify(operation('post', '/v1/activities/batch')?.requestBody);
    expect(batch).toContain('"linkedin_message"');
    for (const type of serverOnlyActivityTypes) expect(batch).not.toContain(`"${type}"`);
  });

  it('keeps the bounds and defaults the routes apply to queries', () => {
    const search = operation('get', '/v1/contacts')?.parameters?.find((p) => p.name === 'q') as { schema?: { maxLength?: number } } | undefined;
    expect(search?.schema?.maxLength).toBe(200);
    const limit = operation('get', '/v1/deals')?.parameters?.find((p) => p.name === 'limit') as { schema?: { default?: number; maximum?: number } } | undefined;
    expect(limit?.schema).toMatchObject({ default: 100, maximum: 500 });
  });
});
