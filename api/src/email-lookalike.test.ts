import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, type TestOrg } from './testing/index.ts';

/* One email normalisation on every path: a lookalike address never reaches the real contact. */

let api: TestApi;
let org: TestOrg;
const tag = randomUUID().slice(0, 8);
const real = `kate.${tag}@acme.example`;
// U+212A KELVIN SIGN lower-cases to "k" in JavaScript and PostgreSQL alike.
const lookalike = `\u212Aate.${tag}@acme.example`;

beforeAll(async () => {
  api = await createTestApi();
  org = await api.seedOrg();
  const res = await api.request('POST', '/v1/contacts/resolve', { token: org.users.sdr.token, body: { emails: [real], name: 'Kate' } });
  expect(res.status).toBe(201);
});
afterAll(() => api.close());

describe('an email lookalike (U+212A KELVIN SIGN)', () => {
  it.each([
    ['the brief', `/v1/brief?email=${encodeURIComponent(lookalike)}`],
    ['the search', `/v1/contacts?email=${encodeURIComponent(lookalike)}`],
  ])('does not find the real contact through %s: 400 like resolve', async (_, path) => {
    const res = await api.request('GET', path, { token: org.users.ae.token });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).not.toContain(real);
  });

  it('is refused by resolve the same way, while the real address in any case still finds the brief', async () => {
    const resolve = await api.request('POST', '/v1/contacts/resolve', { token: org.users.ae.token, body: { emails: [lookalike] } });
    expect(resolve.status).toBe(400);
    // The real address, any case, still finds the contact everywhere.
    const brief = await api.request('GET', `/v1/brief?email=${encodeURIComponent(real.toUpperCase())}`, { token: org.users.ae.token });
    expect(brief.status).toBe(200);
  });
});
