import { describe, expect, it } from 'vitest';
import { threadParticipants } from './participants.ts';

const person = (email: string, name: string | null = null) => ({ email, name });

describe('threadParticipants', () => {
  const cases: { name: string; people: ReturnType<typeof person>[]; userEmails: string[]; domains: string[]; expected: string[] }[] = [
    {
      name: 'drops the signed-in user',
      people: [person('sam.seller@acme.test'), person('dana.buyer@example.com')],
      userEmails: ['sam.seller@acme.test'],
      domains: [],
      expected: ['dana.buyer@example.com'],
    },
    {
      name: 'drops the user whatever the case of their address',
      people: [person('Sam.Seller@ACME.test'), person('dana.buyer@example.com')],
      userEmails: ['sam.seller@acme.test'],
      domains: [],
      expected: ['dana.buyer@example.com'],
    },
    {
      name: 'drops never-log domains and their subdomains',
      people: [person('pat@acme.test'), person('ops@eu.acme.test'), person('lee@example.com')],
      userEmails: [],
      domains: ['acme.test'],
      expected: ['lee@example.com'],
    },
    {
      name: 'keeps look-alike domains that only end with the same letters',
      people: [person('kim@notacme.test')],
      userEmails: [],
      domains: ['acme.test'],
      expected: ['kim@notacme.test'],
    },
    {
      name: 'lists each address once, first spelling wins',
      people: [person('dana.buyer@example.com', 'Dana'), person('DANA.BUYER@example.com', 'Dana B')],
      userEmails: [],
      domains: [],
      expected: ['dana.buyer@example.com'],
    },
    {
      name: 'excludes both the Gmail account and the Baton user when they differ',
      people: [person('sam@gmail.com'), person('sam.seller@acme.test'), person('alex@example.com')],
      userEmails: ['sam@gmail.com', 'sam.seller@acme.test'],
      domains: [],
      expected: ['alex@example.com'],
    },
  ];

  it.each(cases)('$name', ({ people, userEmails, domains, expected }) => {
    const kept = threadParticipants(people, { userEmails, neverLogDomains: domains });
    expect(kept.map((p) => p.email)).toEqual(expected);
  });

  it('keeps the name the thread gave', () => {
    expect(threadParticipants([person('dana.buyer@example.com', 'Dana Buyer')], { userEmails: [], neverLogDomains: [] })).toEqual([
      { email: 'dana.buyer@example.com', name: 'Dana Buyer' },
    ]);
  });
});
