import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { serve, type ServerType } from '@hono/node-server';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyHandoff } from '../testing/deal-fixtures.ts';
import { createTestApi, type TestApi, type TestOrg } from '../testing/index.ts';
import { openapiPath } from './document.ts';

/*
 * A client generated from GET /v1/openapi.json by openapi-typescript + openapi-fetch, as an outside
 * integrator would, type-checks a whole flow and runs it against a listening server; every answer
 * must agree with the document (status documented, body valid against its schema).
 */

// Untracked (node_modules is ignored), and where the generated code finds openapi-fetch.
const folder = fileURLToPath(new URL(`../../node_modules/.cache/generated-client-${randomUUID()}/`, import.meta.url));
const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));

const flowSource = (handoff: unknown) => `
import createClient from 'openapi-fetch';
import type { paths } from './schema.ts';

export interface Step { method: string; path: string; status: number; body: unknown }

export async function flow(baseUrl: string, sdrToken: string, aeToken: string): Promise<Step[]> {
  const steps: Step[] = [];
  const record = <T extends { response: Response; data?: unknown; error?: unknown }>(method: string, path: string, result: T): T => {
    steps.push({ method, path, status: result.response.status, body: result.data ?? result.error });
    return result;
  };
  const sdr = createClient<paths>({ baseUrl, headers: { Authorization: \`Bearer \${sdrToken}\` } });
  const ae = createClient<paths>({ baseUrl, headers: { Authorization: \`Bearer \${aeToken}\` } });

  const resolved = record('post', '/v1/contacts/resolve', await sdr.POST('/v1/contacts/resolve', { body: { emails: ['jordan@client.example'], name: 'Jordan Lee', company: 'Initech' } }));
  if (!resolved.data) throw new Error('resolve failed');
  const contactId: string = resolved.data.contact.id;

  const batch = record('post', '/v1/activities/batch', await sdr.POST('/v1/activities/batch', {
    body: { activities: [{ id: crypto.randomUUID(), contactId, type: 'email', occurredAt: new Date().toISOString(), subject: 'Intro', source: { gmailThreadId: 'thread-1' } }] },
  }));
  if (!batch.data || batch.data.results[0]?.status !== 'created') throw new Error('the activity was not created');

  const deal = record('post', '/v1/deals', await sdr.POST('/v1/deals', { body: { contactId, title: 'Initech pilot', stage: 'qualified' } }));
  if (!deal.data) throw new Error('no deal');
  const version: number = deal.data.version;

  const handoff = record('post', '/v1/deals/{id}/handoffs', await sdr.POST('/v1/deals/{id}/handoffs', {
    params: { path: { id: deal.data.id } },
    body: { ...${JSON.stringify(handoff)}, version },
  }));
  if (!handoff.data) throw new Error('no handoff');

  const accepted = record('post', '/v1/handoffs/{id}/accept', await ae.POST('/v1/handoffs/{id}/accept', { params: { path: { id: handoff.data.id } } }));
  if (accepted.data?.status !== 'accepted') throw new Error('not accepted');

  record('get', '/v1/deals/{id}', await ae.GET('/v1/deals/{id}', { params: { path: { id: deal.data.id } } }));
  // An error answer is typed and documented too.
  record('get', '/v1/deals/{id}', await ae.GET('/v1/deals/{id}', { params: { path: { id: crypto.randomUUID() } } }));
  return steps;
}
`;

let api: TestApi;
let org: TestOrg;
let server: ServerType;
let baseUrl: string;
let document: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>> };

beforeAll(async () => {
  api = await createTestApi();
  org = await api.seedOrg('Generated client');
  server = serve({ fetch: api.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  document = (await (await fetch(`${baseUrl}/v1/openapi.json`)).json()) as typeof document;
}, 60_000);
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await api.close();
  await rm(folder, { recursive: true, force: true });
});

describe('a client generated from the OpenAPI document', () => {
  it('type-checks resolve → batch → deal → handoff → accept and runs it with answers the document describes', async () => {
    await mkdir(folder, { recursive: true });
    await writeFile(`${folder}schema.ts`, astToString(await openapiTS(document as never)));
    const { version: _version, ...handoff } = readyHandoff({ version: 1 }, org.users.ae.id);
    await writeFile(`${folder}flow.ts`, flowSource(handoff));
    await writeFile(`${folder}package.json`, '{"type":"module"}');
    const flags = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--allowImportingTsExtensions', '--skipLibCheck', '--lib', 'es2022,dom'];
    const checked = await promisify(execFile)(process.execPath, [tsc, ...flags, `${folder}flow.ts`]).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(checked, 'tsc on the generated client and the flow').toBe('');

    const { flow } = (await import(`${folder}flow.ts`)) as { flow: (url: string, a: string, b: string) => Promise<Array<{ method: string; path: string; status: number; body: unknown }>> };
    const steps = await flow(baseUrl, org.users.sdr.token, org.users.ae.token);
    expect(steps.map((step) => `${step.method} ${step.path} ${step.status}`)).toEqual([
      'post /v1/contacts/resolve 201',
      'post /v1/activities/batch 200',
      'post /v1/deals 201',
      'post /v1/deals/{id}/handoffs 201',
      'post /v1/handoffs/{id}/accept 200',
      'get /v1/deals/{id} 200',
      'get /v1/deals/{id} 404',
    ]);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(document as object, 'doc');
    for (const step of steps) {
      const response = document.paths[openapiPath(step.path)]?.[step.method]?.responses[String(step.status)];
      expect(response, `${step.method} ${step.path} does not document ${step.status}`).toBeDefined();
      const schema = response?.content?.['application/json']?.schema;
      expect(schema).toBeDefined();
      const pointer = `doc#/paths/${openapiPath(step.path).replaceAll('~', '~0').replaceAll('/', '~1')}/${step.method}/responses/${step.status}/content/application~1json/schema`;
      const valid = ajv.validate({ $ref: pointer }, step.body);
      expect(valid, `${step.method} ${step.path} ${step.status}: ${ajv.errorsText()}`).toBe(true);
    }
  }, 120_000);
});
