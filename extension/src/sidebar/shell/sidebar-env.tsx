import { createContext, useContext, type ReactNode } from 'react';
import type { IntroDraft, IntroDraftReply } from '../../messages/to-content.ts';
import type { Settings } from '../../settings/index.ts';

/**
 * What every panel needs besides the bridge (`useBridge()`, the only way to the local store and
 * the API: this frame is denied IndexedDB): who is signed in, and what the frame can ask of its page.
 */
export interface SidebarEnv {
  settings: Settings;
  /** An API URL and token are set, so API calls through the bridge can be tried. */
  apiConfigured: boolean;
  /** Asks the background to drain the outbox now. */
  syncNow(): void;
  openOptions(): void;
  /** Opens a reply draft with the introduction on the page's thread (Gmail only; absent elsewhere and in tests). */
  openIntroDraft?: (draft: IntroDraft) => Promise<IntroDraftReply>;
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
