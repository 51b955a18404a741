import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, type TestOrg } from './testing/index.ts';

/* A 500's log line names the statement and the request, never the values the request carried. */

let api: TestApi;
let org: TestOrg;
const lines: { message: string; fields: Record<string, unknown> }[] = [];

beforeAll(async () => {
  api = await createTestApi();
  org = await api.seedOrg();
  api.services.logger.error = (message, fields = {}) => lines.push({ message, fields });
  // A database that refuses one body: the insert fails and the API answers 500.
  await api.services.database.db.execute(sql.raw(`alter table activities add constraint refuses_the_secret check (body is null or body not like '%confidential%')`));
});
afterAll(() => api.close());

describe('the log line of a 500', () => {
  it('carries the statement, the SQLSTATE and the request id, and no parameter value', async () => {
    const contact = await api.request('POST', '/v1/contacts/resolve', { token: org.users.sdr.token, body: { emails: [`secret.${randomUUID()}@x.example`] } });
    const contactId = ((await contact.json()) as { contact: { id: string } }).contact.id;
    const body = 'The confidential pricing is 42k per seat';
    const res = await api.request('POST', '/v1/activities/batch', {
      token: org.users.sdr.token,
      headers: { 'x-request-id': 'req-log-test-1' },
      body: { activities: [{ id: randomUUID(), contactId, type: 'note', occurredAt: '2024-06-01T09:00:00Z', body }] },
    });
    expect(res.status).toBe(500);
    const line = lines.find((entry) => entry.fields.requestId === 'req-log-test-1');
    expect(line).toBeDefined();
    expect(line?.fields).toMatchObject({ error: 'database query failed', sqlState: '23514', constraint: 'refuses_the_secret' });
    expect(String(line?.fields.statement)).toMatch(/insert into\s+"?activities"?/i);
    const logged = JSON.stringify(line);
    expect(logged).not.toContain('confidential');
    expect(logged).not.toContain(contactId);
  });
});
