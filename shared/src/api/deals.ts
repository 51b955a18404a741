import { z } from 'zod';
import { Id } from '../schemas/common.ts';
import { CreateDealInput, Deal, UpdateDealInput } from '../schemas/deal.ts';
import { Flag, IdParam, Limit, MeOrId, noNul } from './common.ts';
import { endpoint } from './endpoint.ts';

export const createDeal = endpoint({
  method: 'post', path: '/v1/deals', tag: 'deals',
  summary: 'Open a deal on a contact',
  body: noNul(CreateDealInput),
  responses: {
    200: { description: 'The deal already existed (same client id)', schema: Deal },
    201: { description: 'The new deal', schema: Deal },
  },
  errors: [404, 409],
});

export const DealListQuery = z.object({
  owner: MeOrId.optional(),
  stalled: Flag.optional(),
  contactId: Id.optional(),
  limit: Limit(500, 100),
});
export const DealList = z.object({ deals: z.array(Deal) });

export const listDeals = endpoint({
  method: 'get', path: '/v1/deals', tag: 'deals',
  summary: 'Deals, e.g. ?owner=me&stalled=1 (stalled: next step overdue or missing)',
  query: DealListQuery,
  responses: { 200: { description: 'Deals', schema: DealList } },
  // An unknown contactId.
  errors: [404],
});

export const getDeal = endpoint({
  method: 'get', path: '/v1/deals/:id', tag: 'deals', params: IdParam,
  summary: 'One deal',
  responses: { 200: { description: 'The deal', schema: Deal } },
  errors: [404],
});

export const updateDeal = endpoint({
  method: 'patch', path: '/v1/deals/:id', tag: 'deals', params: IdParam,
  summary: 'Update a deal; `version` must be current (409 with the current record otherwise)',
  body: noNul(UpdateDealInput).refine((input) => Object.keys(input).some((key) => key !== 'version'), 'Send at least one field to change besides version'),
  responses: { 200: { description: 'The updated deal (as it was, unwritten, when nothing changes)', schema: Deal } },
  errors: [403, 404, 409],
});
