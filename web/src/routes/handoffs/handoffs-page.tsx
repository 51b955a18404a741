import { handoffKinds, handoffStatuses } from '@baton/shared';
import { listMembers, listTeamHandoffs } from '@baton/shared/api';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { call } from '../../api/client.ts';
import { formatDateTime, formatDuration, kindLabel, statusLabel } from '../../format.ts';
import { Page } from '../../ui/page.tsx';
import { Empty, Failed, Loading } from '../../ui/states.tsx';
import { StatusPill } from './status-pill.tsx';

const route = getRouteApi('/app/handoffs');

/** The managers' landing page: every handoff of the team, newest first, with how long each waited. */
export function HandoffsPage() {
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const members = useQuery({ queryKey: ['members'], queryFn: () => call(listMembers) });
  const handoffs = useInfiniteQuery({
    queryKey: ['team-handoffs', filters],
    queryFn: ({ pageParam }) => call(listTeamHandoffs, { query: { ...filters, limit: 50, ...(pageParam ? { before: pageParam } : {}) } }),
    initialPageParam: '' as string,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });
  const setFilter = (name: keyof typeof filters, value: string) =>
    void navigate({ search: (previous) => ({ ...previous, [name]: value === '' ? undefined : value }) });
  const people = members.data?.members ?? [];
  const rows = handoffs.data?.pages.flatMap((page) => page.handoffs) ?? [];

  return (
    <Page title="Handoffs">
      <form className="filters row" aria-label="Filter handoffs" onSubmit={(event) => event.preventDefault()}>
        <label>
          <span>Status</span>
          <select value={filters.status ?? ''} onChange={(event) => setFilter('status', event.target.value)}>
            <option value="">Any status</option>
            {handoffStatuses.map((status) => <option key={status} value={status}>{statusLabel(status)}</option>)}
          </select>
        </label>
        <label>
          <span>Kind</span>
          <select value={filters.kind ?? ''} onChange={(event) => setFilter('kind', event.target.value)}>
            <option value="">Any kind</option>
            {handoffKinds.map((kind) => <option key={kind} value={kind}>{kindLabel(kind)}</option>)}
          </select>
        </label>
        <label>
          <span>Sender</span>
          <select value={filters.from ?? ''} onChange={(event) => setFilter('from', event.target.value)}>
            <option value="">Anyone</option>
            {people.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
          </select>
        </label>
        <label>
          <span>Recipient</span>
          <select value={filters.to ?? ''} onChange={(event) => setFilter('to', event.target.value)}>
            <option value="">Anyone</option>
            {people.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
          </select>
        </label>
      </form>
      {handoffs.isPending ? (
        <Loading what="handoffs" />
      ) : handoffs.isError ? (
        <Failed error={handoffs.error} retry={() => void handoffs.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>{Object.values(filters).some(Boolean) ? 'No handoff matches these filters.' : 'No handoffs yet. They appear here as soon as a rep hands a deal over from the extension.'}</Empty>
      ) : (
        <>
          <table className="table">
            <caption className="visually-hidden">Handoffs, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Deal</th>
                <th scope="col">Kind</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Status</th>
                <th scope="col">Handed off</th>
                <th scope="col">Waited</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((handoff) => (
                <tr key={handoff.id}>
                  <td>
                    <Link to="/handoffs/$id" params={{ id: handoff.id }}>
                      {handoff.dealTitle}
                    </Link>
                    {handoff.contactName && <div className="muted small">{handoff.contactName}</div>}
                  </td>
                  <td>{kindLabel(handoff.kind)}</td>
                  <td>{handoff.from.name}</td>
                  <td>{handoff.to.name}</td>
                  <td><StatusPill status={handoff.status} /></td>
                  <td>{formatDateTime(handoff.createdAt)}</td>
                  <td>{formatDuration(handoff.waitedMs)}{handoff.status === 'pending' ? ' so far' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {handoffs.hasNextPage && (
            <button type="button" onClick={() => void handoffs.fetchNextPage()} disabled={handoffs.isFetchingNextPage}>
              {handoffs.isFetchingNextPage ? 'Loading…' : 'Show older handoffs'}
            </button>
          )}
        </>
      )}
    </Page>
  );
}
