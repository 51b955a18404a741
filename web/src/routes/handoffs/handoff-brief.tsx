import type { BriefHandoff } from '@baton/shared';
import type { ReactNode } from 'react';
import { formatDateTime, formatDuration, kindLabel, warmIntroLabel } from '../../format.ts';
import { StatusPill } from './status-pill.tsx';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="body-text">{children}</dd>
    </>
  );
}

/** The handoff as the recipient reads it in the sidebar, field for field; every value is text, never markup. */
export function HandoffBriefView({ handoff, now }: { handoff: BriefHandoff; now: Date }) {
  const overdue = Date.parse(handoff.nextStep.dueAt) < now.getTime();
  const q = handoff.qualification;
  return (
    <section className="card" aria-labelledby="brief-title">
      <h2 id="brief-title">Handoff brief</h2>
      <p>
        <strong>{kindLabel(handoff.kind)}</strong> from {handoff.from?.name ?? 'a former teammate'} to {handoff.to?.name ?? 'a former teammate'}
        <span className="muted"> · {formatDateTime(handoff.createdAt)}</span> <StatusPill status={handoff.status} />
      </p>
      {handoff.status === 'accepted' && handoff.timeToAcceptMs !== null && <p className="small ok">Accepted after {formatDuration(handoff.timeToAcceptMs)}</p>}
      {handoff.status === 'rejected' && handoff.rejectionReason && <p className="small danger body-text">Sent back: {handoff.rejectionReason}</p>}
      <dl className="brief-fields">
        <Field label="Why they engaged">{handoff.trigger || '—'}</Field>
        <Field label="Discussed">{handoff.discussed || '—'}</Field>
        <Field label="Objections">{handoff.objections || '—'}</Field>
        <dt>Qualification</dt>
        <dd>
          <dl className="qualification">
            <dt>Budget</dt>
            <dd className="body-text">{q.budget ?? '—'}</dd>
            <dt>Authority</dt>
            <dd className="body-text">{q.authority ?? '—'}</dd>
            <dt>Need</dt>
            <dd className="body-text">{q.need ?? '—'}</dd>
            <dt>Timeline</dt>
            <dd className="body-text">{q.timeline ?? '—'}</dd>
          </dl>
        </dd>
        <dt>Agreed next step</dt>
        <dd className="body-text">
          {handoff.nextStep.what}{' '}
          <span className={overdue ? 'danger' : 'muted'}>
            {overdue ? 'overdue since' : 'by'} {formatDateTime(handoff.nextStep.dueAt)}
          </span>
        </dd>
        <Field label="Warm introduction">{warmIntroLabel(handoff.warmIntro)}</Field>
      </dl>
    </section>
  );
}
