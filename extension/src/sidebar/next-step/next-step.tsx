import type { BriefNextStep } from '@baton/shared';
import { formatDateTime } from '../../ui/format.ts';
import { Section } from '../../ui/section.tsx';

export function NextStep({ step }: { step: BriefNextStep | null }) {
  return (
    <Section title="Next step">
      {step === null || step.missing ? (
        <p className="danger">No next step set{step?.what ? `: ${step.what} has no due date` : ''}</p>
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
