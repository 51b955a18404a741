import type { ReactNode } from 'react';
import { errorText } from '../api/api-error.ts';

/* The three states every page designs for besides its content. */

export function Loading({ what }: { what: string }) {
  return (
    <p className="state muted" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function Failed({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div className="notice danger" role="alert">
      <p>{errorText(error)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state empty muted">{children}</p>;
}
