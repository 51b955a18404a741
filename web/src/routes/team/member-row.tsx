import { can, roles, type Role } from '@baton/shared';
import { deactivateMember, updateMember, type Member } from '@baton/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client.ts';
import { formatDate, roleLabel } from '../../format.ts';
import { Failed } from '../../ui/states.tsx';
import { OpenDeals } from './open-deals.tsx';

export function MemberRow({ member, isMe, viewerRole }: { member: Member; isMe: boolean; viewerRole: Role }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['members'] });
  const changeRole = useMutation({ mutationFn: (role: Role) => call(updateMember, { params: { id: member.id }, body: { role } }), onSuccess: refresh });
  const deactivate = useMutation({ mutationFn: () => call(deactivateMember, { params: { id: member.id } }), onSuccess: refresh });
  const manages = can(viewerRole, 'act_on_any_deal');
  // Only an admin grants or removes admin; the API says so too.
  const offered = roles.filter((role) => viewerRole === 'admin' || (role !== 'admin' && member.role !== 'admin'));
  const inactive = member.deactivatedAt !== null;
  return (
    <>
      <tr className={inactive ? 'inactive' : undefined}>
        <th scope="row">
          {member.name}
          {isMe && <span className="muted"> (you)</span>}
        </th>
        <td>{member.email}</td>
        <td>
          {manages && !inactive && !isMe && offered.includes(member.role) ? (
            <select aria-label={`Role of ${member.name}`} value={member.role} disabled={changeRole.isPending} onChange={(event) => changeRole.mutate(event.target.value as Role)}>
              {offered.map((role) => <option key={role} value={role}>{roleLabel(role)}</option>)}
            </select>
          ) : (
            roleLabel(member.role)
          )}
        </td>
        <td>{member.openDeals}</td>
        <td>
          {inactive ? (
            <span className="pill">Deactivated {formatDate(member.deactivatedAt ?? '')}</span>
          ) : manages && !isMe && !confirming ? (
            <button type="button" aria-label={`Deactivate ${member.name}`} onClick={() => setConfirming(true)}>
              Deactivate
            </button>
          ) : null}
        </td>
      </tr>
      {(changeRole.isError || confirming || deactivate.isSuccess) && (
        <tr>
          <td colSpan={5}>
            {changeRole.isError && <Failed error={changeRole.error} />}
            {confirming && !deactivate.isSuccess && (
              <div className="notice" role="group" aria-label={`Deactivate ${member.name}?`}>
                <p>
                  {member.name} will be signed out everywhere at once: their sessions, extension devices and tokens stop working. Their {member.openDeals === 1 ? 'open deal stays' : `${member.openDeals} open deals stay`} in the team, listed here to reassign.
                </p>
                {deactivate.isError && <Failed error={deactivate.error} />}
                <div className="row">
                  <button type="button" className="danger-button" disabled={deactivate.isPending} onClick={() => deactivate.mutate()}>
                    Deactivate {member.name}
                  </button>
                  <button type="button" onClick={() => setConfirming(false)}>
                    Cancel
                  </button>
                </div>
              </div>
            )}
            {deactivate.isSuccess && <OpenDeals name={member.name} deals={deactivate.data.openDeals} />}
          </td>
        </tr>
      )}
    </>
  );
}
