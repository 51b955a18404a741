import { useQuery } from '@tanstack/react-query';
import { useLiveQueries } from '../../bridge/react.tsx';
import type { PageContext } from '../../messages/to-sidebar.ts';
import { SyncActions, SyncBadge } from '../../ui/sync-badge.tsx';
import { isSignedIn } from '../../ui/use-settings.ts';
import { DegradedPanel } from '../degraded/degraded-panel.tsx';
import { HomePanel } from '../home/home-panel.tsx';
import { LinkedinPanel } from '../linkedin/linkedin-panel.tsx';
import { SignInPrompt } from '../sign-in/sign-in-prompt.tsx';
import { ThreadPanel } from '../thread/thread-panel.tsx';
import { SidebarEnvProvider, type SidebarEnv } from './sidebar-env.tsx';

export interface SidebarViewProps {
  env: SidebarEnv;
  /** null until the content script has sent what the page shows. */
  context: PageContext | null;
  onCollapse?: () => void;
}

/** The sidebar for a given page context; everything below reads the environment (and the bridge, from mount) from context. */
export function SidebarView({ env, context, onCollapse }: SidebarViewProps) {
  return (
    <SidebarEnvProvider value={env}>
      <SidebarContent env={env} context={context} {...(onCollapse ? { onCollapse } : {})} />
    </SidebarEnvProvider>
  );
}

function SidebarContent({ env, context, onCollapse }: SidebarViewProps) {
  const { data: status, error } = useQuery(useLiveQueries().syncStatus({}));
  const signedIn = isSignedIn(env.settings);
  return (
    <>
      <header className="bar">
        <span className="brand" aria-hidden="true">
          Baton
        </span>
        {signedIn ? <SyncBadge status={status} error={error ?? undefined} /> : null}
        {signedIn ? <SyncActions status={status} syncNow={env.syncNow} openOptions={env.openOptions} /> : null}
        {onCollapse ? (
          <button type="button" className="icon" onClick={onCollapse} aria-label="Collapse Baton panel" title="Collapse">
            ⟩
          </button>
        ) : null}
      </header>
      <main>{signedIn ? <PagePanel context={context} /> : <SignInPrompt onOpenOptions={env.openOptions} />}</main>
    </>
  );
}

function PagePanel({ context }: { context: PageContext | null }) {
  if (context === null) {
    return (
      <p className="section muted" role="status">
        Reading the page…
      </p>
    );
  }
  if (context.site === 'linkedin') return <LinkedinPanel read={context.read} support={context.support} />;
  const read = context.read;
  switch (read.kind) {
    case 'thread':
      // Keyed by thread: moving to another thread starts from a clean slate, never the previous contact.
      return <ThreadPanel key={read.threadId ?? `unnamed:${read.subject ?? ''}:${read.participants.map((p) => p.email).join(',')}`} thread={read} support={context.support} />;
    case 'list':
    case 'other':
      return <HomePanel />;
    case 'not_recognised':
      return <DegradedPanel reason={read.reason} site="gmail" result={read} support={context.support} />;
  }
}
