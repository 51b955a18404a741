import { randomUUID } from 'node:crypto';
import { ActivityBatchInput, ActivityInput, Id } from '@baton/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contacts } from '../src/db/schema.ts';
import { createTestApi } from '../src/testing/index.ts';
import { benchBatch, benchContactId, seedContacts } from './seed.ts';

/*
 * The benchmark once sent ids that zod's uuid() rejected 7 times in 8 and counted them as stored.
 * These fail as soon as its generated ids or batches stop passing the API's own validation.
 */
describe('the benchmark data', () => {
  it('names contacts with ids the API accepts', () => {
    for (let n = 1; n <= 2000; n += 1) expect(Id.safeParse(benchContactId(randomUUID(), n)).success, benchContactId('x', n)).toBe(true);
  });

  it('sends batches that pass the batch validation, every item valid', () => {
    const batch = benchBatch(randomUUID(), 1000);
    expect(ActivityBatchInput.safeParse({ activities: batch }).success).toBe(true);
    for (const item of batch) expect(ActivityInput.safeParse(item).success).toBe(true);
  });

  it('seeds contacts in SQL under the same ids the load generator names', async () => {
    const api = await createTestApi();
    try {
      const org = await api.seedOrg();
      await seedContacts(api.services.database.db, org.id, org.users.sdr.id, 1, 50);
      const rows = await api.services.database.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.orgId, org.id));
      const expected = Array.from({ length: 50 }, (_, i) => benchContactId(org.id, i + 1));
      expect(rows.map((row) => row.id).sort()).toEqual(expected.sort());
    } finally {
      await api.close();
    }
  });
});
