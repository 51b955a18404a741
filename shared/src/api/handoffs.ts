import { z } from 'zod';
import { Id } from '../schemas/common.ts';
import { Handoff, HandoffInput, HandoffKind, HandoffStatus, RejectHandoffInput } from '../schemas/handoff.ts';
import { FieldPath, HandoffTemplate } from '../readiness.ts';
import { IdParam, Limit, MeOrId, noNul } from './common.ts';
import { endpoint } from './endpoint.ts';

export const createHandoff = endpoint({
  method: 'post', path: '/v1/deals/:id/handoffs', tag: 'handoffs', params: IdParam,
  summary: 'Hand the deal over: readiness checked (422 lists the missing fields), ownership moves in one transaction',
  body: noNul(HandoffInput),
  responses: {
    200: { description: 'A replay of the same handoff', schema: Handoff },
    201: { description: 'The handoff', schema: Handoff },
  },
  errors: [403, 404, 409, 422],
});

export const HandoffListQuery = z.object({
  to: MeOrId.optional(),
  from: MeOrId.optional(),
  status: HandoffStatus.optional(),
  dealId: Id.optional(),
  limit: Limit(500, 100),
});
export const HandoffList = z.object({ handoffs: z.array(Handoff) });

export const listHandoffs = endpoint({
  method: 'get', path: '/v1/handoffs', tag: 'handoffs',
  summary: 'Handoffs, e.g. ?to=me&status=pending',
  query: HandoffListQuery,
  responses: { 200: { description: 'Handoffs', schema: HandoffList } },
});

export const getHandoff = endpoint({
  method: 'get', path: '/v1/handoffs/:id', tag: 'handoffs', params: IdParam,
  summary: 'One handoff',
  responses: { 200: { description: 'The handoff', schema: Handoff } },
  errors: [404],
});

export const acceptHandoff = endpoint({
  method: 'post', path: '/v1/handoffs/:id/accept', tag: 'handoffs', params: IdParam,
  summary: 'Accept a handoff addressed to the caller',
  responses: { 200: { description: 'The accepted handoff', schema: Handoff } },
  errors: [403, 404, 409],
});

export const rejectHandoff = endpoint({
  method: 'post', path: '/v1/handoffs/:id/reject', tag: 'handoffs', params: IdParam,
  summary: 'Reject a handoff with a reason: the deal goes back to the sender',
  body: noNul(RejectHandoffInput),
  responses: { 200: { description: 'The rejected handoff', schema: Handoff } },
  errors: [403, 404, 409],
});

export const TemplateList = z.object({ templates: z.array(HandoffTemplate) });

export const listTemplates = endpoint({
  method: 'get', path: '/v1/handoff-templates', tag: 'handoffs',
  summary: 'The required handoff fields in force for each kind',
  responses: { 200: { description: 'Templates', schema: TemplateList } },
});

export const TemplateBody = z.object({ required: z.array(FieldPath).max(FieldPath.options.length) }).strict();

export const setTemplate = endpoint({
  method: 'put', path: '/v1/handoff-templates/:kind', tag: 'handoffs', params: z.object({ kind: HandoffKind }),
  summary: 'Change the required fields of one handoff kind (managers and admins)',
  body: TemplateBody,
  responses: { 200: { description: 'The template now in force', schema: HandoffTemplate } },
  errors: [403],
});
