import { alwaysRequired, defaultTemplates, type HandoffTemplate } from '@baton/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeal, insertContact, readyHandoff } from '../testing/deal-fixtures.ts';
import { createTestApi, type TestApi, type TestOrg } from '../testing/index.ts';

let api: TestApi;
let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  api = await createTestApi();
  org = await api.seedOrg();
  other = await api.seedOrg();
});
afterAll(() => api.close());

const templatesOf = async (token: string) => {
  const res = await api.request('GET', '/v1/handoff-templates', { token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { templates: HandoffTemplate[] }).templates;
};

describe('handoff templates', () => {
  it('lists the defaults for every kind until an organisation changes one', async () => {
    expect(await templatesOf(org.users.sdr.token)).toEqual(Object.values(defaultTemplates));
    expect((await api.request('GET', '/v1/handoff-templates')).status).toBe(401);
  });

  it('lets managers and admins change a template, always keeping the required core, and records it', async () => {
    const sdr = await api.request('PUT', '/v1/handoff-templates/sdr_to_ae', { token: org.users.sdr.token, body: { required: ['trigger'] } });
    expect(sdr.status).toBe(403);
    const res = await api.request('PUT', '/v1/handoff-templates/sdr_to_ae', { token: org.users.manager.token, body: { required: ['trigger'] } });
    expect(res.status).toBe(200);
    const expected = { kind: 'sdr_to_ae', required: [...alwaysRequired, 'trigger'] };
    expect(await res.json()).toEqual(expected);
    const listed = await templatesOf(org.users.ae.token);
    expect(listed.find((t) => t.kind === 'sdr_to_ae')).toEqual(expected);
    expect(listed.find((t) => t.kind === 'ae_to_csm')).toEqual(defaultTemplates.ae_to_csm);
    // Another organisation still has the defaults.
    expect((await templatesOf(other.users.sdr.token)).find((t) => t.kind === 'sdr_to_ae')).toEqual(defaultTemplates.sdr_to_ae);

    const audit = await api.request('GET', `/v1/audit?entityId=${org.id}`, { token: org.users.admin.token });
    const [entry] = ((await audit.json()) as { entries: { action: string; before: HandoffTemplate; after: HandoffTemplate }[] }).entries;
    expect(entry).toMatchObject({ action: 'handoff_template.update', before: defaultTemplates.sdr_to_ae, after: expected });
  });

  it('drives readiness: a lighter template lets a sparse handoff through, the core fields stay required', async () => {
    await api.request('PUT', '/v1/handoff-templates/sdr_to_ae', { token: org.users.admin.token, body: { required: ['discussed'] } });
    const deal = await createDeal(api, org.users.sdr, await insertContact(api, org.id));
    const full = readyHandoff(deal, org.users.ae.id);
    const sparse = { kind: full.kind, toUserId: full.toUserId, version: full.version, discussed: 'Pricing', nextStep: { what: 'Demo' } };
    const missing = await api.request('POST', `/v1/deals/${deal.id}/handoffs`, { token: org.users.sdr.token, body: sparse });
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { error: { details: { missing: string[] } } }).error.details.missing).toEqual(['nextStep.dueAt']);
    const ok = await api.request('POST', `/v1/deals/${deal.id}/handoffs`, { token: org.users.sdr.token, body: { ...sparse, nextStep: full.nextStep } });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ trigger: '', objections: '', warmIntro: 'none', discussed: 'Pricing' });
  });

  it('rejects unknown kinds and fields with 400', async () => {
    const token = org.users.admin.token;
    expect((await api.request('PUT', '/v1/handoff-templates/sdr_to_ceo', { token, body: { required: [] } })).status).toBe(400);
    expect((await api.request('PUT', '/v1/handoff-templates/sdr_to_ae', { token, body: { required: ['shoeSize'] } })).status).toBe(400);
    expect((await api.request('PUT', '/v1/handoff-templates/sdr_to_ae', { token, body: { fields: [] } })).status).toBe(400);
  });
});
