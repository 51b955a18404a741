import { z } from 'zod';
import { Email, Id, shortText, Timestamp } from './common.ts';

export const Contact = z.object({
  id: Id,
  name: z.string().nullable(),
  emails: z.array(z.string()),
  linkedinUrl: z.string().nullable(),
  title: z.string().nullable(),
  company: z.string().nullable(),
  location: z.string().nullable(),
  photoUrl: z.string().nullable(),
  /** LinkedIn photo URLs are signed and expire: when the photo was captured. */
  photoCapturedAt: Timestamp.nullable(),
  ownerId: Id.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Contact = z.infer<typeof Contact>;

const optionalField = (max = 200) => shortText(max).nullish();

export const ResolveContactInput = z
  .object({
    /**
     * A client-generated id for the contact if it is new (so offline clients can refer to it
     * before the server answers). When the identity already belongs to a contact, that contact
     * is answered and this id becomes an alias of it.
     */
    id: Id.optional(),
    emails: z.array(Email).max(20).optional(),
    linkedinUrl: z.string().trim().max(500).optional(),
    name: optionalField(),
    title: optionalField(),
    company: optionalField(),
    location: optionalField(),
    photoUrl: z.url({ protocol: /^https?$/ }).max(2000).nullish(),
  })
  .refine((value) => (value.emails?.length ?? 0) > 0 || Boolean(value.linkedinUrl), {
    message: 'give at least one email or the LinkedIn URL',
    path: ['emails'],
  });
export type ResolveContactInput = z.infer<typeof ResolveContactInput>;

export const ResolveContactResult = z.object({ contact: Contact, created: z.boolean() });
export type ResolveContactResult = z.infer<typeof ResolveContactResult>;

export const UpdateContactInput = z
  .object({
    name: optionalField(),
    title: optionalField(),
    company: optionalField(),
    location: optionalField(),
    photoUrl: z.url({ protocol: /^https?$/ }).max(2000).nullish(),
    ownerId: Id.nullish(),
    /** Replaces the list of emails; each must not belong to another contact. */
    emails: z.array(Email).min(1).max(20).optional(),
    /** Links (or with null, unlinks) a LinkedIn profile. */
    linkedinUrl: z.string().trim().max(500).nullish(),
  })
  .strict();
export type UpdateContactInput = z.infer<typeof UpdateContactInput>;

export const MergeContactInput = z.object({
  /** The duplicate that is folded into the contact named in the path. */
  duplicateId: Id,
});
export type MergeContactInput = z.infer<typeof MergeContactInput>;
