import { useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { callBridge, type BridgeClient } from './client.ts';
import type { AppRouter } from './router.ts';
import type { BridgeMethod, BridgeParams, BridgeResult } from './types.ts';

const Bridge = createContext<BridgeClient | null>(null);

/** Every live query's key starts with this; the bridge's change events invalidate them all. */
const LIVE = 'bridge-live';

/**
 * Provides the bridge below, and marks the live queries (`useLiveQueries`) stale whenever the
 * background's database changed, so TanStack Query re-reads what is on screen. Needs a
 * QueryClientProvider above.
 */
export function BridgeProvider({ client, children }: { client: BridgeClient; children: ReactNode }) {
  const queries = useQueryClient();
  useEffect(() => client.onChange(() => void queries.invalidateQueries({ queryKey: [LIVE] })), [client, queries]);
  return <Bridge.Provider value={client}>{children}</Bridge.Provider>;
}

export function useBridge(): BridgeClient {
  const client = useContext(Bridge);
  if (client === null) throw new Error('useBridge outside BridgeProvider');
  return client;
}

export type LiveQueryOptions<M extends BridgeMethod> = UseQueryOptions<BridgeResult<M>, Error, BridgeResult<M>, readonly [typeof LIVE, M, BridgeParams<M>, unknown]>;

/**
 * `useQuery(live.syncStatus({}))`: one options builder per handler entry. `dependsOn` names what
 * else the answer depends on that the background reads by itself (the signed-in user), so a
 * change of it reads again.
 */
export type LiveQueries = { [M in keyof AppRouter]: (params: BridgeParams<M>, dependsOn?: unknown) => LiveQueryOptions<M> };

/**
 * Query options for reads of the background's database, re-read after every change event:
 * `const { data, error } = useQuery(useLiveQueries().syncStatus({}))`. Only for methods that read
 * the cache — one that writes it (or refreshes it from the API) would re-run on its own change.
 * Answers for other params (the previous thread) are never shown: each params is its own key.
 */
export function useLiveQueries(): LiveQueries {
  const bridge = useBridge();
  return useMemo(
    () =>
      new Proxy({} as LiveQueries, {
        get: (_target, name) =>
          typeof name !== 'string'
            ? undefined
            : (params: unknown, dependsOn?: unknown) => liveQuery(bridge, name as BridgeMethod, params as BridgeParams<BridgeMethod>, dependsOn ?? null),
      }),
    [bridge],
  );
}

function liveQuery<M extends BridgeMethod>(bridge: BridgeClient, method: M, params: BridgeParams<M>, dependsOn: unknown): LiveQueryOptions<M> {
  return {
    queryKey: [LIVE, method, params, dependsOn] as const,
    queryFn: () => callBridge(bridge, method, params),
    // The bridge already sends a read again when the worker stopped; a failure is shown as it is.
    retry: false,
    staleTime: 0,
  };
}
