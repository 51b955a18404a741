import { describe, expect, it } from 'vitest';
import { gmailActivityId, uuidv5 } from './uuid.ts';

describe('uuidv5', () => {
  it('matches the RFC 9562 name-based SHA-1 algorithm (DNS namespace vector)', async () => {
    expect(await uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('gives a Gmail message the same id every time and different messages different ids', async () => {
    const a = await gmailActivityId('1789012345678901234');
    expect(await gmailActivityId('1789012345678901234')).toBe(a);
    expect(await gmailActivityId('1789012345678901235')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
