import { Id, Timestamp, type AuditEntry } from '@baton/shared';
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { auditLog } from '../db/schema.ts';
import { badRequest } from '../errors.ts';
import { validate } from '../middleware/validate.ts';

const AuditQuery = z.object({
  entityId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** An entry id (the last one of the previous page) or a time: entries strictly older. */
  before: z.union([Id, Timestamp]).optional(),
});

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

export const auditRoutes = new Hono<AppEnv>().get('/', validate('query', AuditQuery), async (c) => {
  const { entityId, limit, before } = c.req.valid('query');
  const orgId = c.var.auth.orgId;
  const conditions: SQL[] = [eq(auditLog.orgId, orgId)];
  if (entityId) conditions.push(eq(auditLog.entityId, entityId));
  if (before && Id.safeParse(before).success) {
    // Entries of one transaction share a time, so the page boundary is (time, id); compared in
    // SQL because PostgreSQL keeps microseconds that a JavaScript Date would drop.
    const [anchor] = await c.var.db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.id, before))).limit(1);
    if (!anchor) throw badRequest('before names no audit entry of this organisation');
    conditions.push(
      sql`(${auditLog.at}, ${auditLog.id}) < (select anchor.at, anchor.id from ${auditLog} as anchor where anchor.org_id = ${orgId} and anchor.id = ${before})`,
    );
  } else if (before) {
    conditions.push(lt(auditLog.at, new Date(before)));
  }
  const rows = await c.var.db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  const entries = rows.map(toEntry);
  return c.json({ entries, nextBefore: entries.length === limit ? (entries.at(-1)?.id ?? null) : null }, 200);
});
