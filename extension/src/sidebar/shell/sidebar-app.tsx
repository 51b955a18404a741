import { useMemo } from 'react';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../../messages/send.ts';
import { batonDb, pageLocalContext } from '../../ui/local-context.ts';
import { useApiClient } from '../../ui/use-api-client.ts';
import { useSettings } from '../../ui/use-settings.ts';
import { usePageContext } from '../page-context/use-page-context.ts';
import type { SidebarEnv } from './sidebar-env.tsx';
import { SidebarView } from './sidebar-view.tsx';

const report = (what: string) => (error: unknown) => console.error(`[baton] ${what} failed`, error);

/** The sidebar frame: settings, API client, local store and the page channel, wired together. */
export function SidebarApp({ hash }: { hash: string }) {
  const settings = useSettings();
  const client = useApiClient(settings);
  const page = usePageContext(hash);
  const env = useMemo<SidebarEnv | null>(
    () =>
      settings === undefined
        ? null
        : {
            settings,
            client,
            local: pageLocalContext(settings, batonDb()),
            syncNow: () => void sendToBackground({ type: 'sync-now' }).catch(report('sync now')),
            openOptions: () => void browser.runtime.openOptionsPage().catch(report('opening options')),
          },
    [settings, client],
  );

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
  const channel = page.channel;
  return <SidebarView env={env} context={page.context} onCollapse={() => void channel.collapse().catch(report('collapsing'))} />;
}
