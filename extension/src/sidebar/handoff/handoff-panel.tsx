import { FieldPath, readiness, type Activity, type BriefHandoff, type Deal } from '@baton/shared';
import './handoff.css';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { isApiClientError } from '../../api-client/index.ts';
import { useBridge } from '../../bridge/react.tsx';
import { QueuedOutcome } from './queued-outcome.tsx';
import { errorText } from '../../ui/error-text.ts';
import { useSidebarEnv } from '../shell/sidebar-env.tsx';
import { HandoffFields, formKeyOf, type FieldErrors } from './handoff-fields.tsx';
import { defaultKind, fieldId, fromSentBack, prefill, suggestions, toDraft, type HandoffForm } from './handoff-form.ts';
import { ReadinessChecklist } from './readiness-checklist.tsx';
import { useHandoffDraft } from './use-handoff-draft.ts';
import { useHandoffTemplate, useRecipients } from './use-handoff-setup.ts';

export interface HandoffPanelProps {
  deal: Deal;
  /** The contact's timeline, newest first: the LinkedIn headline and first email subject come from it. */
  timeline: readonly Activity[];
  /** The subject of the Gmail thread open beside the panel, if any. */
  threadSubject?: string | null;
  onClose(): void;
  /** "Fix & resend": the sent-back handoff the form starts from, its reason shown above the fields. */
  sentBack?: BriefHandoff | null;
  /** After a 409: re-read the deal from the API so the panel works on its current version. */
  onReload(): Promise<unknown>;
}

type Outcome =
  | { state: 'editing' }
  | { state: 'sending' }
  | { state: 'sent'; to: string }
  | { state: 'queued'; to: string; reason: string; handoffId: string }
  | { state: 'not_ready'; message: string }
  | { state: 'conflict'; message: string }
  | { state: 'failed'; message: string };

const Reasons = z.record(z.string(), z.string());

/** A 422 from the API, field by field, in the API's own words where it gave them. */
function errorsFrom422(missing: readonly FieldPath[], raw: unknown): FieldErrors {
  const reasons = Reasons.safeParse((raw as { reasons?: unknown } | undefined)?.reasons);
  const errors: FieldErrors = {};
  for (const path of missing) errors[path] = (reasons.success ? reasons.data[path] : undefined) ?? 'Baton needs this before the deal can change hands';
  return errors;
}

const focus = (path: FieldPath) => document.getElementById(fieldId(path))?.focus();

