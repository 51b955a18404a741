import { describe, expect, it } from 'vitest';
import { ApiClientError } from '../api-client/index.ts';
import { conflictHolder } from './identity-links.ts';

const conflict = (raw: unknown) => new ApiClientError({ kind: 'conflict', status: 409, code: 'conflict', message: 'taken', details: { raw } });

describe('conflictHolder', () => {
  it('names the contact a 409 says holds the identity', () => {
    expect(conflictHolder(conflict({ contactId: 'c-1', kind: 'linkedin', value: 'morgan' }))).toBe('c-1');
  });
  it.each([
    ['a 409 without a holder', conflict({ mergedIntoId: 'x' })],
    ['a 404', new ApiClientError({ kind: 'not_found', status: 404, code: 'not_found', message: 'gone', details: { raw: { contactId: 'c-1' } } })],
    ['a plain error', new Error('boom')],
  ])('is null for %s', (_name, error) => {
    expect(conflictHolder(error)).toBeNull();
  });
});
