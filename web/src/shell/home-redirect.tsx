import { can } from '@baton/shared';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Navigate } from '@tanstack/react-router';
import { meQuery } from '../api/queries.ts';

/** Managers and admins land on Handoffs; everyone else on their devices and tokens. */
export function HomeRedirect() {
  const { data: me } = useSuspenseQuery(meQuery);
  return <Navigate to={can(me.user.role, 'act_on_any_deal') ? '/handoffs' : '/devices'} replace />;
}
