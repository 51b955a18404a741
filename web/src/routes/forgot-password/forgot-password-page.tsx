import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { authCall, authClient } from '../../api/auth-client.ts';
import { Field, formValues } from '../../ui/field.tsx';
import { PublicFrame } from '../../ui/public-frame.tsx';
import { Failed } from '../../ui/states.tsx';

export function ForgotPasswordPage() {
  const request = useMutation({
    mutationFn: (email: string) => authCall(authClient.requestPasswordReset({ email, redirectTo: '/reset-password' })),
  });
  return (
    <PublicFrame title="Reset your password">
      {request.isSuccess ? (
        // The same answer whether or not the address has an account: nobody learns who does.
        <p role="status">If that address belongs to a member, a link to choose a new password is on its way. It works once, for one hour.</p>
      ) : (
        <form
          aria-label="Reset your password"
          onSubmit={(event) => {
            event.preventDefault();
            request.mutate((formValues(event.currentTarget).email ?? '').trim());
          }}
        >
          <p className="muted">We will email you a link to choose a new password.</p>
          <Field label="Email" name="email" type="email" required autoComplete="username" />
          {request.isError && <Failed error={request.error} />}
          <button type="submit" className="primary" disabled={request.isPending}>
            Send reset link
          </button>
        </form>
      )}
      <p className="small">
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </PublicFrame>
  );
}
