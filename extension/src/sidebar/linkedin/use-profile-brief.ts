import type { Brief } from '@baton/shared';
import { useQuery } from '@tanstack/react-query';
import { isApiClientError } from '../../api-client/index.ts';
import { useBridge, useLiveQueries } from '../../bridge/react.tsx';
import { useSidebarEnv } from '../shell/sidebar-env.tsx';
import { useReadAgainOnReconnect } from '../thread/use-thread-brief.ts';

export interface ProfileBrief {
  /** undefined while looking; null when nobody in Baton has this profile. */
  brief: Brief | null | undefined;
  refreshing: boolean;
  refreshError: unknown;
}

/** The brief of whoever has this LinkedIn profile: the cache at once, then the API through the background. */
export function useProfileBrief(profileUrl: string): ProfileBrief {
  const bridge = useBridge();
  const { apiConfigured, settings } = useSidebarEnv();
  const cached = useQuery(useLiveQueries().profileBrief({ slugOrUrl: profileUrl }));
  const remote = useQuery({
    queryKey: ['brief', 'linkedin', profileUrl, settings.apiUrl],
    enabled: apiConfigured,
    queryFn: async () => {
      try {
        return await bridge.fetchBrief({ query: { linkedin: profileUrl } });
      } catch (error) {
        if (isApiClientError(error) && error.kind === 'not_found') return null;
        throw error;
      }
    },
  });
  useReadAgainOnReconnect(remote);
  const fromCache = cached.error === null ? cached.data : null;
  const brief = fromCache === undefined ? undefined : (fromCache ?? (remote.isPending && apiConfigured ? undefined : (remote.data ?? null)));
  return { brief, refreshing: remote.isFetching, refreshError: cached.error ?? remote.error };
}
