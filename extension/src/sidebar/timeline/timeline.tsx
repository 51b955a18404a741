import type { Activity } from '@baton/shared';
import { useState } from 'react';
import { useBridge } from '../../bridge/react.tsx';
import { errorText } from '../../ui/error-text.ts';
import { formatDateTime } from '../../ui/format.ts';
import { Section } from '../../ui/section.tsx';
import { useSidebarEnv } from '../shell/sidebar-env.tsx';
import { ActivityItem } from './activity-item.tsx';

const PAGE = 10;

/**
 * Newest first. Shows a page at a time from what the brief carried, then asks the API for older
 * pages from the brief's cursor.
 */
export function Timeline({ contactId, activities, nextCursor }: { contactId: string; activities: Activity[]; nextCursor: string | null }) {
  const bridge = useBridge();
  const { apiConfigured } = useSidebarEnv();
  const [shown, setShown] = useState(PAGE);
  const [older, setOlder] = useState<{ items: Activity[]; cursor: string | null }>({ items: [], cursor: nextCursor });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const all = dedupe([...activities, ...older.items]).sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));
  const visible = all.slice(0, shown);
  const more = all.length > shown || (older.cursor !== null && apiConfigured);

  async function showMore() {
    if (all.length > shown || older.cursor === null || !apiConfigured) {
      setShown((n) => n + PAGE);
      return;
    }
    setLoading(true);
    setError(null);
    try {
      const page = await bridge.remoteTimeline({ contactId, cursor: older.cursor });
      setOlder((previous) => ({ items: [...previous.items, ...page.activities], cursor: page.nextCursor }));
      setShown((n) => n + PAGE);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setLoading(false);
    }
  }

  return (
    <Section title="Timeline">
      {visible.length === 0 ? (
        <p className="muted">Nothing logged yet.</p>
      ) : (
        <ol className="timeline" aria-label="Activities, newest first">
          {visible.map((activity) => (
            <ActivityItem key={activity.id} activity={activity} when={formatDateTime(activity.occurredAt)} />
          ))}
        </ol>
      )}
      {error ? <p className="danger" role="alert">{error}</p> : null}
      {more ? (
        <button type="button" className="link" onClick={() => void showMore()} disabled={loading}>
          {loading ? 'Loading…' : 'Show more'}
        </button>
      ) : null}
    </Section>
  );
}

function dedupe(items: Activity[]): Activity[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}
