import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authCall, authClient } from '../../api/auth-client.ts';
import { formatDateTime } from '../../format.ts';
import { Page } from '../../ui/page.tsx';
import { Empty, Failed, Loading } from '../../ui/states.tsx';
import { ChangePasswordForm } from './change-password-form.tsx';

const sessionsKey = ['sessions'] as const;

/** Where you are signed in to the console, each session revocable. */
export function AccountPage() {
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: ['session'], queryFn: () => authCall(authClient.getSession()) });
  const sessions = useQuery({ queryKey: sessionsKey, queryFn: () => authCall(authClient.listSessions()) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: sessionsKey });
  const revoke = useMutation({ mutationFn: (token: string) => authCall(authClient.revokeSession({ token })), onSuccess: refresh });
  const revokeOthers = useMutation({ mutationFn: () => authCall(authClient.revokeOtherSessions()), onSuccess: refresh });
  const currentId = current.data?.session.id;
  return (
    <Page title="Account">
      <section aria-labelledby="password-title">
        <h2 id="password-title">Password</h2>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">Signed-in sessions</h2>
        {(revoke.isError || revokeOthers.isError) && <Failed error={revoke.error ?? revokeOthers.error} />}
        {sessions.isPending ? (
          <Loading what="sessions" />
        ) : sessions.isError ? (
          <Failed error={sessions.error} retry={() => void sessions.refetch()} />
        ) : sessions.data.length === 0 ? (
          <Empty>No sessions.</Empty>
        ) : (
          <>
            <table className="table">
              <caption className="visually-hidden">Signed-in sessions</caption>
              <thead>
                <tr>
                  <th scope="col">Browser</th>
                  <th scope="col">Signed in</th>
                  <th scope="col">Expires</th>
                  <th scope="col"><span className="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {sessions.data.map((session) => {
                  const browser = session.userAgent ?? 'Unknown browser';
                  const mine = session.id === currentId;
                  return (
                    <tr key={session.id}>
                      <th scope="row" className="clip">
                        {browser}
                        {mine && <span className="pill small">This browser</span>}
                      </th>
                      <td>{formatDateTime(new Date(session.createdAt).toISOString())}</td>
                      <td>{formatDateTime(new Date(session.expiresAt).toISOString())}</td>
                      <td>
                        {!mine && (
                          <button type="button" aria-label={`Sign out session from ${formatDateTime(new Date(session.createdAt).toISOString())}`} disabled={revoke.isPending} onClick={() => revoke.mutate(session.token)}>
                            Sign out
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {sessions.data.length > 1 && (
              <button type="button" disabled={revokeOthers.isPending} onClick={() => revokeOthers.mutate()}>
                Sign out every other session
              </button>
            )}
          </>
        )}
      </section>
    </Page>
  );
}
