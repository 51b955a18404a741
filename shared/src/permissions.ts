import type { Role } from './schemas/org.ts';

/**
 * manage_team: see the team and its handoffs, invite, change roles, deactivate (admins and managers).
 * manage_users: grant or remove the admin role, deactivate an admin (admins).
 */
export const capabilities = ['edit_templates', 'act_on_any_deal', 'manage_any_contact', 'manage_team', 'manage_users'] as const;
export type Capability = (typeof capabilities)[number];

const grants: Record<Role, readonly Capability[]> = {
  sdr: [],
  ae: [],
  csm: [],
  marketing: [],
  manager: ['edit_templates', 'act_on_any_deal', 'manage_any_contact', 'manage_team'],
  admin: ['edit_templates', 'act_on_any_deal', 'manage_any_contact', 'manage_team', 'manage_users'],
};

export function can(role: Role, capability: Capability): boolean {
  return grants[role].includes(capability);
}

/** What decides who may change who a contact is. */
export interface ContactStewardship {
  ownerId: string | null;
  /** Owners of the contact's deals that are not won or lost. */
  openDealOwnerIds: readonly string[];
}

/** Who `canManageContact` lets through, for messages. */
export const contactStewards = "the contact's owner, the owner of an open deal on it, or a manager or admin";

/**
 * Everyone in the team reads contacts, edits their description and adds activities. Changing the
 * owner, adding, replacing or removing identities (which re-routes what the Gmail sidebar matches
 * and logs) and merging need a steward: the owner, the owner of an open deal on the contact, or a
 * manager/admin. A contact nobody owns is anyone's to take.
 */
export function canManageContact(actor: { userId: string; role: Role }, contact: ContactStewardship): boolean {
  if (can(actor.role, 'manage_any_contact')) return true;
  if (contact.ownerId === null) return true;
  return contact.ownerId === actor.userId || contact.openDealOwnerIds.includes(actor.userId);
}
