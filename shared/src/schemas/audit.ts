import { z } from 'zod';
import { Id, Timestamp } from './common.ts';

export const AuditEntry = z.object({
  id: Id,
  actorId: Id.nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: Id,
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  at: Timestamp,
});
export type AuditEntry = z.infer<typeof AuditEntry>;
