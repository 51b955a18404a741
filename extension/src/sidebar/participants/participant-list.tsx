import { useState } from 'react';
import type { Person } from '@baton/readers/gmail';
import { Section } from '../../ui/section.tsx';
import { AddContactForm } from '../add-contact/add-contact-form.tsx';

/** The thread's people; those not in Baton yet get "Add as contact", pre-filled from the thread. */
export function ParticipantList({ people, known }: { people: Person[]; known: ReadonlySet<string> }) {
  const [adding, setAdding] = useState<string | null>(null);
  return (
    <Section title="Participants">
      {people.length === 0 ? <p className="muted">Only you and colleagues on this thread.</p> : null}
      <ul className="stack">
        {people.map((person) => (
          <li key={person.email}>
            <div className="row spread">
              <span id={`person-${person.email}`}>
                {person.name ?? person.email}
                {person.name ? <span className="muted small"> {person.email}</span> : null}
              </span>
              {known.has(person.email) ? (
                <span className="pill ok small">In Baton</span>
              ) : adding === person.email ? null : (
                <button type="button" onClick={() => setAdding(person.email)} aria-describedby={`person-${person.email}`}>
                  Add as contact
                </button>
              )}
            </div>
            {adding === person.email ? (
              <AddContactForm
                initial={{ name: person.name ?? '', email: person.email }}
                onSaved={() => setAdding(null)}
                onCancel={() => setAdding(null)}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}
