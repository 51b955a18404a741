import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { authCall, authClient } from '../../api/auth-client.ts';
import { Field, formValues } from '../../ui/field.tsx';
import { PublicFrame } from '../../ui/public-frame.tsx';
import { Failed } from '../../ui/states.tsx';

export function SignInPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signIn = useMutation({
    mutationFn: ({ email, password }: { email: string; password: string }) => authCall(authClient.signIn.email({ email, password })),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      await navigate({ to: '/' });
    },
  });
  return (
    <PublicFrame title="Sign in">
      <form
        aria-label="Sign in"
        onSubmit={(event) => {
          event.preventDefault();
          const { email = '', password = '' } = formValues(event.currentTarget);
          signIn.mutate({ email: email.trim(), password });
        }}
      >
        <Field label="Email" name="email" type="email" required autoComplete="username" />
        <Field label="Password" name="password" type="password" required autoComplete="current-password" />
        {signIn.isError && <Failed error={signIn.error} />}
        <div className="row spread">
          <button type="submit" className="primary" disabled={signIn.isPending}>
            Sign in
          </button>
          <Link to="/forgot-password">Forgot password?</Link>
        </div>
      </form>
    </PublicFrame>
  );
}
