import { useState, type FormEvent } from 'react';
import { useBridge } from '../../bridge/react.tsx';
import { errorText } from '../../ui/error-text.ts';

export function LogCallForm({ contactId, dealId, onSaved, onCancel }: { contactId: string; dealId: string | null; onSaved: () => void; onCancel: () => void }) {
  const bridge = useBridge();
  const [summary, setSummary] = useState('');
  const [minutes, setMinutes] = useState('15');
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const durationMinutes = Number(minutes);
    if (summary.trim() === '') return setError('Say what the call was about.');
    if (!Number.isInteger(durationMinutes) || durationMinutes < 0 || durationMinutes > 24 * 60) {
      return setError('Duration is a whole number of minutes.');
    }
    try {
      await bridge.logCall({ contactId, call: { summary: summary.trim(), durationMinutes, outcome: outcome.trim(), dealId } });
      onSaved();
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Log call">
      <label>
        <span>What was discussed</span>
        <input value={summary} onChange={(event) => setSummary(event.target.value)} autoFocus />
      </label>
      <div className="row">
        <label>
          <span>Minutes</span>
          <input type="number" min={0} max={1440} value={minutes} onChange={(event) => setMinutes(event.target.value)} />
        </label>
        <label>
          <span>Outcome</span>
          <input value={outcome} onChange={(event) => setOutcome(event.target.value)} />
        </label>
      </div>
      {error ? <p className="danger" role="alert">{error}</p> : null}
      <div className="row">
        <button type="submit" className="primary">
          Save call
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
