import { z } from 'zod';
import { Id, Timestamp } from './common.ts';

export const notificationTypes = [
  'handoff_received',
  'handoff_accepted',
  'handoff_rejected',
  'next_step_overdue',
] as const;
export const NotificationType = z.enum(notificationTypes);
export type NotificationType = z.infer<typeof NotificationType>;

export const Notification = z.object({
  id: Id,
  /** Increases with every notification in the organisation: the SSE event id. */
  seq: z.number().int(),
  userId: Id,
  type: NotificationType,
  title: z.string(),
  body: z.string(),
  contactId: Id.nullable(),
  dealId: Id.nullable(),
  handoffId: Id.nullable(),
  readAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type Notification = z.infer<typeof Notification>;
