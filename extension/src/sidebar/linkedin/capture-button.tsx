import { useState } from 'react';
import type { LinkedinProfile } from '@baton/readers/linkedin';
import { useBridge } from '../../bridge/react.tsx';
import { errorText } from '../../ui/error-text.ts';
import { toCapture } from './capture.ts';

/**
 * One click, on the profile on screen only: resolves the contact and records a snapshot of what
 * the profile says now. A second capture of an unchanged profile stores nothing new.
 */
export function CaptureButton({ profile }: { profile: LinkedinProfile }) {
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function capture() {
    setBusy(true);
    setMessage(null);
    try {
      const { activity } = await bridge.captureLinkedinProfile({ profile: toCapture(profile) });
      setMessage({ ok: true, text: activity === null ? 'No change since the last capture' : 'Profile captured' });
    } catch (failure) {
      setMessage({ ok: false, text: errorText(failure) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="row actions">
      <button type="button" className="primary" disabled={busy} onClick={() => void capture()}>
        Capture profile
      </button>
      {message ? (
        <span className={message.ok ? 'ok small' : 'danger small'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
