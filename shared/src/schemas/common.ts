import { z } from 'zod';
import { normalizeEmail } from '../identity.ts';
import { isSaneInstant, SANE_INSTANT_MESSAGE } from '../instant.ts';

/** UUIDs compare case-insensitively; the lower-case spelling is the one stored and compared. */
export const Id = z.uuid().toLowerCase();
export type Id = z.infer<typeof Id>;

/** ISO 8601 with a zone offset, within years 1–9999 once the offset is applied; the API always answers in UTC (`...Z`). */
export const Timestamp = z.iso.datetime({ offset: true }).refine(isSaneInstant, { message: SANE_INSTANT_MESSAGE });
export type Timestamp = z.infer<typeof Timestamp>;

/** Free text a rep typed: trimmed, bounded so one field cannot swallow a database row. */
export const shortText = (max = 200) => z.string().trim().max(max);
export const longText = (max = 20_000) => z.string().max(max);

export const Email = z
  .string()
  .trim()
  .max(320)
  .pipe(z.email({ message: 'not an email address' }))
  .transform((value, ctx) => {
    const normalised = normalizeEmail(value);
    if (normalised === null) ctx.addIssue({ code: 'custom', message: 'not an email address' });
    return normalised ?? value;
  });
