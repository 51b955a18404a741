import { fieldLabels, NONE_RAISED, type FieldPath, type UserSummary, type WarmIntro } from '@baton/shared';
import type { ReactNode } from 'react';
import { fieldId, kindLabels, type HandoffForm, type Suggestions } from './handoff-form.ts';
import { allKinds } from './use-handoff-setup.ts';

export type FieldErrors = Partial<Record<FieldPath, string>>;

/** Which form input holds each field of the rule. */
export const formKeyOf: Record<FieldPath, keyof HandoffForm> = {
  toUserId: 'toUserId',
  trigger: 'trigger',
  discussed: 'discussed',
  objections: 'objections',
  'qualification.budget': 'budget',
  'qualification.authority': 'authority',
  'qualification.need': 'need',
  'qualification.timeline': 'timeline',
  'nextStep.what': 'nextWhat',
  'nextStep.dueAt': 'nextDue',
  warmIntro: 'warmIntro',
};

const warmIntroLabels: Record<WarmIntro, string> = { intro_email: 'Intro email', joint_call: 'Joint call', none: 'None' };

interface FieldsProps {
  form: HandoffForm;
  recipients: UserSummary[] | undefined;
  recipientNote: string | null;
  errors: FieldErrors;
  /** Offered under an empty field; the rep takes one with a click. */
  suggested?: Suggestions;
  onChange(patch: Partial<HandoffForm>): void;
}

function ErrorText({ path, errors }: { path: FieldPath; errors: FieldErrors }) {
  const error = errors[path];
  return error ? (
    <p id={`${fieldId(path)}-error`} className="field-error">
      {error}
    </p>
  ) : null;
}

const invalid = (path: FieldPath, errors: FieldErrors) =>
  errors[path] ? { 'aria-invalid': true as const, 'aria-describedby': `${fieldId(path)}-error` } : {};

function TextField({ path, form, errors, suggested, onChange, multiline, maxLength, extra }: Omit<FieldsProps, 'recipients' | 'recipientNote'> & { path: FieldPath; multiline?: boolean; maxLength: number; extra?: ReactNode }) {
  const key = formKeyOf[path];
  const suggestion = key === 'trigger' || key === 'discussed' ? suggested?.[key] : undefined;
  const common = {
    id: fieldId(path),
    value: form[key],
    maxLength,
    onChange: (event: { target: { value: string } }) => onChange({ [key]: event.target.value }),
    ...invalid(path, errors),
  };
  return (
    <div className="field">
      <div className="row spread">
        <label className="field-label" htmlFor={common.id}>
          {fieldLabels[path]}
        </label>
        {extra}
      </div>
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      {suggestion && form[key].trim() === '' ? (
        <button type="button" className="link small suggestion" onClick={() => onChange({ [key]: suggestion })} aria-label={`Use the suggestion for ${fieldLabels[path]}: ${suggestion}`}>
          Use “{suggestion}”
        </button>
      ) : null}
      <ErrorText path={path} errors={errors} />
    </div>
  );
}

/** The structured handoff template: every field labelled, in the order an AE reads them. */
export function HandoffFields(props: FieldsProps) {
  const { form, recipients, recipientNote, errors, onChange } = props;
  const recipient = recipients?.find((user) => user.id === form.toUserId);
  return (
    <>
      <div className="field-pair">
        <div className="field">
          <label className="field-label" htmlFor="handoff-kind">
            Handoff kind
          </label>
          <select id="handoff-kind" value={form.kind} onChange={(event) => onChange({ kind: event.target.value as HandoffForm['kind'], toUserId: '' })}>
            {allKinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabels[kind]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={fieldId('toUserId')}>
            {fieldLabels.toUserId}
          </label>
          <select id={fieldId('toUserId')} value={form.toUserId} onChange={(event) => onChange({ toUserId: event.target.value })} {...invalid('toUserId', errors)}>
            <option value="">{recipients === undefined ? 'Loading…' : recipients.length === 0 ? 'Nobody with that role' : 'Choose…'}</option>
            {recipients?.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {recipientNote ? <p className="small muted">{recipientNote}</p> : null}
      <ErrorText path="toUserId" errors={errors} />
      <TextField {...props} path="trigger" multiline maxLength={5000} />
      <TextField {...props} path="discussed" multiline maxLength={5000} />
      <TextField
        {...props}
        path="objections"
        multiline
        maxLength={5000}
        extra={
          <button type="button" className="link small" onClick={() => onChange({ objections: NONE_RAISED })}>
            None raised
          </button>
        }
      />
      <fieldset className="group">
        <legend>Qualification</legend>
        <div className="field-pair">
          <TextField {...props} path="qualification.budget" maxLength={2000} />
          <TextField {...props} path="qualification.authority" maxLength={2000} />
        </div>
        <div className="field-pair">
          <TextField {...props} path="qualification.need" maxLength={2000} />
          <TextField {...props} path="qualification.timeline" maxLength={2000} />
        </div>
      </fieldset>
      <fieldset className="group">
        <legend>Next step</legend>
        <TextField {...props} path="nextStep.what" maxLength={500} />
        <div className="field">
          <label className="field-label" htmlFor={fieldId('nextStep.dueAt')}>
            {fieldLabels['nextStep.dueAt']}
          </label>
          <input
            id={fieldId('nextStep.dueAt')}
            type="datetime-local"
            value={form.nextDue}
            onChange={(event) => onChange({ nextDue: event.target.value })}
            {...invalid('nextStep.dueAt', errors)}
          />
          <ErrorText path="nextStep.dueAt" errors={errors} />
        </div>
        <p className="small muted">Done by: {recipient ? recipient.name : 'the recipient'}</p>
      </fieldset>
      <fieldset className="group" {...invalid('warmIntro', errors)}>
        <legend>{fieldLabels.warmIntro}</legend>
        <div className="row wrap">
          {(Object.keys(warmIntroLabels) as WarmIntro[]).map((plan, index) => (
            <label key={plan} className="inline">
              <input
                type="radio"
                name="handoff-warm-intro"
                value={plan}
                checked={form.warmIntro === plan}
                onChange={() => onChange({ warmIntro: plan })}
                {...(index === 0 ? { id: fieldId('warmIntro') } : {})}
              />
              {warmIntroLabels[plan]}
            </label>
          ))}
        </div>
        <ErrorText path="warmIntro" errors={errors} />
      </fieldset>
    </>
  );
}
