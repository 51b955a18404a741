import { listInvitations, resendInvitation, revokeInvitation } from '@baton/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client.ts';
import { formatDate, formatDateTime, roleLabel } from '../../format.ts';
import { Empty, Failed, Loading } from '../../ui/states.tsx';
import { InviteLink } from './invite-link.tsx';

export const invitationsKey = ['invitations'] as const;

export function PendingInvitations() {
  const queryClient = useQueryClient();
  const invitations = useQuery({ queryKey: invitationsKey, queryFn: () => call(listInvitations) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: invitationsKey });
  const resend = useMutation({ mutationFn: (id: string) => call(resendInvitation, { params: { id } }), onSuccess: refresh });
  const revoke = useMutation({ mutationFn: (id: string) => call(revokeInvitation, { params: { id } }), onSuccess: refresh });
  return (
    <section aria-labelledby="invites-title">
      <h2 id="invites-title">Pending invitations</h2>
      {resend.isSuccess &&
        (resend.data.mailConfigured ? (
          <p role="status" className="ok small">Sent again to {resend.data.invitation.email}; the earlier link no longer works.</p>
        ) : (
          <InviteLink email={resend.data.invitation.email} link={resend.data.link} reason={resend.data.reason} />
        ))}
      {(resend.isError || revoke.isError) && <Failed error={resend.error ?? revoke.error} />}
      {invitations.isPending ? (
        <Loading what="invitations" />
      ) : invitations.isError ? (
        <Failed error={invitations.error} retry={() => void invitations.refetch()} />
      ) : invitations.data.invitations.length === 0 ? (
        <Empty>No invitations waiting.</Empty>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Invitations not accepted yet</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Sent</th>
              <th scope="col">Expires</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {invitations.data.invitations.map((invitation) => (
              <tr key={invitation.id}>
                <td>{invitation.email}</td>
                <td>{roleLabel(invitation.role)}</td>
                <td>{formatDateTime(invitation.sentAt)}</td>
                <td>{formatDate(invitation.expiresAt)}</td>
                <td>
                  <div className="row nowrap">
                  <button type="button" aria-label={`Resend invitation to ${invitation.email}`} disabled={resend.isPending} onClick={() => resend.mutate(invitation.id)}>
                    Resend
                  </button>
                  <button type="button" aria-label={`Revoke invitation to ${invitation.email}`} disabled={revoke.isPending} onClick={() => revoke.mutate(invitation.id)}>
                    Revoke
                  </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
