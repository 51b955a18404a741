import { composeBrief, type Activity, type Brief, type Deal, type Handoff, type UserSummary } from '@baton/shared';
import { TIMELINE_DEFAULT_LIMIT } from '@baton/shared/api';
import type { Caller } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { badRequest, notFound } from '../../errors.ts';
import { prepared } from '../../lib/prepared.ts';
import { encodeCursor } from '../activities/timeline.ts';
import { identityKeys, type IdentityKey } from '../contacts/identity.ts';
import { slugToUrl } from '../contacts/store.ts';

export type BriefFocus = { contactId: string } | { identity: IdentityKey };

/** What the statement answers: the API shapes already, except the contact's LinkedIn slug. */
interface BriefRow {
  contact: {
    id: string;
    name: string | null;
    emails: string[];
    linkedinSlug: string | null;
    title: string | null;
    company: string | null;
    location: string | null;
    photoUrl: string | null;
    photoCapturedAt: string | null;
    ownerId: string | null;
    createdAt: string;
    updatedAt: string;
  };
  deals: Deal[];
  handoffs: Handoff[];
  timeline: Activity[];
  users: UserSummary[];
}

/**
 * Everything an AE needs about one prospect, in ONE statement whatever the data size: the
 * contact, its identities, deals, their handoffs, the first timeline page (one row more, to know
 * whether there is a next page) and the users those mention, built as JSON by the database. Each
 * part is an index range scan, and the whole brief is one round trip.
 */
export async function loadBrief(db: Db, orgId: string, focus: BriefFocus): Promise<Brief> {
  const result =
    'contactId' in focus
      ? await prepared<{ brief?: unknown }>(db, briefByContactId, [orgId, focus.contactId])
      : await prepared<{ brief?: unknown }>(db, briefByIdentity, [orgId, focus.identity.kind, focus.identity.value]);
  const text = firstColumn(result);
  if (text === null) throw notFound('contact');
  const row = JSON.parse(text) as BriefRow;
  const { linkedinSlug, ...contact } = row.contact;
  const page = row.timeline.slice(0, TIMELINE_DEFAULT_LIMIT);
  const last = page.at(-1);
  return composeBrief({
    contact: {
      id: contact.id,
      name: contact.name,
      emails: contact.emails,
      linkedinUrl: linkedinSlug === null ? null : slugToUrl(linkedinSlug),
      title: contact.title,
      company: contact.company,
      location: contact.location,
      photoUrl: contact.photoUrl,
      photoCapturedAt: contact.photoCapturedAt,
      ownerId: contact.ownerId,
      createdAt: contact.createdAt,
      updatedAt: contact.updatedAt,
    },
    deals: row.deals,
    handoffs: row.handoffs,
    timeline: page,
    nextCursor: row.timeline.length > TIMELINE_DEFAULT_LIMIT && last ? encodeCursor(last) : null,
    users: row.users,
  });
}

function firstColumn(result: readonly { brief?: unknown }[]): string | null {
  const brief = result[0]?.brief;
  return typeof brief === 'string' ? brief : null;
}

/**
 * Times as `Date.toISOString()` writes them (UTC, milliseconds truncated like a JS Date), so the
 * JSON is the same as the row serializers' in serialize.ts.
 */
const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The statement's text, built once per way of naming the contact: $1 is the organisation, then
 * the contact id ($2) or the identity's kind and value ($2, $3). Constant text is what lets it be
 * a prepared statement (lib/prepared.ts).
 */
