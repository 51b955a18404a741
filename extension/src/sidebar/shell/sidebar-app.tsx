import { useMemo } from 'react';
import { browser } from 'wxt/browser';
import { useBridge } from '../../bridge/react.tsx';
import { useSettings } from '../../ui/use-settings.ts';
import { usePageContext } from '../page-context/use-page-context.ts';
import type { SidebarEnv } from './sidebar-env.tsx';
import { SidebarView } from './sidebar-view.tsx';

const report = (what: string) => (error: unknown) => console.error(`[baton] ${what} failed`, error);

/** The sidebar frame: settings, the bridge to the background (local store and API) and the page channel, wired together. */
export function SidebarApp({ nonce }: { nonce: Promise<string> }) {
  const bridge = useBridge();
  const settings = useSettings();
  const page = usePageContext(nonce);
  const env = useMemo<SidebarEnv | null>(
    () =>
      settings === undefined
        ? null
        : {
            settings,
            apiConfigured: settings.apiUrl !== null && settings.hasToken,
            syncNow: () => void bridge.syncNow({}).catch(report('sync now')),
            openOptions: () => void browser.runtime.openOptionsPage().catch(report('opening options')),
          },
    [bridge, settings],
  );

  const channel = page.status === 'ready' ? page.channel : null;
  const pageEnv = useMemo<SidebarEnv | null>(() => (env && channel ? { ...env, openIntroDraft: channel.openIntroDraft } : env), [env, channel]);

  if (page.status === 'failed') {
    return (
      <p className="section danger" role="alert">
        {page.message}
      </p>
    );
  }
  if (env === null || page.status === 'connecting') {
    return (
      <p className="section muted" role="status">
        Starting Baton…
      </p>
    );
  }
  const ready = page.channel;
  return <SidebarView env={pageEnv ?? env} context={page.context} onCollapse={() => void ready.collapse().catch(report('collapsing'))} />;
}
