import type { SyncState, SyncStatus } from '../local/status.ts';
import { errorText } from './error-text.ts';

const tones: Record<SyncState, string> = { synced: 'ok', waiting: 'warn', offline: 'warn', error: 'danger' };

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
    <span className={`pill ${tones[status.state]}`} role="status" title={status.lastSyncedAt ? `Last synced ${status.lastSyncedAt}` : undefined}>
      {text}
    </span>
  );
}
