import { fieldLabels, type Readiness } from '@baton/shared';
import { fieldId } from './handoff-form.ts';

const focusField = (id: string) => {
  const input = document.getElementById(id);
  input?.focus();
  input?.scrollIntoView?.({ block: 'center' });
};

/** The shared rule, live: each missing field named, one click away from its input. */
export function ReadinessChecklist({ check }: { check: Readiness }) {
  return (
    <section className="checklist" aria-label="Readiness checklist">
      {check.ready ? (
        <p className="ok small" role="status">
          Ready to hand off
        </p>
      ) : (
        <>
          <p className="small">
            <strong>Missing {check.missing.length}</strong> <span className="muted">before this can change hands:</span>
          </p>
          <ul className="missing-list">
            {check.missing.map((path) => {
              const reason = check.reasons[path];
              const special = reason !== undefined && reason !== `${fieldLabels[path]} is required`;
              return (
                <li key={path}>
                  <button type="button" className="link small" onClick={() => focusField(fieldId(path))}>
                    {fieldLabels[path]}
                  </button>
                  {special ? <span className="small danger"> — {reason}</span> : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
