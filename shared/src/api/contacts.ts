import { z } from 'zod';
import { TimelinePage } from '../schemas/activity.ts';
import { Contact, MergeContactInput, ResolveContactInput, ResolveContactResult, UpdateContactInput } from '../schemas/contact.ts';
import { IdParam, noNul } from './common.ts';
import { endpoint } from './endpoint.ts';

export const resolveContact = endpoint({
  method: 'post', path: '/v1/contacts/resolve', tag: 'contacts',
  summary: 'Find or create a contact by any email or the LinkedIn URL, merging new identities and fields',
  body: noNul(ResolveContactInput),
  responses: {
    200: { description: 'An existing contact', schema: ResolveContactResult },
    201: { description: 'A new contact', schema: ResolveContactResult },
  },
  /** 403: a new identity for someone else's contact (see canManageContact). */
  errors: [403, 409],
});

export const ContactSearchQuery = noNul(
  z.object({
    email: z.string().trim().min(1).max(320).optional(),
    linkedin: z.string().trim().min(1).max(500).optional(),
    q: z.string().trim().min(1).max(200).optional(),
  }),
);
export type ContactSearchQuery = z.input<typeof ContactSearchQuery>;
export const ContactList = z.object({ contacts: z.array(Contact) });

export const searchContacts = endpoint({
  method: 'get', path: '/v1/contacts', tag: 'contacts',
  summary: 'Search contacts by exactly one of email, LinkedIn URL or free text',
  query: ContactSearchQuery,
  responses: { 200: { description: 'Matching contacts', schema: ContactList } },
});

export const DuplicateGroups = z.object({ duplicates: z.array(z.object({ contacts: z.array(Contact) })) });

export const listDuplicateGroups = endpoint({
  method: 'get', path: '/v1/contacts/duplicates', tag: 'contacts',
  summary: 'Every group of likely duplicate contacts in the organisation (for review and merge)',
  responses: { 200: { description: 'Groups of likely duplicates', schema: DuplicateGroups } },
});

export const ContactEnvelope = z.object({ contact: Contact });

export const getContact = endpoint({
  method: 'get', path: '/v1/contacts/:id', tag: 'contacts', params: IdParam,
  summary: 'One contact (a merged-away id answers with the survivor)',
  responses: { 200: { description: 'The contact', schema: ContactEnvelope } },
  errors: [404],
});

export const updateContact = endpoint({
  method: 'patch', path: '/v1/contacts/:id', tag: 'contacts', params: IdParam,
  summary: "Update a contact's fields and identities (owner and identities: the contact's stewards only)",
  body: noNul(UpdateContactInput).refine((input) => Object.keys(input).length > 0, 'Send at least one field to change'),
  responses: { 200: { description: 'The updated contact (as it was, unwritten, when nothing changes)', schema: ContactEnvelope } },
  errors: [403, 404, 409],
});

export const MergeResult = z.object({ contact: Contact, merged: z.boolean() });

export const mergeContact = endpoint({
  method: 'post', path: '/v1/contacts/:id/merge', tag: 'contacts', params: IdParam,
  summary: 'Fold a duplicate into this contact: activities, deals and identities move here (audited)',
  body: MergeContactInput,
  responses: { 200: { description: 'The surviving contact', schema: MergeResult } },
  errors: [403, 404, 409],
});

export const listContactDuplicates = endpoint({
  method: 'get', path: '/v1/contacts/:id/duplicates', tag: 'contacts', params: IdParam,
  summary: 'Contacts that look like the same person',
  responses: { 200: { description: 'Likely duplicates', schema: ContactList } },
  errors: [404],
});

export const TIMELINE_DEFAULT_LIMIT = 50;
export const TIMELINE_MAX_LIMIT = 200;
export const TimelineQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(TIMELINE_MAX_LIMIT).default(TIMELINE_DEFAULT_LIMIT),
});

export const getTimeline = endpoint({
  method: 'get', path: '/v1/contacts/:id/timeline', tag: 'contacts', params: IdParam,
  summary: "A contact's activities, newest first, cursor-paged",
  query: TimelineQuery,
  responses: { 200: { description: 'One page of the timeline', schema: TimelinePage } },
  errors: [404],
});
