import { createHash, randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { activities } from '../../db/schema.ts';

/** The timeline entries only the server writes: handoffs, owner and stage changes. */
export interface ServerActivity {
  type: 'handoff' | 'owner_change' | 'stage_change';
  contactId: string;
  dealId: string;
  subject: string;
  body?: string | null;
}

export async function appendServerActivities(tx: Tx, orgId: string, actorId: string, items: ServerActivity[], at = new Date()): Promise<void> {
  if (items.length === 0) return;
  await tx.insert(activities).values(
    items.map((item) => ({
      orgId,
      id: randomUUID(),
      contactId: item.contactId,
      dealId: item.dealId,
      type: item.type,
      occurredAt: at,
      subject: item.subject,
      body: item.body ?? null,
      actorId,
      contentHash: createHash('sha256').update(JSON.stringify([item.type, item.subject, item.body ?? null])).digest('hex'),
    })),
  );
}
