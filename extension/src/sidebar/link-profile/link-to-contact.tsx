import type { Contact } from '@baton/shared';
import { useState, type FormEvent } from 'react';
import { useBridge } from '../../bridge/react.tsx';
import { errorText } from '../../ui/error-text.ts';
import { Section } from '../../ui/section.tsx';
import { useSidebarEnv } from '../shell/sidebar-env.tsx';
import { describeContact } from './describe.ts';
import { MergeOffer } from './merge-offer.tsx';

type Step =
  | { kind: 'closed' }
  | { kind: 'search'; results: Contact[] | null }
  | { kind: 'taken'; picked: Contact; other: Contact }
  | { kind: 'done'; message: string };

/**
 * LinkedIn's "Link to contact…": find the contact this profile belongs to (by name or email, through
 * the API) and give it the profile. If the profile was captured as a contact of its own, the API
 * names it and the rep may merge the two.
 */
export function LinkToContact({ profileUrl, currentContactId }: { profileUrl: string; currentContactId: string | null }) {
  const bridge = useBridge();
  const { apiConfigured } = useSidebarEnv();
  const [step, setStep] = useState<Step>({ kind: 'closed' });
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!apiConfigured) return null;

  async function search(event: FormEvent) {
    event.preventDefault();
    const q = query.trim();
    if (q === '') return setError('Type a name or an email.');
    setBusy(true);
    setError(null);
    try {
      const found = await bridge.searchContacts({ search: q.includes('@') ? { email: q } : { q } });
      setStep({ kind: 'search', results: found.filter((contact) => contact.id !== currentContactId) });
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  async function link(picked: Contact) {
    setBusy(true);
    setError(null);
    try {
      const result = await bridge.linkLinkedinProfile({ contactId: picked.id, profileUrl });
      setStep(result.status === 'linked' ? { kind: 'done', message: `Linked to ${picked.name ?? 'the contact'}` } : { kind: 'taken', picked, other: result.other });
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  let body;
  switch (step.kind) {
    case 'closed':
      body = (
        <button type="button" onClick={() => setStep({ kind: 'search', results: null })}>
          Link to contact…
        </button>
      );
      break;
    case 'done':
      body = <p className="ok small" role="status">{step.message}</p>;
      break;
    case 'taken':
      body = (
        <MergeOffer
          label="Merge the captured profile"
          survivor={step.picked}
          duplicate={step.other}
          question={`This profile was already captured as a separate contact. Merge it into ${step.picked.name ?? 'the contact you picked'}?`}
          onDone={(merged) => setStep({ kind: 'done', message: `Merged into ${merged.name ?? 'the contact'}` })}
          onDecline={() => setStep({ kind: 'done', message: 'Not linked: the profile stays with its own contact' })}
        />
      );
      break;
    case 'search':
      body = (
        <>
          <form onSubmit={(event) => void search(event)} className="row" role="search" aria-label="Find a contact to link">
            <label className="visually-hidden" htmlFor="link-contact-query">
              Name or email
            </label>
            <input id="link-contact-query" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Name or email" autoFocus />
            <button type="submit" disabled={busy}>
              Search
            </button>
            <button type="button" onClick={() => setStep({ kind: 'closed' })}>
              Cancel
            </button>
          </form>
          {step.results === null ? null : step.results.length === 0 ? (
            <p className="muted small" role="status">No contact matches.</p>
          ) : (
            <ul className="timeline" aria-label="Matching contacts">
              {step.results.map((contact) => (
                <li key={contact.id} className="activity row spread">
                  <span className="small">{describeContact(contact)}</span>
                  <button type="button" disabled={busy} onClick={() => void link(contact)} aria-label={`Link to ${contact.name ?? contact.emails[0] ?? 'contact'}`}>
                    Link
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      );
      break;
  }
  return (
    <Section title="Link to contact">
      {body}
      {error ? <p className="danger" role="alert">{error}</p> : null}
    </Section>
  );
}
