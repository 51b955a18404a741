import { asLoggable, type GmailThreadResult } from '@baton/readers/gmail';
import type { PageSupport } from '../../messages/to-sidebar.ts';
import { PartialRead } from '../degraded/partial-read.tsx';
import { errorText } from '../../ui/error-text.ts';
import { Section } from '../../ui/section.tsx';
import { AddAndLog } from '../add-contact/add-and-log.tsx';
import { ContactCard } from '../contact/contact-card.tsx';
import { HandoffBrief } from '../handoff-brief/handoff-brief.tsx';
import { HandoffSlotProvider } from '../handoff/handoff-slot.tsx';
import { LogThread } from '../log-thread/log-thread.tsx';
import { LogAndHandoff } from '../log-and-handoff/log-and-handoff.tsx';
import { useIntroOnHandoff } from '../log-and-handoff/use-intro-on-handoff.ts';
import { NextStep } from '../next-step/next-step.tsx';
import { ParticipantList } from '../participants/participant-list.tsx';
import { threadParticipants } from '../participants/participants.ts';
import { QuickActions } from '../quick-forms/quick-actions.tsx';
import { useSidebarEnv } from '../shell/sidebar-env.tsx';
import { Timeline } from '../timeline/timeline.tsx';
import { useThreadBrief } from './use-thread-brief.ts';

/** Everything about the prospect on the open thread, in reading order. */
export function ThreadPanel({ thread, support }: { thread: GmailThreadResult; support?: PageSupport | undefined }) {
  const { settings } = useSidebarEnv();
  const people = threadParticipants(thread.participants, {
    userEmails: [thread.user?.email, settings.user?.email],
    neverLogDomains: settings.neverLogDomains,
  });
  const { brief, known, refreshing, refreshError } = useThreadBrief(people.map((person) => person.email));
  const introStatus = useIntroOnHandoff(brief, { subject: thread.subject, people });
  // The brief is found by participants; only logging needs every message's identity.
  const loggable = asLoggable(thread);

  return (
    <HandoffSlotProvider>
    <div aria-busy={brief === undefined || refreshing}>
      {refreshError ? (
        <p className="notice small" role="status">
          Showing what this device knows. {errorText(refreshError)}
        </p>
      ) : null}
      {brief === undefined ? (
        <Section title="Contact">
          <p className="muted" role="status">Looking up {people[0]?.name ?? 'this thread'}…</p>
        </Section>
      ) : brief === null ? (
        <Section title="Contact">
          <p className="muted">{people.length === 0 ? 'No one outside your company on this thread.' : 'Nobody on this thread is in Baton yet.'}</p>
          {people[0] && loggable.ok ? <AddAndLog person={people[0]} thread={loggable.thread} /> : null}
        </Section>
      ) : (
        <>
          {brief.latestHandoff ? <HandoffBrief handoff={brief.latestHandoff} /> : null}
          <ContactCard brief={brief} threadSubject={thread.subject} handoffEntryElsewhere />
          <Section title="Thread">
            {loggable.ok ? (
              <>
                <LogThread thread={loggable.thread} contactId={brief.contact.id} dealId={brief.deal?.id ?? null} />
                <LogAndHandoff thread={loggable.thread} brief={brief} />
              </>
            ) : (
              <p className="notice small" role="status">
                {`Baton can't log this thread: ${loggable.reason} Add a note or log a call below to record it by hand.`}
              </p>
            )}
            {introStatus ? (
              <p className="notice small" role="status">
                {introStatus}
              </p>
            ) : null}
          </Section>
          <NextStep step={brief.nextStep} />
        </>
      )}
      <ParticipantList people={people} known={known} />
      <PartialRead missing={thread.missing} result={thread} support={support} />
      {brief ? (
        <>
          <QuickActions contactId={brief.contact.id} dealId={brief.deal?.id ?? null} />
          <Timeline key={brief.contact.id} contactId={brief.contact.id} activities={brief.timeline} nextCursor={brief.nextCursor} />
        </>
      ) : null}
    </div>
    </HandoffSlotProvider>
  );
}
