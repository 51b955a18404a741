import { useState } from 'react';
import { useBridge } from '../bridge/react.tsx';
import type { LocalNotification } from '../local/types.ts';
import { errorText } from '../ui/error-text.ts';
import { formatDateTime } from '../ui/format.ts';
import { openInTab } from '../ui/open-in-tab.ts';

/** One unread notification: opening it (the prospect, searched in this rep's own Gmail) or dismissing it marks it read. */
export function NotificationItem({ note }: { note: LocalNotification }) {
  const bridge = useBridge();
  const [problem, setProblem] = useState<string | null>(null);
  const act = (what: () => Promise<unknown>) => () => {
    setProblem(null);
    what().catch((failure: unknown) => setProblem(errorText(failure)));
  };
  return (
    <li>
      <strong>{note.title}</strong>
      <br />
      <span className="small">{note.body}</span>
      <br />
      <span className="small muted">{formatDateTime(note.createdAt)}</span>
      <div className="row list-actions">
        <button type="button" className="small" onClick={act(async () => openInTab(await bridge.openNotification({ notificationId: note.id })))} aria-label={`Open: ${note.title}`}>
          Open in Gmail
        </button>
        <button type="button" className="link small" onClick={act(() => bridge.markRead({ notificationId: note.id }))} aria-label={`Mark read: ${note.title}`}>
          Mark read
        </button>
      </div>
      {problem ? (
        <p className="danger small" role="alert">
          {problem}
        </p>
      ) : null}
    </li>
  );
}
