import { normalizeEmail } from '@baton/shared';
import { useState, type FormEvent } from 'react';
import type { Person } from '@baton/readers/gmail';
import { Section } from '../../ui/section.tsx';
import type { PageSupport } from '../../messages/to-sidebar.ts';
import { SupportReport } from './support-report.tsx';
import { ThreadLookup } from './thread-lookup.tsx';

/**
 * The page reader could not make sense of this page (Gmail changed its markup, or an unusual
 * view). Say so plainly, then let the rep look someone up or add them by email by hand.
 */
export function DegradedPanel({ reason, site, result, support }: { reason: string; site: 'gmail' | 'linkedin'; result: unknown; support?: PageSupport | undefined }) {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [person, setPerson] = useState<Person | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const address = normalizeEmail(email);
    if (address === null) {
      setError('Enter a valid email address.');
      return;
    }
    setError(null);
    setPerson({ email: address, name: null });
  }

  return (
    <>
      <section className="section" aria-labelledby="degraded-title">
        <h1 id="degraded-title">Baton can't read this page</h1>
        <p>{site === 'gmail' ? 'Gmail' : 'LinkedIn'} may have changed how this page is built, or this view is not one Baton knows.</p>
        <p className="muted small">You can still look someone up or add them by their email address.</p>
        <form onSubmit={submit} className="row" aria-label="Find a contact by email" role="search">
          <label className="visually-hidden" htmlFor="lookup-email">
            Email address
          </label>
          <input id="lookup-email" type="email" value={email} onChange={(event) => setEmail(event.target.value)} placeholder="name@company.com" />
          <button type="submit">Search</button>
        </form>
        {error ? <p className="danger" role="alert">{error}</p> : null}
        <details className="small muted degraded-details">
          <summary>What Baton saw</summary>
          <p className="body-text">{reason}</p>
        </details>
        {support ? <SupportReport site={site} result={result} support={support} /> : null}
      </section>
      {person ? <ThreadLookup key={person.email} person={person} /> : <Section title="Contact"><p className="muted">Search by email to see a contact.</p></Section>}
    </>
  );
}
