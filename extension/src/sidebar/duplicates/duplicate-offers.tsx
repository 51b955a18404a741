import type { Contact } from '@baton/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useBridge } from '../../bridge/react.tsx';
import { MergeOffer } from '../link-profile/merge-offer.tsx';
import { useSidebarEnv } from '../shell/sidebar-env.tsx';
import { undecided } from './undecided.ts';

/**
 * Contacts the API thinks are the same person (same name and company, no conflicting identities),
 * each offered for merging with a clear "Merge" / "Not the same person" — never merged silently.
 */
export function DuplicateOffers({ contact }: { contact: Pick<Contact, 'id' | 'name'> }) {
  const bridge = useBridge();
  const { apiConfigured, settings } = useSidebarEnv();
  const queries = useQueryClient();
  const [declined, setDeclined] = useState<ReadonlySet<string>>(new Set());
  const [merged, setMerged] = useState<string | null>(null);
  const key = ['duplicates', contact.id, settings.apiUrl];
  const { data } = useQuery({
    queryKey: key,
    enabled: apiConfigured,
    queryFn: () => bridge.contactDuplicates({ contactId: contact.id }),
  });
  const offers = undecided(data ?? [], declined);

  return (
    <>
      {merged ? <p className="ok small" role="status">{merged}</p> : null}
      {offers.map((duplicate) => (
        <MergeOffer
          key={duplicate.id}
          label="Possible duplicate"
          survivor={contact}
          duplicate={duplicate}
          question="Possible duplicate of this contact:"
          onDone={() => {
            setMerged(`Merged ${duplicate.name ?? 'the duplicate'} into ${contact.name ?? 'this contact'}`);
            void queries.invalidateQueries({ queryKey: key });
          }}
          onDecline={() => {
            setDeclined(new Set([...declined, duplicate.id]));
            bridge.declineDuplicate({ contactId: contact.id, duplicateId: duplicate.id }).catch((error: unknown) => {
              // Hidden for now all the same; it may be offered again after a reload.
              console.warn('[baton] could not remember the declined duplicate', error);
            });
          }}
        />
      ))}
    </>
  );
}
