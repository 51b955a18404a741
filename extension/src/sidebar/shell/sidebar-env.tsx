import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from '../../api-client/index.ts';
import type { LocalContext } from '../../local/context.ts';
import type { Settings } from '../../settings/index.ts';

/** What every panel needs: who is signed in, the API (null when not configured), the local store. */
export interface SidebarEnv {
  settings: Settings;
  client: ApiClient | null;
  local: LocalContext;
  /** Asks the background to drain the outbox now. */
  syncNow(): void;
  openOptions(): void;
}

const Env = createContext<SidebarEnv | null>(null);

export function SidebarEnvProvider({ value, children }: { value: SidebarEnv; children: ReactNode }) {
  return <Env.Provider value={value}>{children}</Env.Provider>;
}

export function useSidebarEnv(): SidebarEnv {
  const env = useContext(Env);
  if (env === null) throw new Error('useSidebarEnv outside SidebarEnvProvider');
  return env;
}
