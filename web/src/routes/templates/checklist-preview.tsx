import { fieldLabels, readiness, type FieldPath, type HandoffKind } from '@baton/shared';
import { kindLabel } from '../../format.ts';

/** A deal nothing is known about yet: the checklist a rep sees when they open the handoff form. */
const blankDeal = {
  qualification: { budget: null, authority: null, need: null, timeline: null },
  nextStep: { what: null, dueAt: null, ownerId: null },
};

/** The rep's checklist for this template, computed with the same readiness rule the extension and the API use. */
export function ChecklistPreview({ kind, required }: { kind: HandoffKind; required: FieldPath[] }) {
  const { missing, reasons } = readiness(blankDeal, { kind }, { required });
  return (
    <section className="card preview" aria-labelledby="preview-title">
      <h2 id="preview-title">What the rep sees</h2>
      <p className="small muted">The readiness checklist of a new {kindLabel(kind)} handoff, before anything is filled in.</p>
      <ul aria-label="Readiness checklist preview" className="checklist">
        {missing.map((path) => (
          <li key={path} title={reasons[path]}>
            <span aria-hidden="true" className="box" /> {fieldLabels[path]}
          </li>
        ))}
      </ul>
    </section>
  );
}
