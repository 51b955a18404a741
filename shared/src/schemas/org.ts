import { z } from 'zod';
import { Id, Timestamp } from './common.ts';

export const roles = ['sdr', 'ae', 'csm', 'marketing', 'manager', 'admin'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const Organisation = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  createdAt: Timestamp,
});
export type Organisation = z.infer<typeof Organisation>;

export const User = z.object({
  id: Id,
  orgId: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  createdAt: Timestamp,
});
export type User = z.infer<typeof User>;

/** What a teammate sees of another user. */
export const UserSummary = User.pick({ id: true, name: true, email: true, role: true });
export type UserSummary = z.infer<typeof UserSummary>;
