import type { z } from 'zod';
import { createToken, CreateTokenInput } from '@baton/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client.ts';
import { Field, formValues } from '../../ui/field.tsx';
import { Failed } from '../../ui/states.tsx';

const tokensKey = ['tokens'] as const;

/** A new token's secret is in the create answer only: shown once, here, until the page is left. */
export function NewTokenForm() {
  const queryClient = useQueryClient();
  const [invalid, setInvalid] = useState('');
  const create = useMutation({
    mutationFn: (input: z.infer<typeof CreateTokenInput>) => call(createToken, { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
  return (
    <form
      className="card"
      aria-label="Create API token"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const parsed = CreateTokenInput.safeParse(formValues(form));
        if (!parsed.success) return setInvalid('Token name: give the token a name, e.g. the integration it is for');
        setInvalid('');
        create.mutate(parsed.data, { onSuccess: () => form.reset() });
      }}
    >
      <div className="row fields">
        <Field label="Token name" name="name" required maxLength={100} autoComplete="off" />
        <button type="submit" disabled={create.isPending}>
          Create token
        </button>
      </div>
      {invalid && <p className="danger" role="alert">{invalid}</p>}
      {create.isError && <Failed error={create.error} />}
      {create.isSuccess && (
        <div className="notice" role="status">
          <p>
            Token <strong>{create.data.token.name}</strong> created. Copy it now: it is not shown again.
          </p>
          <input readOnly className="secret" value={create.data.secret} aria-label="New token" onFocus={(event) => event.currentTarget.select()} />
        </div>
      )}
    </form>
  );
}
