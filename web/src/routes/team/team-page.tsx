import { can } from '@baton/shared';
import { listMembers } from '@baton/shared/api';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client.ts';
import { meQuery } from '../../api/queries.ts';
import { Page } from '../../ui/page.tsx';
import { Empty, Failed, Loading } from '../../ui/states.tsx';
import { InviteForm } from './invite-form.tsx';
import { MemberRow } from './member-row.tsx';
import { PendingInvitations } from './pending-invitations.tsx';

export const membersKey = ['members'] as const;

/** Who is in the team and with which role; invite, change roles, deactivate. */
export function TeamPage() {
  const me = useQuery(meQuery);
  const members = useQuery({ queryKey: membersKey, queryFn: () => call(listMembers) });
  const [inviting, setInviting] = useState(false);
  const manages = me.data ? can(me.data.user.role, 'act_on_any_deal') : false;
  const actions = manages && !inviting ? <button type="button" className="primary" onClick={() => setInviting(true)}>Invite teammate</button> : null;
  return (
    <Page title="Team" actions={actions}>
      {inviting && <InviteForm onClose={() => setInviting(false)} />}
      <section aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        {members.isPending ? (
          <Loading what="members" />
        ) : members.isError ? (
          <Failed error={members.error} retry={() => void members.refetch()} />
        ) : members.data.members.length === 0 ? (
          <Empty>Nobody yet.</Empty>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Members and their roles</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Open deals</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {members.data.members.map((member) => (
                <MemberRow key={member.id} member={member} isMe={member.id === me.data?.user.id} viewerRole={me.data?.user.role ?? 'sdr'} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      {manages && <PendingInvitations />}
    </Page>
  );
}
