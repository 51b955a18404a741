import type { Contact } from '@baton/shared';
import { useState } from 'react';
import { useBridge } from '../../bridge/react.tsx';
import { errorText } from '../../ui/error-text.ts';
import { describeContact } from './describe.ts';

/**
 * The rep decides whether two records are one person: never merged without this click. The
 * survivor keeps its id; the API moves every activity of the other onto it and audits the merge.
 */
export function MergeOffer({
  label,
  survivor,
  duplicate,
  question,
  onDone,
  onDecline,
}: {
  /** Names the offer for assistive tech (and tests), e.g. "Possible duplicate". */
  label: string;
  survivor: Pick<Contact, 'id' | 'name'>;
  duplicate: Contact;
  question: string;
  onDone: (merged: Contact) => void;
  onDecline: () => void;
}) {
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function merge() {
    setBusy(true);
    setError(null);
    try {
      onDone(await bridge.mergeContacts({ survivorId: survivor.id, duplicateId: duplicate.id }));
    } catch (failure) {
      setError(errorText(failure));
      setBusy(false);
    }
  }

  return (
    <div className="notice stack" role="group" aria-label={label}>
      <p>{question}</p>
      <p className="small">{describeContact(duplicate)}</p>
      <div className="row">
        <button type="button" className="primary" disabled={busy} onClick={() => void merge()}>
          Merge
        </button>
        <button type="button" disabled={busy} onClick={onDecline}>
          Not the same person
        </button>
      </div>
      {error ? <p className="danger" role="alert">{error}</p> : null}
    </div>
  );
}
