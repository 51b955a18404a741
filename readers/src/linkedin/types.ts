import { z } from 'zod';

/*
 * The reader's result crosses extension parts (content script -> background -> sidebar) and is
 * validated again on arrival, so the schema is the contract and the types are derived from it.
 */

const SLUG = /^[\p{L}\p{N}_-]{2,100}$/u;

/** Only https images are worth keeping: LinkedIn's own are https, anything else is a placeholder. */
export const PhotoUrlSchema = z.url({ protocol: /^https$/ });

export const LinkedinProfileSchema = z.object({
  kind: z.literal('profile'),
  slug: z.string().regex(SLUG),
  profileUrl: z.url({ protocol: /^https$/, hostname: /^www\.linkedin\.com$/ }),
  name: z.string().min(1),
  headline: z.string().min(1).nullable(),
  company: z.string().min(1).nullable(),
  title: z.string().min(1).nullable(),
  location: z.string().min(1).nullable(),
  photoUrl: PhotoUrlSchema.nullable(),
  /** field -> the selector (or `url`, `bpr-guid json`) it was read from, for `baton doctor`. */
  matched: z.record(z.string(), z.string()),
});

export const LinkedinCompanySchema = z.object({
  kind: z.literal('company'),
  name: z.string().min(1).nullable(),
  website: z.url({ protocol: /^https?$/ }).nullable(),
  url: z.url({ protocol: /^https$/ }),
});

export const LinkedinNotRecognisedSchema = z.object({
  kind: z.literal('not_recognised'),
  reason: z.string().min(1),
});

export const LinkedinReadResultSchema = z.discriminatedUnion('kind', [
  LinkedinProfileSchema,
  LinkedinCompanySchema,
  LinkedinNotRecognisedSchema,
]);

export type LinkedinProfile = z.infer<typeof LinkedinProfileSchema>;
export type LinkedinCompany = z.infer<typeof LinkedinCompanySchema>;
export type LinkedinNotRecognised = z.infer<typeof LinkedinNotRecognisedSchema>;
export type LinkedinReadResult = z.infer<typeof LinkedinReadResultSchema>;
