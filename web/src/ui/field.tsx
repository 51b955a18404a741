import { useId, type ComponentProps } from 'react';

/** A labelled input: the label names it for screen readers and for the tests; a hint describes it. */
export function Field({ label, hint, ...input }: { label: string; hint?: string } & ComponentProps<'input'>) {
  const hintId = useId();
  return (
    <div className="field">
      <label>
        <span>{label}</span>
        <input {...input} aria-describedby={hint ? hintId : undefined} />
      </label>
      {hint && (
        <small id={hintId} className="muted">
          {hint}
        </small>
      )}
    </div>
  );
}

/** The values of a submitted form, by input name. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') values[name] = value;
  return values;
}
