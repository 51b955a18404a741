import { z } from 'zod';
import { Brief } from '../brief.ts';
import { Id } from '../schemas/common.ts';
import { noNul } from './common.ts';
import { endpoint } from './endpoint.ts';

export const BriefQuery = noNul(
  z.object({
    email: z.string().trim().min(1).max(320).optional(),
    linkedin: z.string().trim().min(1).max(500).optional(),
    contactId: Id.optional(),
  }),
);
export type BriefQuery = z.input<typeof BriefQuery>;

export const getBrief = endpoint({
  method: 'get', path: '/v1/brief', tag: 'brief',
  summary: 'Everything an AE needs about a contact in one response: by exactly one of email, LinkedIn URL or contact id',
  query: BriefQuery,
  responses: { 200: { description: 'The brief', schema: Brief } },
  errors: [404],
});
