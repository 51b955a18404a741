import { Password } from '@baton/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { authCall, authClient } from '../../api/auth-client.ts';
import { Field, formValues } from '../../ui/field.tsx';
import { Failed } from '../../ui/states.tsx';

/** A new password signs every other session out (the API does it; the list below refreshes). */
export function ChangePasswordForm() {
  const queryClient = useQueryClient();
  const [invalid, setInvalid] = useState('');
  const change = useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => authCall(authClient.changePassword({ ...input, revokeOtherSessions: true })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sessions'] }),
  });
  return (
    <form
      className="card"
      aria-label="Change password"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const { current = '', next = '' } = formValues(form);
        const checked = Password.safeParse(next);
        if (!checked.success) return setInvalid(`New password: ${checked.error.issues[0]?.message ?? 'not accepted'}`);
        setInvalid('');
        change.mutate({ currentPassword: current, newPassword: checked.data }, { onSuccess: () => form.reset() });
      }}
    >
      <div className="row fields">
        <Field label="Current password" name="current" type="password" required autoComplete="current-password" />
        <Field label="New password" name="next" type="password" required minLength={8} autoComplete="new-password" />
        <button type="submit" disabled={change.isPending}>
          Change password
        </button>
      </div>
      {invalid && <p className="danger" role="alert">{invalid}</p>}
      {change.isError && <Failed error={change.error} />}
      {change.isSuccess && <p role="status" className="ok small">Password changed. Every other session is signed out.</p>}
    </form>
  );
}
