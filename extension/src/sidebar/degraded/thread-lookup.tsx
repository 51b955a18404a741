import type { Person } from '@baton/readers/gmail';
import { AddContactForm } from '../add-contact/add-contact-form.tsx';
import { ContactCard } from '../contact/contact-card.tsx';
import { NextStep } from '../next-step/next-step.tsx';
import { QuickActions } from '../quick-forms/quick-actions.tsx';
import { Timeline } from '../timeline/timeline.tsx';
import { useThreadBrief } from '../thread/use-thread-brief.ts';
import { Section } from '../../ui/section.tsx';

/** One person looked up by hand: their brief, or the form to add them. */
export function ThreadLookup({ person }: { person: Person }) {
  const { brief } = useThreadBrief([person.email]);
  if (brief === undefined) {
    return (
      <Section title="Contact">
        <p className="muted" role="status">Looking up {person.email}…</p>
      </Section>
    );
  }
  if (brief === null) {
    return (
      <Section title="Add as contact">
        <p className="muted small">{person.email} is not in Baton yet.</p>
        <AddContactForm initial={{ name: person.name ?? '', email: person.email }} onSaved={() => undefined} />
      </Section>
    );
  }
  return (
    <>
      <ContactCard brief={brief} />
      <NextStep step={brief.nextStep} />
      <QuickActions contactId={brief.contact.id} dealId={brief.deal?.id ?? null} />
      <Timeline key={brief.contact.id} contactId={brief.contact.id} activities={brief.timeline} nextCursor={brief.nextCursor} />
    </>
  );
}
