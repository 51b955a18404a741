import { useQuery } from '@tanstack/react-query';
import { useBridge, useLiveQueries } from '../../bridge/react.tsx';
import { errorText } from '../../ui/error-text.ts';
import { formatDateTime } from '../../ui/format.ts';
import { MyHandoffs } from '../../ui/my-handoffs.tsx';
import { Section } from '../../ui/section.tsx';
import { useSidebarEnv } from '../shell/sidebar-env.tsx';

/** Outside a thread: what is waiting for the user — their handoffs both ways, next steps that slipped. */
export function HomePanel() {
  const bridge = useBridge();
  const { apiConfigured, settings } = useSidebarEnv();
  const userId = settings.user?.id ?? null;

  const refresh = useQuery({
    queryKey: ['home', userId, settings.apiUrl],
    enabled: apiConfigured && userId !== null,
    queryFn: () => bridge.refreshHome({}),
  });

  const { data, error } = useQuery(useLiveQueries().homeItems({}, userId));
  const problem = error ?? refresh.error;

  return (
    <>
      <MyHandoffs refresh={apiConfigured && userId !== null} />
      <Section title="Overdue next steps">
        {data === undefined ? (
          error === null ? <p className="muted small">Loading…</p> : null
        ) : data.overdue.length === 0 ? (
          <p className="muted small">Nothing overdue.</p>
        ) : (
          <ul className="stack">
            {data.overdue.map((d) => (
              <li key={d.id}>
                <strong>{d.who}</strong> <span className="muted small">{d.title}</span>
                <br />
                <span className="small">{d.what ?? 'Next step'}</span> <span className="small danger">was due {formatDateTime(d.due)}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {problem ? (
        <p className="notice small section" role="status">
          Showing what this device knows. {errorText(problem)}
        </p>
      ) : null}
    </>
  );
}
