import type { Brief } from '@baton/shared';
import { useQuery } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { isApiClientError } from '../../api-client/index.ts';
import { findContactByEmails } from '../../local/contacts.ts';
import { fetchBrief, localBrief } from '../../local/read.ts';
import { useSidebarEnv } from '../shell/sidebar-env.tsx';

export interface ThreadBrief {
  /** undefined while the local cache is read; null when nobody on the thread is known. */
  brief: Brief | null | undefined;
  /** Emails of participants that are contacts in the local cache. */
  known: ReadonlySet<string>;
  refreshing: boolean;
  refreshError: unknown;
}

/**
 * The brief of the first known participant: from the local cache at once (live, so local writes
 * show instantly), refreshed from the API, which writes through the cache.
 */
export function useThreadBrief(emails: readonly string[]): ThreadBrief {
  const { local, client } = useSidebarEnv();
  const key = emails.join(',');
  const cached = useLiveQuery(async () => {
    const contacts = emails.length === 0 ? [] : await local.db.contacts.where('emails').anyOf([...emails]).toArray();
    const contact = await findContactByEmails(local.db, emails);
    return { brief: contact ? await localBrief(local.db, contact.id) : null, known: new Set(contacts.flatMap((c) => c.emails)) };
  }, [local, key]);

  const remote = useQuery({
    queryKey: ['brief', 'emails', key, client?.baseUrl],
    enabled: client !== null && emails.length > 0,
    queryFn: async () => {
      if (client === null) return null;
      for (const email of emails) {
        try {
          return await fetchBrief(local.db, client, { email });
        } catch (error) {
          if (isApiClientError(error) && error.kind === 'not_found') continue;
          throw error;
        }
      }
      return null;
    },
  });

  const brief = cached === undefined ? undefined : (cached.brief ?? (remote.isPending && client !== null && emails.length > 0 ? undefined : (remote.data ?? null)));
  return {
    brief,
    known: cached?.known ?? new Set(),
    refreshing: remote.isFetching,
    refreshError: remote.error,
  };
}
