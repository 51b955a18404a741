import type { Brief } from '@baton/shared';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isApiClientError } from '../../api-client/index.ts';
import { useBridge, useLiveQueries } from '../../bridge/react.tsx';
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
 * The brief of the first known participant: from the local cache at once (re-read on every change
 * of the background's database, so local writes show instantly), refreshed from the API through
 * the background, which writes it through the cache.
 */
export function useThreadBrief(emails: readonly string[]): ThreadBrief {
  const bridge = useBridge();
  const { apiConfigured, settings } = useSidebarEnv();
  const key = emails.join(',');
  const cached = useQuery(useLiveQueries().threadBrief({ emails: [...emails] }));

  const remote = useQuery({
    queryKey: ['brief', 'emails', key, settings.apiUrl],
    enabled: apiConfigured && emails.length > 0,
    queryFn: async () => {
      for (const email of emails) {
        try {
          return await bridge.fetchBrief({ query: { email } });
        } catch (error) {
          if (isApiClientError(error) && error.kind === 'not_found') continue;
          throw error;
        }
      }
      return null;
    },
  });

  useReadAgainOnReconnect(remote);

  // A cache that cannot be read is reported, and the API's answer shown instead.
  const fromCache = cached.error === null ? cached.data : { brief: null, known: [] };
  const brief = fromCache === undefined ? undefined : (fromCache.brief ?? (remote.isPending && apiConfigured && emails.length > 0 ? undefined : (remote.data ?? null)));
  return {
    brief,
    known: new Set(fromCache?.known ?? []),
    refreshing: remote.isFetching,
    refreshError: cached.error ?? remote.error,
  };
}

/**
 * A read the API could not answer is asked again once any part of Baton reaches the API again,
 * so "showing what this device knows" does not outlive the outage it reports.
 */
export function useReadAgainOnReconnect(remote: { error: unknown; refetch(): Promise<unknown> }): void {
  const connection = useQuery(useLiveQueries().syncStatus({})).data?.connection;
  const failed = remote.error !== null;
  useEffect(() => {
    if (connection === 'reachable' && failed) void remote.refetch();
    // `remote` is a new object every render; the connection and the failure are what matter.
  }, [connection, failed]);
}
