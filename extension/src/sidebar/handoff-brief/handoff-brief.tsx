import type { BriefHandoff, WarmIntro } from '@baton/shared';
import { useQuery } from '@tanstack/react-query';
import { useLiveQueries } from '../../bridge/react.tsx';
import '../handoff/handoff.css';
import { formatDateTime } from '../../ui/format.ts';
import { Section } from '../../ui/section.tsx';
import { useSidebarEnv } from '../shell/sidebar-env.tsx';
import { formatDuration, timeToAccept } from '../../ui/duration.ts';
import { useHandoffSlot } from '../handoff/handoff-slot.tsx';
import { RespondActions } from './respond-actions.tsx';
import { SenderLine } from './sender-line.tsx';

const kindLabels = { sdr_to_ae: 'SDR → AE', marketing_to_sdr: 'Marketing → SDR', ae_to_csm: 'AE → CSM' } as const;
const statusLabels = { pending: 'Pending', accepted: 'Accepted', rejected: 'Sent back' } as const;
const warmIntroLabels: Record<WarmIntro, string> = { intro_email: 'Intro email', joint_call: 'Joint call', none: 'No warm introduction' };

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="body-text">{children}</dd>
    </>
  );
}

/**
 * The latest handoff of the deal in focus, as the new owner reads it first: from whom and when,
 * why they engaged, what was discussed, objections, qualification, the agreed next step and the
 * warm-intro plan. The recipient answers it here.
 */
export function HandoffBrief({ handoff, now = new Date() }: { handoff: BriefHandoff; now?: Date }) {
  const { settings } = useSidebarEnv();
  const me = settings.user?.id;
  const fromName = handoff.fromUserId === me ? 'you' : (handoff.from?.name ?? 'a teammate');
  const toName = handoff.toUserId === me ? 'you' : (handoff.to?.name ?? 'a teammate');
  const overdue = Date.parse(handoff.nextStep.dueAt) < now.getTime();
  const accepted = handoff.status === 'accepted' ? timeToAccept(handoff) : null;
  const q = handoff.qualification;
  const slot = useHandoffSlot();
  const delivery = useQuery({ ...useLiveQueries().handoffDelivery({ handoffId: handoff.id }), enabled: handoff.status === 'pending' });
  const queued = handoff.status === 'pending' && (delivery.data?.state === 'queued' || delivery.data?.state === 'failed');
  return (
    <Section title="Handoff brief">
      <p>
        <strong>{kindLabels[handoff.kind]}</strong> from {fromName} to {toName}
        <span className="muted"> · {formatDateTime(handoff.createdAt)}</span>{' '}
        <span className={`pill ${handoff.status === 'rejected' ? 'danger' : handoff.status === 'pending' ? 'warn' : 'ok'}`}>{queued ? 'Queued' : statusLabels[handoff.status]}</span>
      </p>
      {accepted !== null ? <p className="small ok">Accepted after {formatDuration(accepted)}</p> : null}
      {handoff.status === 'rejected' && handoff.rejectionReason ? (
        <p className="small danger">Sent back: {handoff.rejectionReason}</p>
      ) : null}
      <dl className="brief-fields">
        <Field label="Why they engaged">{handoff.trigger || '—'}</Field>
        <Field label="Discussed">{handoff.discussed || '—'}</Field>
        <Field label="Objections">{handoff.objections || '—'}</Field>
        <dt>Qualification</dt>
        <dd>
          <dl className="qualification">
            <dt>Budget</dt>
            <dd>{q.budget ?? '—'}</dd>
            <dt>Authority</dt>
            <dd>{q.authority ?? '—'}</dd>
            <dt>Need</dt>
            <dd>{q.need ?? '—'}</dd>
            <dt>Timeline</dt>
            <dd>{q.timeline ?? '—'}</dd>
          </dl>
        </dd>
        <dt>Agreed next step</dt>
        <dd>
          {handoff.nextStep.what}{' '}
          <span className={overdue ? 'danger' : 'muted'}>
            {overdue ? 'overdue since' : 'by'} {formatDateTime(handoff.nextStep.dueAt)}
          </span>
        </dd>
        <Field label="Warm introduction">{warmIntroLabels[handoff.warmIntro]}</Field>
      </dl>
      {handoff.status === 'pending' && handoff.toUserId === me ? <RespondActions handoffId={handoff.id} fromName={handoff.from?.name ?? 'the sender'} /> : null}
      {handoff.status === 'rejected' && handoff.fromUserId === me && slot.opened === null ? (
        <div className="row">
          <button type="button" className="primary" onClick={() => slot.open({ dealId: handoff.dealId, sentBack: handoff })}>
            Fix & resend
          </button>
        </div>
      ) : null}
      {handoff.status === 'pending' && handoff.fromUserId === me ? <SenderLine handoffId={handoff.id} toName={toName} /> : null}
    </Section>
  );
}
