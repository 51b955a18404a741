import { createContext, useContext, useEffect, useState, type DependencyList, type ReactNode } from 'react';
import type { BridgeClient } from './client.ts';
import type { BridgeMethod, BridgeParams, BridgeResult } from './protocol.ts';

const Bridge = createContext<BridgeClient | null>(null);

export function BridgeProvider({ client, children }: { client: BridgeClient; children: ReactNode }) {
  return <Bridge.Provider value={client}>{children}</Bridge.Provider>;
}

export function useBridge(): BridgeClient {
  const client = useContext(Bridge);
  if (client === null) throw new Error('useBridge outside BridgeProvider');
  return client;
}

export interface BridgeQuery<T> {
  /** undefined until the first answer for the current deps. */
  data: T | undefined;
  error: unknown;
}

/**
 * Calls `method` and calls it again whenever the background's database changes (the bridge's
 * stand-in for Dexie's useLiveQuery). `params` is read when `deps` change, as with useEffect.
 */
export function useBridgeQuery<M extends BridgeMethod>(method: M, params: BridgeParams<M>, deps: DependencyList): BridgeQuery<BridgeResult<M>> {
  const client = useBridge();
  const [state, setState] = useState<{ owner: object | null; data: BridgeResult<M> | undefined; error: unknown }>({ owner: null, data: undefined, error: undefined });
  const [owner, setOwner] = useState<object | null>(null);

  useEffect(() => {
    // A fresh owner per deps: answers for previous deps (e.g. the previous thread) are never shown.
    const mine = {};
    setOwner(mine);
    let latest = 0;
    let live = true;
    const run = () => {
      const attempt = ++latest;
      client.call(method, params).then(
        (data) => live && attempt === latest && setState({ owner: mine, data, error: undefined }),
        (error: unknown) => live && attempt === latest && setState((previous) => ({ owner: mine, data: previous.owner === mine ? previous.data : undefined, error })),
      );
    };
    run();
    const stop = client.onChange(run);
    return () => {
      live = false;
      stop();
    };
    // The caller's deps stand for `params`, which is a fresh object on every render.
  }, [client, method, ...deps]);

  return state.owner !== null && state.owner === owner ? { data: state.data, error: state.error } : { data: undefined, error: undefined };
}
