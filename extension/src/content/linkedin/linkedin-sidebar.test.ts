import { describe, expect, it } from 'vitest';
import { isProfilePath } from './linkedin-sidebar.ts';

describe('isProfilePath', () => {
  it.each([
    ['/in/jordan-lee/', true],
    ['/in/jordan-lee', true],
    ['/in/jordan-lee/details/experience/', true],
    ['/feed/', false],
    ['/search/results/people/', false],
    ['/company/acme/', false],
    ['/in/', false],
    ['/', false],
  ])('%s → %s', (path, expected) => {
    expect(isProfilePath(path)).toBe(expected);
  });
});
