import { z } from 'zod';
import { Id } from '../schemas/common.ts';

/** PostgreSQL text cannot hold NUL: a string anywhere in the value that contains one. */
export function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(containsNul);
}

/** Refuses NUL characters as invalid input rather than let them fail in the database. */
export const noNul = <T extends z.ZodType>(schema: T) => schema.refine((value) => !containsNul(value), 'text may not contain NUL characters');

export const IdParam = z.object({ id: Id });

/** A page size from the query string. */
export const Limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/** A yes/no switch in the query string. */
export const Flag = z.enum(['1', '0', 'true', 'false']);
export const isOn = (flag: z.infer<typeof Flag> | undefined) => flag === '1' || flag === 'true';

/** A user id, or `me` for the caller. */
export const MeOrId = z.union([z.literal('me'), Id]);

/** A notification seq (the SSE event id). */
export const Seq = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
