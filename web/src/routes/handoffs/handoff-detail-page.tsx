import type { Activity, AuditEntry } from '@baton/shared';
import { getTeamHandoff } from '@baton/shared/api';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { isConsoleApiError } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { formatDateTime, formatDuration } from '../../format.ts';
import { Page } from '../../ui/page.tsx';
import { Empty, Failed, Loading } from '../../ui/states.tsx';
import { HandoffBriefView } from './handoff-brief.tsx';

const route = getRouteApi('/app/handoffs/$id');

const activityLabels: Record<Activity['type'], string> = {
  email: 'Email',
  linkedin_profile: 'LinkedIn profile',
  linkedin_message: 'LinkedIn message',
  note: 'Note',
  call: 'Call',
  meeting: 'Meeting',
  handoff: 'Handoff',
  owner_change: 'Owner changed',
  stage_change: 'Stage changed',
};

/** One handoff: the brief as the AE sees it, the contact's timeline and the audit entries. */
export function HandoffDetailPage() {
  const { id } = route.useParams();
  const detail = useQuery({ queryKey: ['team-handoff', id], queryFn: () => call(getTeamHandoff, { params: { id } }) });
  const back = <Link to="/handoffs">All handoffs</Link>;
  if (detail.isPending) return <Page title="Handoff" actions={back}><Loading what="the handoff" /></Page>;
  if (detail.isError) {
    const missing = isConsoleApiError(detail.error) && detail.error.status === 404;
    return <Page title="Handoff" actions={back}>{missing ? <Empty>No handoff of your team has this address.</Empty> : <Failed error={detail.error} retry={() => void detail.refetch()} />}</Page>;
  }
  const { handoff, brief, audit } = detail.data;
  const now = new Date();
  const title = `${handoff.dealTitle}${handoff.contactName ? ` — ${handoff.contactName}` : ''}`;
  return (
    <Page title={title} actions={back}>
      <p className="muted">
        {brief.contact.title && `${brief.contact.title}`}
        {brief.contact.company && ` at ${brief.contact.company}`}
        {` · waited ${formatDuration(handoff.waitedMs)}${handoff.status === 'pending' ? ' so far' : ''}`}
      </p>
      <div className="columns">
        <HandoffBriefView handoff={{ ...handoff, from: handoff.from, to: handoff.to }} now={now} />
        <section className="card" aria-labelledby="timeline-title">
          <h2 id="timeline-title">Timeline</h2>
          {brief.timeline.length === 0 ? (
            <Empty>Nothing logged with this contact yet.</Empty>
          ) : (
            <ol className="timeline">
              {brief.timeline.map((activity) => (
                <li key={activity.id} className="activity">
                  <div className="small muted">
                    {activityLabels[activity.type]} · {formatDateTime(activity.occurredAt)}
                  </div>
                  {activity.subject && <p className="activity-title">{activity.subject}</p>}
                  {activity.body && <p className="body-text clamp">{activity.body}</p>}
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
      <section className="card" aria-labelledby="audit-title">
        <h2 id="audit-title">Audit entries</h2>
        {audit.length === 0 ? <Empty>No audit entries.</Empty> : <AuditTable entries={audit} />}
      </section>
    </Page>
  );
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <table className="table">
      <caption className="visually-hidden">Audit entries, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">What</th>
          <th scope="col">On</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>{formatDateTime(entry.at)}</td>
            <td><code>{entry.action}</code></td>
            <td>{entry.entityType}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
