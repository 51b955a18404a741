import { Id, type AuditEntry } from '@baton/shared';
import type { AuditQuery } from '@baton/shared/api';
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Caller } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';
import { badRequest } from '../../errors.ts';

const toEntry = (row: typeof auditLog.$inferSelect): AuditEntry => ({
  id: row.id,
  actorId: row.actorId,
  action: row.action,
  entityType: row.entityType,
  entityId: row.entityId,
  before: row.before ?? null,
  after: row.after ?? null,
  at: row.at.toISOString(),
});

/** The audit trail, newest first, paged by `before` (an entry id or a time). */
export async function listAudit(db: Db, caller: Caller, query: z.output<typeof AuditQuery>): Promise<{ entries: AuditEntry[]; nextBefore: string | null }> {
  const { entityId, limit, before } = query;
  const { orgId } = caller;
  const conditions: SQL[] = [eq(auditLog.orgId, orgId)];
  if (entityId) conditions.push(eq(auditLog.entityId, entityId));
  if (before && Id.safeParse(before).success) {
    // Entries of one transaction share a time, so the page boundary is (time, id); compared in
    // SQL because PostgreSQL keeps microseconds that a JavaScript Date would drop.
    const [anchor] = await db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.id, before))).limit(1);
    if (!anchor) throw badRequest('before names no audit entry of this organisation');
    conditions.push(
      sql`(${auditLog.at}, ${auditLog.id}) < (select anchor.at, anchor.id from ${auditLog} as anchor where anchor.org_id = ${orgId} and anchor.id = ${before})`,
    );
  } else if (before) {
    conditions.push(lt(auditLog.at, new Date(before)));
  }
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  const entries = rows.map(toEntry);
  return { entries, nextBefore: entries.length === limit ? (entries.at(-1)?.id ?? null) : null };
}
