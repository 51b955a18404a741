import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapiPath } from '../openapi/document.ts';
import { routeTable } from '../openapi/route-table.ts';
import { appRoutes } from '../openapi/app-routes.ts';
import { createTestApi, type TestApi } from '../testing/index.ts';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

interface Operation {
  parameters: Array<{ name: string; in: string }>;
  responses: Record<string, unknown>;
  requestBody?: unknown;
  security?: unknown[];
}

describe('GET /v1/openapi.json', () => {
  it('is public and an OpenAPI 3.1 document', async () => {
    const res = await api.request('GET', '/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, Operation>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).length).toBeGreaterThan(10);
  });

  it('documents every route of the app, and nothing the app does not serve', async () => {
    const served = appRoutes(api.app).map((r) => `${r.method} ${r.path}`);
    const documented = routeTable.map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(served.filter((route) => !documented.includes(route)), 'routes without OpenAPI docs').toEqual([]);
    expect(documented.filter((route) => !served.includes(route)), 'documented routes the app does not serve').toEqual([]);
  });

  it('describes path parameters, bodies, errors and auth for each operation', async () => {
    const doc = (await (await api.request('GET', '/v1/openapi.json')).json()) as { paths: Record<string, Record<string, Operation>> };
    for (const route of routeTable) {
      const op = doc.paths[openapiPath(route.path)]?.[route.method];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      if (!op) continue;
      const pathParams = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(pathParams);
      expect(Boolean(op.requestBody)).toBe(route.body !== undefined);
      expect(op.responses['400']).toBeDefined();
      if (route.auth === false) expect(op.security).toEqual([]);
      else expect(op.responses['401']).toBeDefined();
    }
    const handoff = doc.paths['/v1/deals/{id}/handoffs']?.post;
    expect(JSON.stringify(handoff?.requestBody)).toContain('warmIntro');
    expect(handoff?.responses['422']).toBeDefined();
  });
});
