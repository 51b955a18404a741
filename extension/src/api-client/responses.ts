import {
  Activity,
  ActivityBatchResult,
  Brief,
  Contact,
  Deal,
  Handoff,
  HandoffTemplate,
  Notification,
  ResolveContactResult,
  Role,
  TimelinePage,
  UserSummary,
} from '@baton/shared';
import { z } from 'zod';

/*
 * Response shapes. Single records may come bare or wrapped in `{<name>: …}` and lists bare or as
 * `{<names>: […]}`: both are validated in full, so accepting either costs no safety and keeps the
 * client working whichever envelope a route settles on.
 */
export function one<T extends z.ZodType>(schema: T, key: string) {
  return z.union([z.object({ [key]: schema }).transform((value) => value[key] as z.output<T>), schema]);
}

export function many<T extends z.ZodType>(schema: T, key: string) {
  return z.union([z.object({ [key]: z.array(schema) }).transform((value) => value[key] as z.output<T>[]), z.array(schema)]);
}

export const MeResponse = z.object({
  user: z.object({ id: z.uuid(), orgId: z.uuid(), email: z.string(), name: z.string(), role: Role }),
  org: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const schemas = {
  me: MeResponse,
  users: many(UserSummary, 'users'),
  resolve: ResolveContactResult,
  contact: one(Contact, 'contact'),
  contacts: many(Contact, 'contacts'),
  batch: ActivityBatchResult,
  timeline: TimelinePage,
  brief: one(Brief, 'brief'),
  deal: one(Deal, 'deal'),
  deals: many(Deal, 'deals'),
  handoff: one(Handoff, 'handoff'),
  handoffs: many(Handoff, 'handoffs'),
  notification: one(Notification, 'notification'),
  notifications: many(Notification, 'notifications'),
  templates: many(HandoffTemplate, 'templates'),
  activity: Activity,
};
