import type { Brief, Contact } from '@baton/shared';
import { useState, type FormEvent } from 'react';
import { useBridge } from '../../bridge/react.tsx';
import { errorText } from '../../ui/error-text.ts';
import { useSidebarEnv } from '../shell/sidebar-env.tsx';
import { parsePastedProfile } from './describe.ts';
import { MergeOffer } from './merge-offer.tsx';

type Step = { kind: 'closed' } | { kind: 'form' } | { kind: 'taken'; other: Contact; url: string } | { kind: 'done'; message: string };

/**
 * Gmail's "Link LinkedIn profile": the rep pastes the prospect's profile address. When Baton
 * already has that profile as another contact (captured on LinkedIn before the email was known),
 * it offers to merge the two.
 */
export function LinkLinkedinProfile({ contact }: { contact: Brief['contact'] }) {
  const bridge = useBridge();
  const { apiConfigured } = useSidebarEnv();
  const [step, setStep] = useState<Step>({ kind: 'closed' });
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Once linked there is nothing to offer, except the outcome of what the rep just did.
  if (!apiConfigured || (contact.linkedinUrl && step.kind !== 'done')) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const pasted = parsePastedProfile(text);
    if (!pasted.ok) return setError(pasted.message);
    setBusy(true);
    setError(null);
    try {
      const result = await bridge.linkLinkedinProfile({ contactId: contact.id, profileUrl: pasted.url });
      setStep(result.status === 'linked' ? { kind: 'done', message: 'LinkedIn profile linked' } : { kind: 'taken', other: result.other, url: pasted.url });
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  switch (step.kind) {
    case 'closed':
      return (
        <button type="button" className="link small" onClick={() => setStep({ kind: 'form' })}>
          Link LinkedIn profile
        </button>
      );
    case 'done':
      return <p className="ok small" role="status">{step.message}</p>;
    case 'taken':
      return (
        <MergeOffer
          label="Merge with the LinkedIn contact"
          survivor={contact}
          duplicate={step.other}
          question={`This LinkedIn profile is already in Baton as another contact. Is it ${contact.name ?? 'this contact'}?`}
          onDone={() => setStep({ kind: 'done', message: 'Merged: one contact now holds the emails and the LinkedIn profile' })}
          onDecline={() => setStep({ kind: 'done', message: 'Not linked: the profile stays with the other contact' })}
        />
      );
    case 'form':
      return (
        <form onSubmit={(event) => void submit(event)} aria-label="Link LinkedIn profile" className="stack">
          <label>
            <span>LinkedIn profile URL</span>
            <input type="text" inputMode="url" value={text} onChange={(event) => setText(event.target.value)} placeholder="https://www.linkedin.com/in/…" autoFocus />
          </label>
          {error ? <p className="danger" role="alert">{error}</p> : null}
          <div className="row">
            <button type="submit" className="primary" disabled={busy}>
              Link profile
            </button>
            <button type="button" onClick={() => setStep({ kind: 'closed' })}>
              Cancel
            </button>
          </div>
        </form>
      );
  }
}
