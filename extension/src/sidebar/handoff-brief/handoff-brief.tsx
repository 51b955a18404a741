import type { BriefHandoff } from '@baton/shared';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { Section } from '../../ui/section.tsx';

const kindLabels = { sdr_to_ae: 'SDR → AE', marketing_to_sdr: 'Marketing → SDR', ae_to_csm: 'AE → CSM' } as const;
const statusLabels = { pending: 'Pending', accepted: 'Accepted', rejected: 'Sent back' } as const;

/**
 * The latest handoff of the deal in focus. A compact summary for now; the handoff work (issue 5)
 * enriches it into the full brief with Accept / Send back.
 */
export function HandoffBrief({ handoff }: { handoff: BriefHandoff }) {
  return (
    <Section title="Handoff brief">
      <p>
        <strong>{kindLabels[handoff.kind]}</strong> from {handoff.from?.name ?? 'a teammate'} to {handoff.to?.name ?? 'a teammate'}
        <span className="muted"> · {formatDateTime(handoff.createdAt)}</span>{' '}
        <span className={`pill ${handoff.status === 'rejected' ? 'danger' : handoff.status === 'pending' ? 'warn' : 'ok'}`}>
          {statusLabels[handoff.status]}
        </span>
      </p>
      <dl className="brief-fields">
        <dt>Why they engaged</dt>
        <dd className="body-text">{handoff.trigger}</dd>
        <dt>Discussed</dt>
        <dd className="body-text">{handoff.discussed}</dd>
        <dt>Objections</dt>
        <dd className="body-text">{handoff.objections}</dd>
        <dt>Agreed next step</dt>
        <dd>
          {handoff.nextStep.what} <span className="muted">by {formatDate(handoff.nextStep.dueAt)}</span>
        </dd>
      </dl>
    </Section>
  );
}
