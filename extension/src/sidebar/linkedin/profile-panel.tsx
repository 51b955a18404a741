import type { LinkedinProfile } from '@baton/readers/linkedin';
import { errorText } from '../../ui/error-text.ts';
import { Section } from '../../ui/section.tsx';
import { ContactCard } from '../contact/contact-card.tsx';
import { HandoffSlotProvider } from '../handoff/handoff-slot.tsx';
import { HandoffBrief } from '../handoff-brief/handoff-brief.tsx';
import { LinkToContact } from '../link-profile/link-to-contact.tsx';
import { NextStep } from '../next-step/next-step.tsx';
import { QuickActions } from '../quick-forms/quick-actions.tsx';
import { Timeline } from '../timeline/timeline.tsx';
import { CaptureButton } from './capture-button.tsx';
import { LinkedinActions } from './linkedin-actions.tsx';
import { ProfilePreview } from './profile-preview.tsx';
import { useProfileBrief } from './use-profile-brief.ts';

/**
 * A LinkedIn profile: the contact's brief as in Gmail when Baton knows the profile, otherwise a
 * preview of what capturing would store. The LinkedIn section keeps its place in both states, so
 * "Profile captured" stays on screen as the panel turns into the contact's brief.
 */
export function ProfilePanel({ profile }: { profile: LinkedinProfile }) {
  const { brief, refreshing, refreshError } = useProfileBrief(profile.profileUrl);
  return (
    <div aria-busy={brief === undefined || refreshing}>
      <div>
        {brief === undefined ? (
          <Section title="Contact">
            <p className="muted" role="status">Looking up {profile.name}…</p>
          </Section>
        ) : brief === null ? (
          <ProfilePreview profile={profile} />
        ) : (
          <HandoffSlotProvider>
            {brief.latestHandoff ? <HandoffBrief handoff={brief.latestHandoff} /> : null}
            <ContactCard brief={brief} />
            <NextStep step={brief.nextStep} />
          </HandoffSlotProvider>
        )}
      </div>
      {refreshError ? (
        <p className="notice small" role="status">
          Showing what this device knows. {errorText(refreshError)}
        </p>
      ) : null}
      <Section title="LinkedIn">
        <div className="stack">
          <CaptureButton profile={profile} />
          {brief ? <LinkedinActions contactId={brief.contact.id} dealId={brief.deal?.id ?? null} profileUrl={profile.profileUrl} /> : null}
        </div>
      </Section>
      {brief === undefined ? null : <LinkToContact profileUrl={profile.profileUrl} currentContactId={brief?.contact.id ?? null} />}
      {brief ? (
        <>
          <QuickActions contactId={brief.contact.id} dealId={brief.deal?.id ?? null} />
          <Timeline key={brief.contact.id} contactId={brief.contact.id} activities={brief.timeline} nextCursor={brief.nextCursor} />
        </>
      ) : null}
    </div>
  );
}
