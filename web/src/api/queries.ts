import { getMe, listHandoffs, listTemplates, listUsers } from '@baton/shared/api';
import { queryOptions } from '@tanstack/react-query';
import { call } from './client.ts';

/* The reads several pages share, so each is fetched once and refreshed together. */

export const meQuery = queryOptions({ queryKey: ['me'], queryFn: () => call(getMe), retry: false });
export const usersQuery = queryOptions({ queryKey: ['users'], queryFn: () => call(listUsers, {}) });
export const templatesQuery = queryOptions({ queryKey: ['templates'], queryFn: () => call(listTemplates) });
export const handoffsQuery = queryOptions({
  queryKey: ['handoffs'],
  queryFn: () => call(listHandoffs, { query: { limit: 500 } }),
});
