import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useBridge, useLiveQueries } from '../bridge/react.tsx';
import type { MyHandoffItem } from '../local/my-handoffs.ts';
import { errorText } from './error-text.ts';
import { formatDuration, timeToAccept } from './duration.ts';
import { formatDateTime } from './format.ts';
import { openInTab } from './open-in-tab.ts';
import { Section } from './section.tsx';

function Item({ item, line, answer }: { item: MyHandoffItem; line: string; answer: boolean }) {
  const bridge = useBridge();
  const [problem, setProblem] = useState<string | null>(null);
  const act = (what: () => Promise<unknown>) => () => {
    setProblem(null);
    what().catch((failure: unknown) => setProblem(errorText(failure)));
  };
  const open = act(async () => openInTab(await bridge.prospectAddress({ contactId: item.contactId })));
  const accept = act(() => bridge.acceptHandoff({ handoffId: item.id }));
  return (
    <li>
      <strong>{item.who}</strong>
      {item.dealTitle ? <span className="small muted"> · {item.dealTitle}</span> : null}
      <br />
      <span className="small muted">{line}</span>
      {item.synced ? null : <span className="small muted"> · waiting to sync</span>}
      <div className="row list-actions">
        {answer && item.status === 'pending' ? (
          <button type="button" className="primary small" onClick={accept} aria-label={`Accept ${item.who}`}>
            Accept
          </button>
        ) : null}
        <button type="button" className="small" onClick={open} aria-label={`Open ${item.who} in Gmail`}>
          Open in Gmail
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

function List({ title, items, empty, line, answer = false }: { title: string; items: MyHandoffItem[]; empty: string; line: (item: MyHandoffItem) => string; answer?: boolean }) {
  return (
    <Section title={title}>
      {items.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ul className="handoff-list">
          {items.map((item) => (
            <Item key={item.id} item={item} line={line(item)} answer={answer} />
          ))}
        </ul>
      )}
    </Section>
  );
}

/**
 * Received (waiting for me), sent (waiting for them), and recently accepted handoffs: from the
 * cache at once, refreshed from the API once per mount when it can be asked.
 */
export function MyHandoffs({ refresh }: { refresh: boolean }) {
  const bridge = useBridge();
  const { data, error } = useQuery(useLiveQueries().myHandoffs({}));
  const [refreshError, setRefreshError] = useState<unknown>(undefined);

  useEffect(() => {
    if (!refresh) return;
    let live = true;
    bridge.refreshMyHandoffs({}).then(
      () => live && setRefreshError(undefined),
      (failure: unknown) => live && setRefreshError(failure),
    );
    return () => {
      live = false;
    };
  }, [bridge, refresh]);

  if (data === undefined) {
    return (
      <Section title="My handoffs">
        {error === null ? <p className="muted small" role="status">Loading…</p> : <p className="danger small" role="alert">{errorText(error)}</p>}
      </Section>
    );
  }
  const next = (item: MyHandoffItem) => `Next: ${item.nextStep.what} by ${formatDateTime(item.nextStep.dueAt)}`;
  return (
    <div aria-label="My handoffs" role="region">
      <List title="Handoffs to accept" answer items={data.received} empty="Nothing waiting for you." line={(item) => `From ${item.fromName} · ${formatDateTime(item.createdAt)} · ${next(item)}`} />
      <List title="Sent, awaiting acceptance" items={data.sent} empty="Nothing waiting on a teammate." line={(item) => `To ${item.toName} · ${formatDateTime(item.createdAt)}`} />
      <List
        title="Recently accepted"
        items={data.accepted}
        empty="None in the last two weeks."
        line={(item) => {
          const took = timeToAccept(item);
          return `${item.fromName} → ${item.toName}${took === null ? '' : ` · accepted after ${formatDuration(took)}`}`;
        }}
      />
      {refreshError !== undefined ? (
        <p className="notice small section" role="status">
          Showing what this device knows. {errorText(refreshError)}
        </p>
      ) : null}
    </div>
  );
}
