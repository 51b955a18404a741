import { Password } from '@baton/shared/api';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { authCall, authClient } from '../../api/auth-client.ts';
import { Field, formValues } from '../../ui/field.tsx';
import { PublicFrame } from '../../ui/public-frame.tsx';
import { Failed } from '../../ui/states.tsx';

const route = getRouteApi('/reset-password');

export function ResetPasswordPage() {
  const { token, error } = route.useSearch();
  const [invalid, setInvalid] = useState('');
  const reset = useMutation({
    mutationFn: ({ newPassword, token }: { newPassword: string; token: string }) => authCall(authClient.resetPassword({ newPassword, token })),
  });
  if (!token || error) {
    return (
      <PublicFrame title="Choose a new password">
        <p role="alert">This reset link has expired or was already used.</p>
        <Link to="/forgot-password">Ask for a new link</Link>
      </PublicFrame>
    );
  }
  return (
    <PublicFrame title="Choose a new password">
      {reset.isSuccess ? (
        <>
          <p role="status">Your password is changed, and every other session is signed out.</p>
          <Link to="/sign-in">Sign in</Link>
        </>
      ) : (
        <form
          aria-label="Choose a new password"
          onSubmit={(event) => {
            event.preventDefault();
            const parsed = Password.safeParse(formValues(event.currentTarget).password ?? '');
            if (!parsed.success) return setInvalid(`New password: ${parsed.error.issues[0]?.message ?? 'not accepted'}`);
            setInvalid('');
            reset.mutate({ newPassword: parsed.data, token });
          }}
        >
          <Field label="New password" name="password" type="password" required minLength={8} autoComplete="new-password" hint="At least 8 characters." />
          {invalid && <p className="danger" role="alert">{invalid}</p>}
          {reset.isError && <Failed error={reset.error} />}
          <button type="submit" className="primary" disabled={reset.isPending}>
            Save password
          </button>
        </form>
      )}
    </PublicFrame>
  );
}
