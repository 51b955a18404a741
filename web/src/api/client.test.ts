import { getHandoff, listTemplates } from '@baton/shared/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleApiError } from './api-error.ts';
import { call, pathOf } from './client.ts';

afterEach(() => vi.unstubAllGlobals());

const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the console API client', () => {
  it('fills and encodes path parameters', () => {
    expect(pathOf('/v1/handoffs/:id', { id: 'a b/c' })).toBe('/v1/handoffs/a%20b%2Fc');
    expect(() => pathOf('/v1/handoffs/:id')).toThrow('needs id');
  });

  it('sends the cookie on this origin only and parses the answer with the endpoint schema', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => answer(200, { templates: [{ kind: 'sdr_to_ae', required: ['trigger'] }] }));
    vi.stubGlobal('fetch', fetch);
    await expect(call(listTemplates)).resolves.toEqual({ templates: [{ kind: 'sdr_to_ae', required: ['trigger'] }] });
    expect(fetch.mock.calls[0]?.[0]).toBe('/v1/handoff-templates');
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ method: 'GET', credentials: 'same-origin' });
  });

  it('refuses an answer that does not match the contract', async () => {
    vi.stubGlobal('fetch', async () => answer(200, { templates: [{ kind: 'nope' }] }));
    await expect(call(listTemplates)).rejects.toMatchObject({ code: 'unexpected_answer' });
  });

  it("turns the API's error envelope into an error with its code and message", async () => {
    vi.stubGlobal('fetch', async () => answer(404, { error: { code: 'not_found', message: 'No such handoff' } }));
    const failure = call(getHandoff, { params: { id: '3f0c5ad2-3f64-4f0e-9d6b-111111111111' } });
    await expect(failure).rejects.toBeInstanceOf(ConsoleApiError);
    await expect(failure).rejects.toMatchObject({ status: 404, code: 'not_found', message: 'No such handoff' });
  });
});
