import { z } from 'zod';
import { AuditEntry } from '../schemas/audit.ts';
import { Id, Timestamp } from '../schemas/common.ts';
import { Limit } from './common.ts';
import { endpoint } from './endpoint.ts';

export const AuditQuery = z.object({
  entityId: Id.optional(),
  limit: Limit(500, 100),
  /** An entry id (the last one of the previous page) or a time: entries strictly older. */
  before: z.union([Id, Timestamp]).optional(),
});
export const AuditPage = z.object({ entries: z.array(AuditEntry), nextBefore: Id.nullable() });

export const listAudit = endpoint({
  method: 'get', path: '/v1/audit', tag: 'audit',
  summary: 'The append-only audit trail, newest first, optionally of one entity',
  query: AuditQuery,
  responses: { 200: { description: 'Audit entries', schema: AuditPage } },
});
