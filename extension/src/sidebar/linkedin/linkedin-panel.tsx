import { STALE_PROFILE_REASON } from '@baton/readers/linkedin';
import type { LinkedinReadResult } from '@baton/readers/linkedin';
import type { PageSupport } from '../../messages/to-sidebar.ts';
import { Section } from '../../ui/section.tsx';
import { DegradedPanel } from '../degraded/degraded-panel.tsx';
import { ProfilePanel } from './profile-panel.tsx';

/** The sidebar on LinkedIn, for whatever the reader saw on the page. */
export function LinkedinPanel({ read, support }: { read: LinkedinReadResult; support?: PageSupport | undefined }) {
  switch (read.kind) {
    case 'profile':
      // Keyed by the person: the next profile starts from a clean slate, never the previous one's data.
      return <ProfilePanel key={read.slug} profile={read} />;
    case 'company':
      return (
        <Section title="LinkedIn">
          <p className="muted">
            {read.name ? `${read.name} is a company page.` : 'This is a company page.'} Open a person's profile to capture it.
          </p>
        </Section>
      );
    case 'not_recognised':
      // After in-app navigation the old top card can linger a moment: wait for the new one.
      return read.reason === STALE_PROFILE_REASON ? (
        <Section title="Contact">
          <p className="muted" role="status">Reading profile…</p>
        </Section>
      ) : (
        <DegradedPanel reason={read.reason} site="linkedin" result={read} support={support} />
      );
  }
}
