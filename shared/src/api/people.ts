import { z } from 'zod';
import { Organisation, Role, User, UserSummary } from '../schemas/org.ts';
import { endpoint } from './endpoint.ts';

export const Me = z.object({ user: User.omit({ createdAt: true }), org: Organisation.pick({ id: true, name: true }).nullable() });
export type Me = z.infer<typeof Me>;

export const getMe = endpoint({
  method: 'get', path: '/v1/me', tag: 'people',
  summary: 'The caller and their organisation',
  responses: { 200: { description: 'Who is calling', schema: Me } },
});

export const UserListQuery = z.object({ role: Role.optional() });
export const UserList = z.object({ users: z.array(UserSummary) });

export const listUsers = endpoint({
  method: 'get', path: '/v1/users', tag: 'people',
  summary: "Teammates in the caller's organisation, optionally of one role",
  query: UserListQuery,
  responses: { 200: { description: 'Teammates', schema: UserList } },
});
