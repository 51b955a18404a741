import { describe, expect, it } from 'vitest';
import { undecided } from './undecided.ts';

describe('undecided', () => {
  it('drops declined candidates and repeats, keeping the API order', () => {
    const candidates = [{ id: 'a' }, { id: 'b' }, { id: 'a' }, { id: 'c' }];
    expect(undecided(candidates, new Set(['b']))).toEqual([{ id: 'a' }, { id: 'c' }]);
  });
  it('offers nothing when everything was declined', () => {
    expect(undecided([{ id: 'a' }], new Set(['a']))).toEqual([]);
  });
});
