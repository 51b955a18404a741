import type { BriefNextStep } from '@baton/shared';
import { formatDateTime } from '../../ui/format.ts';
import { Section } from '../../ui/section.tsx';

/** The deal's next step; without a deal there is nothing to agree yet (the card says "No deal yet"). */
export function NextStep({ step }: { step: BriefNextStep | null }) {
  if (step === null) return null;
  return (
    <Section title="Next step">
      {step.missing ? (
        <p className="danger">No next step set{step.what ? `: ${step.what} has no due date` : ''}</p>
      ) : (
        <p>
          {step.what}
          <br />
          <span className={step.overdue ? 'danger' : 'muted'}>
            {step.overdue ? 'Overdue since ' : 'Due '}
            {step.dueAt ? formatDateTime(step.dueAt) : ''}
          </span>
          {step.owner ? <span className="muted"> · {step.owner.name}</span> : null}
        </p>
      )}
    </Section>
  );
}