function briefStatement(by: 'contactId' | 'identity'): string {
  const org = '$1::uuid';
  // The live contact: a merged (tombstone) id answers its survivor; merges flatten alias chains.
  const contactId =
    by === 'contactId'
      ? `coalesce((select merged_into_id from contacts where org_id = ${org} and id = $2::uuid), $2::uuid)`
      : `(select contact_id from contact_identities where org_id = ${org} and kind = $2::text and value = $3::text)`;
  return `
    with c as (
      select * from contacts where org_id = ${org} and id = ${contactId} and merged_into_id is null limit 1
    ),
    d as (
      select * from deals where org_id = ${org} and contact_id = (select id from c)
    ),
    h as (
      select * from handoffs where org_id = ${org} and deal_id in (select id from d)
    )
    select json_build_object(
      'contact', json_build_object(
        'id', c.id, 'name', c.name,
        'emails', coalesce((
          select json_agg(i.value order by i.created_at, i.value) from contact_identities i
          where i.org_id = ${org} and i.contact_id = c.id and i.kind = 'email'), '[]'),
        'linkedinSlug', (
          select i.value from contact_identities i
          where i.org_id = ${org} and i.contact_id = c.id and i.kind = 'linkedin' order by i.created_at, i.value limit 1),
        'title', c.title, 'company', c.company, 'location', c.location, 'photoUrl', c.photo_url,
        'photoCapturedAt', ${iso('c.photo_captured_at')}, 'ownerId', c.owner_id,
        'createdAt', ${iso('c.created_at')}, 'updatedAt', ${iso('c.updated_at')}),
      'deals', coalesce((
        select json_agg(json_build_object(
          'id', d.id, 'contactId', d.contact_id, 'title', d.title, 'stage', d.stage, 'ownerId', d.owner_id, 'version', d.version,
          'qualification', json_build_object('budget', d.budget, 'authority', d.authority, 'need', d.need, 'timeline', d.timeline),
          'nextStep', json_build_object('what', d.next_step_what, 'dueAt', ${iso('d.next_step_due_at')}, 'ownerId', d.next_step_owner_id),
          'createdAt', ${iso('d.created_at')}, 'updatedAt', ${iso('d.updated_at')}))
        from d), '[]'),
      'handoffs', coalesce((
        select json_agg(json_build_object(
          'id', h.id, 'dealId', h.deal_id, 'contactId', h.contact_id, 'kind', h.kind, 'fromUserId', h.from_user_id,
          'toUserId', h.to_user_id, 'status', h.status, 'trigger', h.trigger, 'discussed', h.discussed, 'objections', h.objections,
          'qualification', h.qualification,
          'nextStep', json_build_object('what', h.next_step_what, 'dueAt', ${iso('h.next_step_due_at')}, 'ownerId', h.next_step_owner_id),
          'warmIntro', h.warm_intro, 'rejectionReason', h.rejection_reason, 'createdAt', ${iso('h.created_at')},
          'respondedAt', ${iso('h.responded_at')}, 'timeToAcceptMs', h.time_to_accept_ms))
        from h), '[]'),
      'timeline', coalesce((
        select json_agg(a.activity order by a.occurred_at desc, a.id desc) from (
          select occurred_at, id, json_build_object(
            'id', id, 'contactId', contact_id, 'dealId', deal_id, 'type', type, 'occurredAt', ${iso('occurred_at')},
            'subject', subject, 'body', body, 'source', source, 'details', details, 'actorId', actor_id,
            'createdAt', ${iso('created_at')}) as activity
          from activities where org_id = ${org} and contact_id = c.id
          -- NULLS LAST spelled out to match activities_timeline_idx (see activities-timeline.ts).
          order by occurred_at desc nulls last, id desc nulls last
          limit ${TIMELINE_DEFAULT_LIMIT + 1}) a), '[]'),
      'users', coalesce((
        select json_agg(json_build_object('id', u.id, 'name', u.name, 'email', u.email, 'role', u.role)) from users u
        where u.org_id = ${org} and u.id in (
          select c.owner_id union all select owner_id from d union all select next_step_owner_id from d
          union all select from_user_id from h union all select to_user_id from h)), '[]')
    )::text as brief
    from c`;
}

const briefByContactId = briefStatement('contactId');
export const briefByIdentity = briefStatement('identity');

/** The brief endpoint: by exactly one of email, LinkedIn URL or contact id. */
export async function briefFor(db: Db, caller: Caller, query: { email?: string | undefined; linkedin?: string | undefined; contactId?: string | undefined }): Promise<Brief> {
  const { email, linkedin, contactId } = query;
  const refusal = 'Ask for a brief by exactly one of email, linkedin or contactId';
  if ([email, linkedin, contactId].filter((value) => value !== undefined).length !== 1) throw badRequest(refusal);
  if (contactId !== undefined) return loadBrief(db, caller.orgId, { contactId });
  const [identity] = identityKeys(email === undefined ? undefined : [email], linkedin);
  if (!identity) throw badRequest(refusal);
  return loadBrief(db, caller.orgId, { identity });
}
