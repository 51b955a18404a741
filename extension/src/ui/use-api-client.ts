import { useMemo } from 'react';
import { createApiClient, type ApiClient } from '../api-client/index.ts';
import type { Settings } from '../settings/index.ts';

/** An API client for the configured origin and token, or null until both are set. */
export function useApiClient(settings: Settings | undefined): ApiClient | null {
  const apiUrl = settings?.apiUrl ?? null;
  const token = settings?.token ?? null;
  return useMemo(() => (apiUrl && token ? createApiClient({ baseUrl: apiUrl, token }) : null), [apiUrl, token]);
}
