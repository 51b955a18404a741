import { z } from 'zod';
import { Email, shortText } from '../schemas/common.ts';
import { noNul } from './common.ts';
import { endpoint } from './endpoint.ts';
import { Me } from './people.ts';

/** A password the console accepts: Better Auth's bounds (8 to 128 characters). */
export const Password = z.string().min(8, 'at least 8 characters').max(128);

export const SetupState = z.object({
  /** True while the database has no organisation: the console shows "Create your team". */
  needed: z.boolean(),
});

export const getSetup = endpoint({
  method: 'get', path: '/v1/setup', tag: 'setup', auth: false,
  summary: 'Whether the first team still has to be created',
  responses: { 200: { description: 'First-run state', schema: SetupState } },
});

export const CreateTeamInput = noNul(
  z.object({ teamName: shortText(200).min(1), name: shortText(200).min(1), email: Email, password: Password }).strict(),
);
export type CreateTeamInput = z.infer<typeof CreateTeamInput>;

export const createTeam = endpoint({
  method: 'post', path: '/v1/setup', tag: 'setup', auth: false,
  summary: 'Create the first team and its admin, and sign the admin in (sets the session cookie)',
  body: CreateTeamInput,
  responses: { 201: { description: 'The admin, signed in', schema: Me } },
  errors: [403, 409],
});
