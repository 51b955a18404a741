import { serverOnlyActivityTypes } from '@baton/shared';
import { openDatabase } from '../../api/src/db/client.ts';
import { activities, auditLog, contacts, deals, handoffs, notifications } from '../../api/src/db/schema.ts';
import type { BatonDb, OutboxOp } from '../../extension/src/local/index.ts';
import type { Storage } from './api-process.ts';

/*
 * After the dust settled: the server's records (read from its database once the API stopped)
 * against the device's, keyed by the client-generated id. Every difference is a finding.
 */

export interface Verdict {
  problems: string[];
  /** Records compared (contacts, deals, client-written activities, handoffs, on both sides). */
  checked: number;
  /** Writes the API refused on purpose; each one was checked to have left nothing behind. */
  refused: string[];
}

const serverOnly: readonly string[] = serverOnlyActivityTypes;
const short = (id: string) => id.slice(0, 8);

function countBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

export async function verify(storage: Storage, orgId: string, db: BatonDb): Promise<Verdict> {
  const problems: string[] = [];
  const server = await openDatabase({ databaseUrl: storage.databaseUrl, dataDir: storage.dataDir, poolSize: 1 });
  const ofOrg = <T extends { orgId: string }>(rows: T[]) => rows.filter((row) => row.orgId === orgId);
  let remote;
  try {
    remote = {
      contacts: ofOrg(await server.db.select().from(contacts)),
      deals: ofOrg(await server.db.select().from(deals)),
      activities: ofOrg(await server.db.select().from(activities)),
      handoffs: ofOrg(await server.db.select().from(handoffs)),
      audit: ofOrg(await server.db.select().from(auditLog)),
      notifications: ofOrg(await server.db.select().from(notifications)),
    };
  } finally {
    await server.close();
  }
  const local = {
    contacts: await db.contacts.toArray(),
    deals: await db.deals.toArray(),
    activities: await db.activities.toArray(),
    handoffs: await db.handoffs.toArray(),
    outbox: await db.outbox.toArray(),
  };

  // Refused writes are accounted for: reported, and their record must not exist on the server.
  const refusedOps = local.outbox.filter((op) => op.state === 'failed');
  const refusedIds = new Set(refusedOps.filter((op) => op.kind !== 'updateDeal').map((op) => op.entityId));
  const refusedDeals = new Set(refusedOps.flatMap((op) => (op.kind === 'updateDeal' ? [op.payload.dealId] : [])));
  const refused = refusedOps.map((op: OutboxOp) => `${op.kind} ${short(op.entityId)}: ${op.lastError ?? 'refused'}`);
  for (const op of local.outbox.filter((o) => o.state === 'pending')) problems.push(`outbox: ${op.kind} ${short(op.entityId)} still pending after the dust settled (${op.lastError ?? 'never answered'})`);

  function sameSet(kind: string, clientIds: string[], serverIds: string[], label: (id: string) => string = () => ''): void {
    const server = new Set(serverIds);
    const client = new Set(clientIds);
    for (const id of client) {
      if (refusedIds.has(id)) {
        if (server.has(id)) problems.push(`refused but stored: ${kind} ${id}${label(id)} was refused to the client yet exists on the server`);
      } else if (!server.has(id)) problems.push(`lost: ${kind} ${id}${label(id)} is on the device but not on the server`);
    }
    for (const id of server) if (!client.has(id)) problems.push(`duplicated: the server has ${kind} ${id}${label(id)} that the device never wrote`);
    for (const [id, n] of countBy(serverIds, (x) => x)) if (n > 1) problems.push(`duplicated: ${kind} ${id} is stored ${n} times`);
  }
  const unsynced = (kind: string, rows: { id: string; synced: boolean }[]) => {
    for (const row of rows) if (!row.synced && !refusedIds.has(row.id) && !refusedDeals.has(row.id)) problems.push(`device: ${kind} ${short(row.id)} still marked unsynced`);
  };

  // Contacts: one each, each created exactly once in the audit trail.
  sameSet('contact', local.contacts.map((c) => c.id), remote.contacts.map((c) => c.id));
  unsynced('contact', local.contacts);
  const contactCreates = countBy(remote.audit.filter((a) => a.action === 'contact.create'), (a) => a.entityId);
  for (const contact of remote.contacts) {
    const n = contactCreates.get(contact.id) ?? 0;
    if (n !== 1) problems.push(`audit: contact ${contact.id} has ${n} contact.create entries (expected 1)`);
  }

  // Deals: same ids and the client's own fields; one create entry; one audit entry per version step.
  sameSet('deal', local.deals.map((d) => d.id), remote.deals.map((d) => d.id));
  unsynced('deal', local.deals);
  const dealEntries = remote.audit.filter((a) => a.entityType === 'deal');
  const dealCreates = countBy(dealEntries.filter((a) => a.action === 'deal.create'), (a) => a.entityId);
  const dealChanges = countBy(dealEntries.filter((a) => a.action !== 'deal.create'), (a) => a.entityId);
  const stageEntries = countBy(dealEntries.filter((a) => a.action === 'deal.stage_change'), (a) => a.entityId);
  const stageActivities = countBy(remote.activities.filter((a) => a.type === 'stage_change'), (a) => a.dealId);
  for (const deal of remote.deals) {
    if ((dealCreates.get(deal.id) ?? 0) !== 1) problems.push(`audit: deal ${deal.id} has ${dealCreates.get(deal.id) ?? 0} deal.create entries (expected 1)`);
    if ((dealChanges.get(deal.id) ?? 0) !== deal.version - 1) {
      problems.push(`audit: deal ${deal.id} is at version ${deal.version} but has ${dealChanges.get(deal.id) ?? 0} change entries (expected ${deal.version - 1})`);
    }
    if ((stageEntries.get(deal.id) ?? 0) !== (stageActivities.get(deal.id) ?? 0)) {
      problems.push(`audit: deal ${deal.id} has ${stageEntries.get(deal.id) ?? 0} stage changes in the audit trail but ${stageActivities.get(deal.id) ?? 0} in its timeline`);
    }
    const mine = local.deals.find((d) => d.id === deal.id);
    if (mine && !refusedDeals.has(deal.id) && (mine.title !== deal.title || mine.stage !== deal.stage || mine.contactId !== deal.contactId)) {
      problems.push(`mismatch: deal ${deal.id} is "${mine.title}"/${mine.stage} on the device but "${deal.title}"/${deal.stage} on the server`);
    }
  }

  // Activities the client writes: same ids, same content; each Gmail message once.
  const clientWritten = remote.activities.filter((a) => !serverOnly.includes(a.type));
  const typeOf = new Map([...local.activities, ...clientWritten].map((a) => [a.id, a.type]));
  sameSet('activity', local.activities.map((a) => a.id), clientWritten.map((a) => a.id), (id) => ` (${typeOf.get(id) ?? '?'})`);
  unsynced('activity', local.activities);
  for (const activity of clientWritten) {
    const mine = local.activities.find((a) => a.id === activity.id);
    if (mine && (mine.contactId !== activity.contactId || (mine.dealId ?? null) !== activity.dealId || mine.type !== activity.type || (mine.body ?? null) !== activity.body)) {
      problems.push(`mismatch: activity ${activity.id} (${activity.type}) differs between the device and the server`);
    }
  }
  for (const [messageId, n] of countBy(clientWritten, (a) => a.source?.gmailMessageId ?? null)) {
    if (n > 1) problems.push(`duplicated: Gmail message ${messageId} is stored ${n} times`);
  }
  const batchEntries = remote.audit.filter((a) => a.action === 'activities.batch');
  const audited = new Map<string, number>();
  for (const entry of batchEntries) audited.set(entry.entityId, (audited.get(entry.entityId) ?? 0) + ((entry.after as { created?: number } | null)?.created ?? 0));
  for (const [contactId, n] of countBy(clientWritten, (a) => a.contactId)) {
    if ((audited.get(contactId) ?? 0) !== n) problems.push(`audit: contact ${contactId} has ${n} activities but the audit trail records ${audited.get(contactId) ?? 0} created`);
  }

  // Handoffs: same ids; each with its audit entries, its notification and its timeline entries.
  sameSet('handoff', local.handoffs.map((h) => h.id), remote.handoffs.map((h) => h.id));
  unsynced('handoff', local.handoffs);
  const handoffCreates = countBy(remote.audit.filter((a) => a.action === 'handoff.create'), (a) => a.entityId);
  const received = countBy(remote.notifications.filter((n) => n.type === 'handoff_received'), (n) => n.handoffId);
  for (const handoff of remote.handoffs) {
    if ((handoffCreates.get(handoff.id) ?? 0) !== 1) problems.push(`audit: handoff ${handoff.id} has ${handoffCreates.get(handoff.id) ?? 0} handoff.create entries (expected 1)`);
    if ((received.get(handoff.id) ?? 0) !== 1) problems.push(`notification: handoff ${handoff.id} notified its recipient ${received.get(handoff.id) ?? 0} times (expected 1)`);
  }
  const handoffsPerDeal = countBy(remote.handoffs, (h) => h.dealId);
  const dealHandoffEntries = countBy(dealEntries.filter((a) => a.action === 'deal.handoff'), (a) => a.entityId);
  const handoffActivities = countBy(remote.activities.filter((a) => a.type === 'handoff'), (a) => a.dealId);
  const ownerChanges = countBy(remote.activities.filter((a) => a.type === 'owner_change'), (a) => a.dealId);
  for (const deal of remote.deals) {
    const n = handoffsPerDeal.get(deal.id) ?? 0;
    for (const [what, counts] of [
      ['deal.handoff audit entries', dealHandoffEntries],
      ['handoff timeline entries', handoffActivities],
      ['owner_change timeline entries', ownerChanges],
    ] as const) {
      if ((counts.get(deal.id) ?? 0) !== n) problems.push(`audit: deal ${deal.id} has ${n} handoffs but ${counts.get(deal.id) ?? 0} ${what}`);
    }
  }

  const checked = local.contacts.length + remote.contacts.length + local.deals.length + remote.deals.length + local.activities.length + clientWritten.length + local.handoffs.length + remote.handoffs.length;
  return { problems, checked, refused };
}
