import type { SyncState, SyncStatus } from '../local/status.ts';
import { errorText } from './error-text.ts';
import { formatDateTime } from './format.ts';

const tones: Record<SyncState, string> = { synced: 'ok', waiting: 'warn', sending: 'warn', offline: 'warn', token_rejected: 'danger', error: 'danger' };

/** "Synced" / "3 waiting to sync" / "API unreachable — …": always visible, announced politely. */
export function SyncBadge({ status, error }: { status: SyncStatus | undefined; error?: unknown }) {
  if (error !== undefined) {
    return (
      <span className="pill danger" role="status">
        Sync state unknown: {errorText(error)}
      </span>
    );
  }
  if (status === undefined) return null;
  const text = status.message.charAt(0).toUpperCase() + status.message.slice(1);
  return (
    <span className={`pill ${tones[status.state]}`} role="status" title={status.lastSyncedAt ? `Last synced ${formatDateTime(status.lastSyncedAt)}` : undefined}>
      {text}
    </span>
  );
}

/**
 * The badge and what the rep can do about it, the same in the sidebar's header and the popup:
 * "Sync now" while writes wait or the API did not answer, "Open Options" for a rejected token.
 */
export function SyncActions({ status, syncNow, openOptions }: { status: SyncStatus | undefined; syncNow(): void; openOptions(): void }) {
  if (status === undefined) return null;
  if (status.state === 'token_rejected') {
    return (
      <button type="button" className="link small" onClick={openOptions}>
        Open Options
      </button>
    );
  }
  if (status.pending > 0 || status.state === 'offline') {
    return (
      <button type="button" className="link small" onClick={syncNow}>
        {status.pending > 0 ? 'Sync now' : 'Try again'}
      </button>
    );
  }
  return null;
}
