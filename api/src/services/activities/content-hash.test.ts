import { ActivityInput } from '@baton/shared';
import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash.ts';

/*
 * Stored activities keep the hash they were written with, and a replay is judged "duplicate" or
 * "conflict" by comparing hashes: the function must give the same answer in every version. These
 * were computed with the code as it was before any optimisation; a change to the canonical form breaks them.
 */
const pinned: Array<[string, unknown, string]> = [
  [
    'a plain note',
    { id: '0b6f3b0e-2c4a-4d7e-9f00-1a2b3c4d5e6f', contactId: '5d1c7a2e-8b3f-4c61-a9d2-7e4f0b1c2d3e', type: 'note', occurredAt: '2026-03-01T10:00:00.000Z', subject: 'Call notes', body: 'They want the security review.' },
    'Z5ijUYKz8Iktb02OK5_z_HBOCHz_edq5RCIjg9hDT0s',
  ],
  [
    'an email with an offset time, a deal, non-ASCII text, source and a time taken at logging',
    {
      id: '0b6f3b0e-2c4a-4d7e-9f00-1a2b3c4d5e6f',
      contactId: '5d1c7a2e-8b3f-4c61-a9d2-7e4f0b1c2d3e',
      dealId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      type: 'email',
      occurredAt: '2026-03-01T11:00:00+01:00',
      subject: 'Re: pricing — “quote”',
      body: 'Ünïcødé ✓\nline two',
      source: { gmailThreadId: 't1', gmailMessageId: '18c2f0a1b2' },
      details: { to: [{ name: null, email: 'b@x.example' }], from: { email: 'a@x.example', name: 'A' }, timeFromLogging: true },
    },
    'MbMLFwc5Bj0w-9td1v1Vd756tGIlonsSBpLlfsacKaE',
  ],
  [
    'a message with nulls where fields may be absent',
    { id: 'f47ac10b-58cc-4372-a567-0e02b2c3d479', contactId: '5d1c7a2e-8b3f-4c61-a9d2-7e4f0b1c2d3e', dealId: null, type: 'linkedin_message', occurredAt: '2026-01-31T23:59:59.999Z', subject: null, source: { url: 'https://www.linkedin.com/messaging/thread/1/' }, details: { durationMinutes: 5, outcome: 'ok' } },
    'V2xQIcKgr926lJ5869y3HSFp6Nt-pnemesM4L7z8TRM',
  ],
];

describe('contentHash', () => {
  it.each(pinned)('is stable across versions: %s', (_name, input, expected) => {
    expect(contentHash(ActivityInput.parse(input))).toBe(expected);
  });

  it('treats an absent field and null alike, and key order does not matter', () => {
    const base = ActivityInput.parse(pinned[0]?.[1]);
    expect(contentHash({ ...base, dealId: null, source: null })).toBe(contentHash(base));
    expect(contentHash(ActivityInput.parse({ body: base.body, ...base }))).toBe(contentHash(base));
  });
});
