import { Role } from '@baton/shared';
import { z } from 'zod';

/** Who "Test connection" found behind the token; kept so the popup can say who is signed in. */
export const SignedInUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: Role,
  orgId: z.uuid(),
});
export type SignedInUser = z.infer<typeof SignedInUser>;

const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'not a domain');

export const Settings = z.object({
  apiUrl: z.url({ protocol: /^https?$/ }).nullable(),
  token: z.string().min(1).nullable(),
  /**
   * Whether a token is saved, known in every context, even where the token itself cannot be read
   * (the sidebar frame inside Gmail may be refused IndexedDB; it calls the API through the worker).
   */
  hasToken: z.boolean(),
  neverLogDomains: z.array(Domain),
  autoLog: z.boolean(),
  user: SignedInUser.nullable(),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = {
  apiUrl: null,
  token: null,
  hasToken: false,
  neverLogDomains: [],
  autoLog: false,
  user: null,
};

/** A change to the settings; validated as a whole after merging, so a bad field never lands. */
export type SettingsPatch = Partial<Settings>;
