import { useState, type FormEvent } from 'react';
import { useBridge } from '../../bridge/react.tsx';
import { errorText } from '../../ui/error-text.ts';

export function AddNoteForm({ contactId, dealId, onSaved, onCancel }: { contactId: string; dealId: string | null; onSaved: () => void; onCancel: () => void }) {
  const bridge = useBridge();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') {
      setError('Write something first.');
      return;
    }
    try {
      await bridge.addNote({ contactId, text, dealId });
      onSaved();
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Add note">
      <label>
        <span>Note</span>
        <textarea value={text} onChange={(event) => setText(event.target.value)} autoFocus />
      </label>
      {error ? <p className="danger" role="alert">{error}</p> : null}
      <div className="row">
        <button type="submit" className="primary">
          Save note
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
