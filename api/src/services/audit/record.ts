import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';

export interface AuditEvent {
  orgId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

/** Appends to the audit trail inside the caller's transaction, so it commits with the change. */
export async function recordAudit(tx: Tx, event: AuditEvent | AuditEvent[]): Promise<void> {
  const events = Array.isArray(event) ? event : [event];
  if (events.length === 0) return;
  await tx.insert(auditLog).values(
    events.map((e) => ({
      orgId: e.orgId,
      id: randomUUID(),
      actorId: e.actorId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: e.before ?? null,
      after: e.after ?? null,
      requestId: e.requestId ?? null,
    })),
  );
}
