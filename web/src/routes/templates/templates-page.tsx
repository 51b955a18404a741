import { alwaysRequired, can, fieldLabels, fieldPaths, handoffKinds, type FieldPath, type HandoffKind, type HandoffTemplate } from '@baton/shared';
import { setTemplate } from '@baton/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client.ts';
import { meQuery, templatesQuery } from '../../api/queries.ts';
import { kindLabel } from '../../format.ts';
import { Page } from '../../ui/page.tsx';
import { Failed, Loading } from '../../ui/states.tsx';
import { ChecklistPreview } from './checklist-preview.tsx';

/** What "ready to hand off" means, per kind of handoff. */
export function TemplatesPage() {
  const templates = useQuery(templatesQuery);
  const me = useQuery(meQuery);
  const [kind, setKind] = useState<HandoffKind>('sdr_to_ae');
  if (templates.isPending || me.isPending) return <Page title="Handoff templates"><Loading what="the templates" /></Page>;
  if (templates.isError) return <Page title="Handoff templates"><Failed error={templates.error} retry={() => void templates.refetch()} /></Page>;
  const editable = me.data ? can(me.data.user.role, 'edit_templates') : false;
  const template = templates.data.templates.find((candidate) => candidate.kind === kind);
  return (
    <Page title="Handoff templates">
      <p className="muted">The fields a rep must fill in before a deal can change hands. The extension checks them as the rep types, and the API refuses a handoff that misses one.</p>
      <div role="tablist" aria-label="Kind of handoff" className="tabs">
        {handoffKinds.map((candidate) => (
          <button
            key={candidate}
            type="button"
            role="tab"
            id={`tab-${candidate}`}
            aria-selected={candidate === kind}
            aria-controls="template-panel"
            tabIndex={candidate === kind ? 0 : -1}
            onClick={() => setKind(candidate)}
            onKeyDown={(event) => {
              const at = handoffKinds.indexOf(candidate);
              const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
              if (step === 0) return;
              const next = handoffKinds[(at + step + handoffKinds.length) % handoffKinds.length] ?? candidate;
              setKind(next);
              document.getElementById(`tab-${next}`)?.focus();
            }}
          >
            {kindLabel(candidate)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="template-panel" aria-labelledby={`tab-${kind}`}>
        {template ? <TemplateEditor key={kind} template={template} editable={editable} /> : <Failed error={new Error(`The API sent no template for ${kindLabel(kind)}.`)} />}
      </div>
    </Page>
  );
}

function TemplateEditor({ template, editable }: { template: HandoffTemplate; editable: boolean }) {
  const queryClient = useQueryClient();
  const [required, setRequired] = useState<ReadonlySet<FieldPath>>(new Set([...alwaysRequired, ...template.required]));
  const save = useMutation({
    mutationFn: (fields: FieldPath[]) => call(setTemplate, { params: { kind: template.kind }, body: { required: fields } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templatesQuery.queryKey }),
  });
  const ordered = fieldPaths.filter((path) => required.has(path));
  const changed = ordered.join(',') !== fieldPaths.filter((path) => new Set([...alwaysRequired, ...template.required]).has(path)).join(',');
  return (
    <div className="columns">
      <form
        className="card"
        aria-label={`Required fields, ${kindLabel(template.kind)}`}
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(ordered);
        }}
      >
        <fieldset disabled={!editable || save.isPending}>
          <legend>Required fields</legend>
          {fieldPaths.map((path) => {
            const locked = alwaysRequired.includes(path);
            return (
              <label key={path} className="inline">
                <input
                  type="checkbox"
                  checked={required.has(path)}
                  disabled={locked}
                  aria-describedby={locked ? 'locked-why' : undefined}
                  onChange={(event) => {
                    const next = new Set(required);
                    if (event.target.checked) next.add(path);
                    else next.delete(path);
                    setRequired(next);
                  }}
                />
                {fieldLabels[path]}
                {locked && <span className="pill small">Always required</span>}
              </label>
            );
          })}
          <p id="locked-why" className="small muted">A handoff always names its recipient and an agreed, dated next step.</p>
        </fieldset>
        {!editable && <p className="small muted">Only managers and admins change templates.</p>}
        {save.isError && <Failed error={save.error} />}
        {save.isSuccess && !changed && <p role="status" className="small ok">Saved. Reps see the new checklist on their next handoff.</p>}
        {editable && (
          <button type="submit" className="primary" disabled={!changed || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save template'}
          </button>
        )}
      </form>
      <ChecklistPreview kind={template.kind} required={ordered} />
    </div>
  );
}
