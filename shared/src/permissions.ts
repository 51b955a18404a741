import type { Role } from './schemas/org.ts';

export const capabilities = ['edit_templates', 'act_on_any_deal', 'manage_users'] as const;
export type Capability = (typeof capabilities)[number];

const grants: Record<Role, readonly Capability[]> = {
  sdr: [],
  ae: [],
  csm: [],
  marketing: [],
  manager: ['edit_templates', 'act_on_any_deal'],
  admin: ['edit_templates', 'act_on_any_deal', 'manage_users'],
};

export function can(role: Role, capability: Capability): boolean {
  return grants[role].includes(capability);
}
