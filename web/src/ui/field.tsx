import type { ComponentProps } from 'react';

/** A labelled input: the label names it for screen readers and for the tests. */
export function Field({ label, hint, ...input }: { label: string; hint?: string } & ComponentProps<'input'>) {
  return (
    <label>
      <span>{label}</span>
      <input {...input} />
      {hint && <small className="muted">{hint}</small>}
    </label>
  );
}

/** The values of a submitted form, by input name. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') values[name] = value;
  return values;
}
