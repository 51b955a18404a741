import type { Brief } from '@baton/shared';
import { roleLabel } from '../../ui/format.ts';
import { DealLine } from '../deal/deal-line.tsx';
import { DuplicateOffers } from '../duplicates/duplicate-offers.tsx';
import { LinkLinkedinProfile } from '../link-profile/link-linkedin-profile.tsx';
import { HandoffEntry } from '../handoff/handoff-entry.tsx';
import { useSidebarEnv } from '../shell/sidebar-env.tsx';

/** Who this is and where the deal stands: the first thing a rep reads. */
export function ContactCard({ brief, threadSubject, handoffEntryElsewhere = false }: { brief: Brief; threadSubject?: string | null; handoffEntryElsewhere?: boolean }) {
  const { contact, owner, deal, dealOwner } = brief;
  const { settings } = useSidebarEnv();
  // A contact made on this device is owned by its rep before the server's brief names them.
  const ownedByMe = owner === null && contact.ownerId !== null && contact.ownerId === settings.user?.id;
  const role = [contact.title, contact.company].filter(Boolean).join(' at ');
  return (
    <section className="section" aria-labelledby="contact-name">
      <h1 id="contact-name">{contact.name ?? contact.emails[0] ?? 'Unnamed contact'}</h1>
      {role ? <p className="muted">{role}</p> : null}
      <p className="small">
        Owner: {owner ? `${owner.name} (${roleLabel(owner.role)})` : ownedByMe ? 'you' : <span className="muted">nobody yet</span>}
      </p>
      {deal ? (
        <DealLine key={deal.id} deal={deal} dealOwner={dealOwner} owner={owner} />
      ) : (
        <p className="small muted">No deal yet</p>
      )}
      <LinkLinkedinProfile contact={contact} />
      <DuplicateOffers contact={contact} />
      <HandoffEntry brief={brief} threadSubject={threadSubject ?? null} entryElsewhere={handoffEntryElsewhere} />
    </section>
  );
}
