import { useQuery } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { cacheHandoffs } from '../../local/read.ts';
import { errorText } from '../../ui/error-text.ts';
import { formatDateTime } from '../../ui/format.ts';
import { Section } from '../../ui/section.tsx';
import { useSidebarEnv } from '../shell/sidebar-env.tsx';

/** Outside a thread: what is waiting for the user — handoffs to accept, next steps that slipped. */
export function HomePanel() {
  const { local, client, settings } = useSidebarEnv();
  const userId = settings.user?.id ?? null;

  const refresh = useQuery({
    queryKey: ['home', userId, client?.baseUrl],
    enabled: client !== null && userId !== null,
    queryFn: async () => {
      if (client === null) return null;
      const [handoffs, deals] = await Promise.all([client.listHandoffs({ to: 'me', status: 'pending' }), client.listDeals({ owner: 'me' })]);
      await cacheHandoffs(local.db, handoffs);
      await local.db.deals.bulkPut(deals.map((deal) => ({ ...deal, synced: true })));
      return true;
    },
  });

  const data = useLiveQuery(async () => {
    if (userId === null) return { handoffs: [], overdue: [] };
    const now = Date.now();
    const handoffs = await local.db.handoffs.where('toUserId').equals(userId).filter((h) => h.status === 'pending').toArray();
    const deals = await local.db.deals.where('ownerId').equals(userId).toArray();
    const overdue = deals.filter((deal) => deal.nextStep.dueAt !== null && Date.parse(deal.nextStep.dueAt) < now && !['won', 'lost'].includes(deal.stage));
    const contactIds = [...new Set([...handoffs.map((h) => h.contactId), ...overdue.map((d) => d.contactId)])];
    const contacts = new Map((await local.db.contacts.bulkGet(contactIds)).flatMap((c) => (c ? [[c.id, c] as const] : [])));
    const nameOf = (id: string) => contacts.get(id)?.name ?? contacts.get(id)?.emails[0] ?? 'A contact';
    return {
      handoffs: handoffs.map((h) => ({ id: h.id, who: nameOf(h.contactId), what: h.nextStep.what, at: h.createdAt })),
      overdue: overdue.map((d) => ({ id: d.id, who: nameOf(d.contactId), title: d.title, what: d.nextStep.what, due: d.nextStep.dueAt ?? '' })),
    };
  }, [local, userId]);

  return (
    <>
      <Section title="Handoffs waiting for you">
        {data === undefined ? (
          <p className="muted" role="status">Loading…</p>
        ) : data.handoffs.length === 0 ? (
          <p className="muted">No pending handoffs.</p>
        ) : (
          <ul className="stack">
            {data.handoffs.map((h) => (
              <li key={h.id}>
                <strong>{h.who}</strong>
                <br />
                <span className="small muted">
                  Next: {h.what} · handed over {formatDateTime(h.at)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Overdue next steps">
        {data === undefined ? null : data.overdue.length === 0 ? (
          <p className="muted">Nothing overdue.</p>
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
      {refresh.error ? (
        <p className="notice small section" role="status">
          Showing what this device knows. {errorText(refresh.error)}
        </p>
      ) : null}
    </>
  );
}
