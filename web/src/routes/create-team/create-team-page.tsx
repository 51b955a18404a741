import { createTeam, CreateTeamInput, getSetup } from '@baton/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { call } from '../../api/client.ts';
import { meQuery } from '../../api/queries.ts';
import { Field, formValues } from '../../ui/field.tsx';
import { PublicFrame } from '../../ui/public-frame.tsx';
import { invalidText } from '../../ui/invalid.ts';
import { Failed, Loading } from '../../ui/states.tsx';

const labels = { teamName: 'Team name', name: 'Your name', email: 'Email', password: 'Password' };

/** First run on an empty database: whoever creates the team becomes its admin. */
export function CreateTeamPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [invalid, setInvalid] = useState('');
  const setup = useQuery({ queryKey: ['setup'], queryFn: () => call(getSetup) });
  const create = useMutation({
    mutationFn: (input: CreateTeamInput) => call(createTeam, { body: input }),
    onSuccess: async (me) => {
      queryClient.setQueryData(meQuery.queryKey, me);
      await navigate({ to: '/team' });
    },
  });

  if (setup.isPending) return <PublicFrame title="Create your team"><Loading what="Baton" /></PublicFrame>;
  if (setup.isError) return <PublicFrame title="Create your team"><Failed error={setup.error} retry={() => void setup.refetch()} /></PublicFrame>;
  if (!setup.data.needed && !create.isSuccess) {
    return (
      <PublicFrame title="Create your team">
        <p>This Baton already has a team. Ask its admin for an invitation, or sign in.</p>
        <Link to="/sign-in">Sign in</Link>
      </PublicFrame>
    );
  }
  return (
    <PublicFrame title="Create your team">
      <p className="muted">You will be the team's admin: you invite everyone else.</p>
      <form
        aria-label="Create your team"
        onSubmit={(event) => {
          event.preventDefault();
          const values = formValues(event.currentTarget);
          const parsed = CreateTeamInput.safeParse(values);
          if (!parsed.success) {
            setInvalid(invalidText(parsed.error, labels));
            return;
          }
          setInvalid('');
          create.mutate(parsed.data);
        }}
      >
        <Field label="Team name" name="teamName" required autoComplete="organization" />
        <Field label="Your name" name="name" required autoComplete="name" />
        <Field label="Email" name="email" type="email" required autoComplete="email" />
        <Field label="Password" name="password" type="password" required minLength={8} autoComplete="new-password" hint="At least 8 characters." />
        {invalid && <p className="danger" role="alert">{invalid}</p>}
        {create.isError && <Failed error={create.error} />}
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create team'}
        </button>
      </form>
    </PublicFrame>
  );
}
