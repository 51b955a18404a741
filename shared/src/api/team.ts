import { z } from 'zod';
import { Id, Timestamp, Email } from '../schemas/common.ts';
import { Role } from '../schemas/org.ts';
import { IdParam, noNul } from './common.ts';
import { endpoint } from './endpoint.ts';
import { Me } from './people.ts';
import { Password } from './setup.ts';

export const Member = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: Role,
  createdAt: Timestamp,
  /** Set once the member is deactivated: their sessions, tokens and devices stop working. */
  deactivatedAt: Timestamp.nullable(),
  /** Deals the member still owns that are not closed. */
  openDeals: z.number().int(),
});
export type Member = z.infer<typeof Member>;

export const MemberList = z.object({ members: z.array(Member) });

export const listMembers = endpoint({
  method: 'get', path: '/v1/team/members', tag: 'team',
  summary: 'Everyone in the team, active and deactivated (admins and managers)',
  responses: { 200: { description: 'Members', schema: MemberList } },
  errors: [403],
});

export const UpdateMemberInput = z.object({ role: Role }).strict();

export const updateMember = endpoint({
  method: 'patch', path: '/v1/team/members/:id', tag: 'team', params: IdParam,
  summary: "Change a member's role (admins and managers; only an admin grants or removes admin; the last admin keeps it)",
  body: UpdateMemberInput,
  responses: { 200: { description: 'The member', schema: Member } },
  errors: [403, 404, 409],
});

export const OpenDeal = z.object({ id: Id, title: z.string(), stage: z.string(), contactId: Id, contactName: z.string().nullable() });
export const DeactivatedMember = z.object({
  member: Member,
  /** Their open deals, to reassign (PATCH /v1/deals/:id with ownerId). */
  openDeals: z.array(OpenDeal),
});

export const deactivateMember = endpoint({
  method: 'post', path: '/v1/team/members/:id/deactivate', tag: 'team', params: IdParam,
  summary: 'Deactivate a member: their sessions, tokens and devices get 401 at once; idempotent',
  responses: { 200: { description: 'The member and their open deals', schema: DeactivatedMember } },
  errors: [403, 404, 409],
});

export const memberOpenDeals = endpoint({
  method: 'get', path: '/v1/team/members/:id/open-deals', tag: 'team', params: IdParam,
  summary: "A member's open deals, to reassign",
  responses: { 200: { description: 'Open deals', schema: z.object({ deals: z.array(OpenDeal) }) } },
  errors: [403, 404],
});

/* ---- Invitations ---- */

export const Invitation = z.object({
  id: Id,
  email: z.string(),
  role: Role,
  invitedBy: Id.nullable(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  /** The last time the mail was queued (created or resent). */
  sentAt: Timestamp,
});
export type Invitation = z.infer<typeof Invitation>;

export const CreateInvitationInput = z.object({ email: Email, role: Role }).strict();

export const InvitationSent = z.object({
  invitation: Invitation,
  /** True when BATON_SMTP_URL is set: the mail is queued and `link` is null. */
  mailConfigured: z.boolean(),
  /** The link to copy when mail is not configured (it is shown once; only its hash is stored). */
  link: z.string().nullable(),
  /** Why the link is shown instead of sent, for the console to say. */
  reason: z.string().nullable(),
});

export const createInvitation = endpoint({
  method: 'post', path: '/v1/team/invitations', tag: 'team',
  summary: 'Invite a teammate by email with a role; expires after 7 days, works once',
  body: CreateInvitationInput,
  responses: { 201: { description: 'The invitation', schema: InvitationSent } },
  errors: [403, 409],
});

export const listInvitations = endpoint({
  method: 'get', path: '/v1/team/invitations', tag: 'team',
  summary: 'Pending invitations (not accepted, revoked or expired)',
  responses: { 200: { description: 'Invitations', schema: z.object({ invitations: z.array(Invitation) }) } },
  errors: [403],
});

export const resendInvitation = endpoint({
  method: 'post', path: '/v1/team/invitations/:id/resend', tag: 'team', params: IdParam,
  summary: 'A fresh link (the old one stops working) and 7 more days',
  responses: { 200: { description: 'The invitation', schema: InvitationSent } },
  errors: [403, 404],
});

export const revokeInvitation = endpoint({
  method: 'delete', path: '/v1/team/invitations/:id', tag: 'team', params: IdParam,
  summary: 'Revoke a pending invitation; idempotent',
  responses: { 200: { description: 'Revoked', schema: z.object({ ok: z.literal(true) }) } },
  errors: [403, 404],
});

export const InviteToken = z.string().min(16).max(200).regex(/^[A-Za-z0-9_-]+$/);

export const InvitationPreview = z.object({ teamName: z.string(), email: z.string(), role: Role, expiresAt: Timestamp });

export const lookupInvitation = endpoint({
  method: 'get', path: '/v1/invitations/:token', tag: 'team', auth: false, params: z.object({ token: InviteToken }),
  summary: 'What an invite link is for (404 when unknown, used, revoked or expired)',
  responses: { 200: { description: 'The invitation', schema: InvitationPreview } },
  errors: [404],
});

export const AcceptInvitationInput = noNul(
  z.object({ token: InviteToken, name: z.string().trim().min(1).max(200), password: Password }).strict(),
);

export const acceptInvitation = endpoint({
  method: 'post', path: '/v1/invitations/accept', tag: 'team', auth: false,
  summary: 'Join the team: creates the member and signs them in (sets the session cookie); rate limited',
  body: AcceptInvitationInput,
  responses: { 201: { description: 'The new member, signed in', schema: Me } },
  errors: [404, 409],
});
