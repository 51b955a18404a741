import { useState, type FormEvent } from 'react';
import { useBridge } from '../../bridge/react.tsx';
import { errorText } from '../../ui/error-text.ts';

type Open = 'note' | 'message' | null;

/**
 * "Add note from LinkedIn" (what they posted, a shared connection) and "Log LinkedIn message"
 * (a conversation the rep pastes in): both tied to the profile they came from.
 */
export function LinkedinActions({ contactId, dealId, profileUrl }: { contactId: string; dealId: string | null; profileUrl: string }) {
  const bridge = useBridge();
  const [open, setOpen] = useState<Open>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  function start(which: Open) {
    setOpen(which);
    setText('');
    setError(null);
    setSaved(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return setError(open === 'note' ? 'Write something first.' : 'Paste the conversation first.');
    try {
      if (open === 'note') {
        await bridge.addLinkedinNote({ contactId, text, profileUrl, dealId });
        setSaved('Note saved');
      } else {
        await bridge.logLinkedinMessage({ contactId, message: { body: text, profileUrl, dealId } });
        setSaved('LinkedIn message logged');
      }
      setOpen(null);
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  if (open === null) {
    return (
      <div className="row actions">
        <button type="button" onClick={() => start('note')}>
          Add note from LinkedIn
        </button>
        <button type="button" onClick={() => start('message')}>
          Log LinkedIn message
        </button>
        {saved ? <span className="ok small" role="status">{saved}</span> : null}
      </div>
    );
  }
  const label = open === 'note' ? 'Note from LinkedIn' : 'LinkedIn conversation (pasted)';
  return (
    <form onSubmit={(event) => void submit(event)} aria-label={open === 'note' ? 'Add note from LinkedIn' : 'Log LinkedIn message'}>
      <label>
        <span>{label}</span>
        <textarea value={text} onChange={(event) => setText(event.target.value)} autoFocus />
      </label>
      {error ? <p className="danger" role="alert">{error}</p> : null}
      <div className="row">
        <button type="submit" className="primary">
          {open === 'note' ? 'Save note' : 'Log message'}
        </button>
        <button type="button" onClick={() => setOpen(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
