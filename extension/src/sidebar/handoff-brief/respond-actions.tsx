import { useState, type FormEvent } from 'react';
import { useBridge } from '../../bridge/react.tsx';
import { errorText } from '../../ui/error-text.ts';

/** "Accept" or "Send back" (with a reason, which the sender reads) on a handoff addressed to me. */
export function RespondActions({ handoffId, fromName }: { handoffId: string; fromName: string }) {
  const bridge = useBridge();
  const [sendingBack, setSendingBack] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonId = `send-back-reason-${handoffId}`;

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  function sendBack(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      setError(`Say why, so ${fromName} can fix it.`);
      document.getElementById(reasonId)?.focus();
      return;
    }
    void run(() => bridge.rejectHandoff({ handoffId, reason: reason.trim() }));
  }

  if (sendingBack) {
    return (
      <form className="respond-form" aria-label="Send back" onSubmit={sendBack} noValidate>
        <label htmlFor={reasonId} className="field-label">
          Reason for sending back
        </label>
        <textarea id={reasonId} rows={2} value={reason} maxLength={2000} required aria-required="true" onChange={(event) => setReason(event.target.value)} autoFocus />
        {error ? <p className="danger small" role="alert">{error}</p> : null}
        <div className="row actions">
          <button type="submit" className="primary" disabled={busy}>
            Send back to {fromName}
          </button>
          <button type="button" onClick={() => setSendingBack(false)}>
            Cancel
          </button>
        </div>
      </form>
    );
  }
  return (
    <>
      <div className="row actions respond-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void run(() => bridge.acceptHandoff({ handoffId }))}>
          Accept
        </button>
        <button type="button" disabled={busy} onClick={() => setSendingBack(true)}>
          Send back
        </button>
      </div>
      {error ? <p className="danger small" role="alert">{error}</p> : null}
    </>
  );
}
