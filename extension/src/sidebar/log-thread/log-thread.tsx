import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useBridge, useLiveQueries } from '../../bridge/react.tsx';
import type { LogProgress } from '../../local/activities.ts';
import type { LoggableGmailThread } from '@baton/readers/gmail';
import { errorText } from '../../ui/error-text.ts';
import { plural } from '../../ui/format.ts';
import { useSidebarEnv } from '../shell/sidebar-env.tsx';

type Run = { state: 'idle' } | { state: 'running'; progress: LogProgress } | { state: 'done'; logged: number } | { state: 'failed'; message: string };

/**
 * "Log thread", idempotent by Gmail message id (the data layer derives each activity id from it).
 * Once a thread is logged, later messages are offered — or logged at once when auto-log is on.
 */
export function LogThread({ thread, contactId, dealId }: { thread: LoggableGmailThread; contactId: string; dealId: string | null }) {
  const bridge = useBridge();
  const { settings } = useSidebarEnv();
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const live = useLiveQueries();
  const { data: logged, error: loggedError } = useQuery(live.isThreadLogged({ threadId: thread.threadId }));
  const { data: fresh, error: freshError } = useQuery(live.unloggedMessages({ thread }));

  async function log() {
    setRun({ state: 'running', progress: { done: 0, total: thread.messages.length } });
    try {
      const result = await bridge.logThread({ thread, target: { contactId, dealId } }, { onProgress: (progress) => setRun({ state: 'running', progress }) });
      setRun({ state: 'done', logged: result.logged });
    } catch (error) {
      setRun({ state: 'failed', message: errorText(error) });
    }
  }

  const autoLogged = useRef<string | null>(null);
  const freshCount = fresh?.length ?? 0;
  useEffect(() => {
    // Auto-log only new messages of a thread the rep chose to log, once per thread state.
    const key = `${thread.threadId}:${freshCount}`;
    if (!settings.autoLog || logged !== true || freshCount === 0 || run.state === 'running' || autoLogged.current === key) return;
    autoLogged.current = key;
    void log();
  });

  const readError = loggedError ?? freshError;
  if (readError !== null && run.state !== 'running') {
    return (
      <p className="danger" role="alert">
        {errorText(readError)}
      </p>
    );
  }
  if (logged === undefined || fresh === undefined) return null;
  if (run.state === 'running') {
    const { done, total } = run.progress;
    return (
      <div className="stack" role="status">
        <p>{`Logging ${done} of ${total}…`}</p>
        <progress max={total} value={done} aria-label="Logging progress" />
      </div>
    );
  }
  return (
    <div className="stack">
      {!logged ? (
        <button type="button" className="primary" onClick={() => void log()}>
          Log thread
        </button>
      ) : fresh.length > 0 ? (
        <div className="row spread">
          <span>{`${plural(fresh.length, 'new message')}`}</span>
          <button type="button" className="primary" onClick={() => void log()}>
            Log them
          </button>
        </div>
      ) : (
        <p className="ok" role="status">
          {run.state === 'done' ? `Thread logged (${plural(run.logged, 'message')} added)` : 'Thread logged'}
        </p>
      )}
      {run.state === 'failed' ? (
        <p className="danger" role="alert">
          {run.message}
        </p>
      ) : null}
    </div>
  );
}
