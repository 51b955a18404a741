import type { z } from 'zod';
import { roles, type Role } from '@baton/shared';
import { createInvitation, CreateInvitationInput } from '@baton/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { call } from '../../api/client.ts';
import { roleLabel } from '../../format.ts';
import { Field, formValues } from '../../ui/field.tsx';
import { invalidText } from '../../ui/invalid.ts';
import { Failed } from '../../ui/states.tsx';
import { InviteLink } from './invite-link.tsx';
import { invitationsKey } from './pending-invitations.tsx';

export function InviteForm({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const email = useRef<HTMLInputElement>(null);
  const [invalid, setInvalid] = useState('');
  const invite = useMutation({
    mutationFn: (input: z.infer<typeof CreateInvitationInput>) => call(createInvitation, { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey }),
  });
  useEffect(() => email.current?.focus(), []);
  return (
    <form
      className="card invite"
      aria-label="Invite teammate"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const parsed = CreateInvitationInput.safeParse(formValues(form));
        if (!parsed.success) return setInvalid(invalidText(parsed.error, { email: 'Email', role: 'Role' }));
        setInvalid('');
        invite.mutate(parsed.data, { onSuccess: () => form.reset() });
      }}
    >
      <h2>Invite teammate</h2>
      <div className="row fields">
        <Field label="Email" name="email" type="email" required ref={email} autoComplete="off" />
        <label>
          <span>Role</span>
          <select name="role" defaultValue={'ae' satisfies Role}>
            {roles.map((role) => <option key={role} value={role}>{roleLabel(role)}</option>)}
          </select>
        </label>
      </div>
      {invalid && <p className="danger" role="alert">{invalid}</p>}
      {invite.isError && <Failed error={invite.error} />}
      {invite.isSuccess && (
        invite.data.mailConfigured ? (
          <p role="status" className="ok">Invitation sent to {invite.data.invitation.email}. The link works once, for 7 days.</p>
        ) : (
          <InviteLink email={invite.data.invitation.email} link={invite.data.link} reason={invite.data.reason} />
        )
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={invite.isPending}>
          {invite.isPending ? 'Sending…' : 'Send invite'}
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
