import { acceptInvitation, lookupInvitation, Password } from '@baton/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { isConsoleApiError } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { meQuery } from '../../api/queries.ts';
import { roleLabel } from '../../format.ts';
import { Field, formValues } from '../../ui/field.tsx';
import { PublicFrame } from '../../ui/public-frame.tsx';
import { Failed, Loading } from '../../ui/states.tsx';

const route = getRouteApi('/invite/$token');

/** Where an invitation link lands: name and password, and you are in the team. */
export function InvitePage() {
  const { token } = route.useParams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [invalid, setInvalid] = useState('');
  const invitation = useQuery({ queryKey: ['invitation', token], queryFn: () => call(lookupInvitation, { params: { token } }) });
  const join = useMutation({
    mutationFn: (input: { name: string; password: string }) => call(acceptInvitation, { body: { token, ...input } }),
    onSuccess: async (me) => {
      queryClient.setQueryData(meQuery.queryKey, me);
      await navigate({ to: '/' });
    },
  });

  if (invitation.isPending) return <PublicFrame title="Join your team"><Loading what="the invitation" /></PublicFrame>;
  if (invitation.isError) {
    const gone = isConsoleApiError(invitation.error) && (invitation.error.status === 404 || invitation.error.status === 400);
    return (
      <PublicFrame title="Join your team">
        {gone ? <p role="alert">This invitation has expired, was already used, or was revoked. Ask your admin to send a new one.</p> : <Failed error={invitation.error} retry={() => void invitation.refetch()} />}
        <Link to="/sign-in">Sign in</Link>
      </PublicFrame>
    );
  }
  const { teamName, email, role } = invitation.data;
  return (
    <PublicFrame title={`Join ${teamName}`}>
      <p>
        You are invited as <strong>{roleLabel(role)}</strong> with <strong>{email}</strong>.
      </p>
      <form
        aria-label="Join team"
        onSubmit={(event) => {
          event.preventDefault();
          const { name = '', password = '' } = formValues(event.currentTarget);
          const checked = Password.safeParse(password);
          if (!name.trim()) return setInvalid('Name: say what your teammates call you');
          if (!checked.success) return setInvalid(`Password: ${checked.error.issues[0]?.message ?? 'not accepted'}`);
          setInvalid('');
          join.mutate({ name: name.trim(), password: checked.data });
        }}
      >
        <Field label="Name" name="name" required autoComplete="name" />
        <Field label="Password" name="password" type="password" required minLength={8} autoComplete="new-password" hint="At least 8 characters." />
        {invalid && <p className="danger" role="alert">{invalid}</p>}
        {join.isError && <Failed error={join.error} />}
        <button type="submit" className="primary" disabled={join.isPending}>
          Join team
        </button>
      </form>
    </PublicFrame>
  );
}
