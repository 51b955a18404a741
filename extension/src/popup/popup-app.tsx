import { useQuery } from '@tanstack/react-query';
import { browser } from 'wxt/browser';
import { useBridge, useLiveQueries } from '../bridge/react.tsx';
import type { Settings } from '../settings/index.ts';
import { errorText } from '../ui/error-text.ts';
import { formatDateTime, roleLabel } from '../ui/format.ts';
import { MyHandoffs } from '../ui/my-handoffs.tsx';
import { Section } from '../ui/section.tsx';
import { SyncActions, SyncBadge } from '../ui/sync-badge.tsx';
import { NotificationItem } from './notification-item.tsx';
import { isSignedIn, useSettings } from '../ui/use-settings.ts';

const report = (what: string) => (error: unknown) => console.error(`[baton] ${what} failed`, error);

export function PopupApp() {
  const bridge = useBridge();
  const settings = useSettings();
  if (settings === undefined) return <p className="section muted" role="status">Loading…</p>;
  return (
    <PopupView
      settings={settings}
      openOptions={() => void browser.runtime.openOptionsPage().catch(report('opening options'))}
      syncNow={() => void bridge.syncNow({}).catch(report('sync now'))}
    />
  );
}

interface PopupProps {
  settings: Settings;
  openOptions: () => void;
  syncNow: () => void;
}

/** Who is signed in, whether work is waiting, and the cached notifications. */
export function PopupView({ settings, openOptions, syncNow }: PopupProps) {
  const live = useLiveQueries();
  const { data: status, error: statusError } = useQuery(live.syncStatus({}));
  const { data: unread, error: unreadError } = useQuery(live.unreadNotifications({}));
  if (!isSignedIn(settings) || settings.user === null) {
    return (
      <section className="section stack" aria-labelledby="popup-title">
        <h1 id="popup-title">Baton</h1>
        <p className="muted">Not signed in.</p>
        <button type="button" className="primary" onClick={openOptions}>
          Open Baton options
        </button>
      </section>
    );
  }
  return (
    <>
      <section className="section" aria-labelledby="popup-title">
        <h1 id="popup-title">Baton</h1>
        <p className="small">
          Signed in as {settings.user.name} ({roleLabel(settings.user.role)})
        </p>
        <div className="row">
          <SyncBadge status={status} error={statusError ?? undefined} />
          <SyncActions status={status} syncNow={syncNow} openOptions={openOptions} />
        </div>
        <p className="small muted">{status?.lastSyncedAt ? `Last synced ${formatDateTime(status.lastSyncedAt)}` : 'Not synced yet'}</p>
      </section>
      <Section title={`Notifications (${unread?.length ?? 0} unread)`}>
        {unreadError !== null ? (
          <p className="danger small" role="alert">
            {errorText(unreadError)}
          </p>
        ) : unread === undefined ? null : unread.length === 0 ? (
          <p className="muted">Nothing new.</p>
        ) : (
          <ul className="stack">
            {unread.map((note) => (
              <NotificationItem key={note.id} note={note} />
            ))}
          </ul>
        )}
      </Section>
      <MyHandoffs refresh={settings.apiUrl !== null && settings.hasToken} />
      <div className="section">
        <button type="button" onClick={openOptions}>
          Options
        </button>
      </div>
    </>
  );
}