/** The handoff: a structured template, the shared readiness rule live, and the API's verdict field by field. */
export function HandoffPanel({ deal, timeline, threadSubject, sentBack = null, onClose, onReload }: HandoffPanelProps) {
  const bridge = useBridge();
  const { settings } = useSidebarEnv();
  const draft = useHandoffDraft(deal.id, () =>
    sentBack ? fromSentBack(sentBack) : prefill({ kind: defaultKind(settings.user?.role), deal, threadSubject: threadSubject ?? null, timeline }),
  );
  const kind = draft.form?.kind ?? defaultKind(settings.user?.role);
  const { template, note } = useHandoffTemplate(kind);
  const recipients = useRecipients(kind);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome>({ state: 'editing' });

  if (outcome.state === 'sent' || outcome.state === 'queued') {
    return (
      <section className="handoff-panel" aria-label="Hand off">
        {outcome.state === 'sent' ? (
          <p className="notice ok-notice" role="status">
            Handed off to {outcome.to}
          </p>
        ) : (
          <QueuedOutcome handoffId={outcome.handoffId} to={outcome.to} reason={outcome.reason} />
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </section>
    );
  }

  const form = draft.form;
  if (form === null) {
    return (
      <section className="handoff-panel" aria-label="Hand off">
        <p className="muted" role="status">
          Opening the handoff…
        </p>
      </section>
    );
  }

  const check = readiness(deal, toDraft(form), template);
  const recipientName = recipients.users?.find((user) => user.id === form.toUserId)?.name ?? 'the recipient';

  const change = (patch: Partial<HandoffForm>) => {
    const touched = new Set(Object.keys(patch));
    setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([path]) => !touched.has(formKeyOf[path as FieldPath]))));
    draft.update(patch);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form === null || outcome.state === 'sending') return;
    if (!check.ready) {
      const first = check.missing[0];
      if (first) focus(first);
      return;
    }
    setOutcome({ state: 'sending' });
    setErrors({});
    try {
      const result = await bridge.submitHandoffNow({ dealId: deal.id, handoff: { ...toDraft(form), kind: form.kind, toUserId: form.toUserId, version: deal.version } });
      if (result.status === 'sent') {
        await draft.discard();
        setOutcome({ state: 'sent', to: recipientName });
      } else {
        setOutcome({ state: 'queued', to: recipientName, reason: result.reason, handoffId: result.handoff.id });
      }
    } catch (error) {
      if (isApiClientError(error) && error.kind === 'not_ready') {
        const missing = error.details.missing ?? [];
        setErrors(errorsFrom422(missing, error.details.raw));
        setOutcome({ state: 'not_ready', message: `Baton's API says ${missing.length === 1 ? 'one field is' : `${missing.length} fields are`} not ready — see the marked fields.` });
        const first = missing[0];
        if (first) focus(first);
      } else if (isApiClientError(error) && error.kind === 'conflict') {
        setOutcome({ state: 'conflict', message: error.message });
      } else {
        setOutcome({ state: 'failed', message: errorText(error) });
      }
    }
  }

  async function reload() {
    try {
      await onReload();
      setOutcome({ state: 'editing' });
    } catch (error) {
      setOutcome({ state: 'failed', message: errorText(error) });
    }
  }

  const blockedId = `handoff-blocked-${deal.id}`;
  return (
    <form className="handoff-panel" aria-label="Hand off" onSubmit={(event) => void submit(event)} noValidate>
      <div className="row spread">
        <h3>{sentBack ? 'Fix & resend' : 'Hand off'} {deal.title}</h3>
        <button type="button" className="link small" onClick={onClose}>
          Close
        </button>
      </div>
      {sentBack ? (
        <p className="notice small" role="note">
          <strong>{sentBack.to?.name ?? 'The recipient'} sent this back:</strong> <span className="body-text">{sentBack.rejectionReason ?? 'no reason given'}</span>
        </p>
      ) : null}
      {draft.restored ? <p className="small muted">Your saved draft is back.</p> : null}
      {note ? <p className="small muted">{note}</p> : null}
      <HandoffFields
        form={form}
        recipients={recipients.users}
        recipientNote={recipients.offline}
        errors={errors}
        suggested={suggestions({ kind, deal, threadSubject: threadSubject ?? null, timeline })}
        onChange={change}
      />
      {/* After the fields: a keyboard user reaches the inputs first, and the verdict right before "Hand off". */}
      <ReadinessChecklist check={check} />
      {outcome.state === 'not_ready' || outcome.state === 'failed' ? (
        <p className="notice danger small" role="alert">
          {outcome.message}
        </p>
      ) : null}
      {outcome.state === 'conflict' ? (
        <div className="notice danger small" role="alert">
          <p>{outcome.message}. Someone else changed this deal (or handed it off) since it was loaded; reload it to see where it stands — your draft is kept.</p>
          <button type="button" onClick={() => void reload()}>
            Reload the deal
          </button>
        </div>
      ) : null}
      <div className="row handoff-submit">
        <button type="submit" className="primary" aria-disabled={!check.ready || outcome.state === 'sending'} aria-describedby={check.ready ? undefined : blockedId}>
          {outcome.state === 'sending' ? 'Handing off…' : 'Hand off'}
        </button>
        {check.ready ? null : (
          <span id={blockedId} className="small muted">
            Not ready: {check.missing.length} missing
          </span>
        )}
        {draft.saveError ? <span className="small danger">Draft not saved: {errorText(draft.saveError)}</span> : null}
      </div>
    </form>
  );
}
