import { ActivityInput, canonicalLinkedinUrl, linkedinSlug, normalizeEmail, type ActivityDetails, type ActivitySource, type Party } from '@baton/shared';
import { actor, newOp, queued, type LocalContext } from './context.ts';
import { addContact, resolveContactId } from './contacts.ts';
import { ThreadInput, type ThreadMessage } from './thread.ts';
import type { LocalActivity, LocalContact } from './types.ts';
import { gmailActivityId, uuidv4, uuidv5 } from './uuid.ts';

/** Messages per local transaction while logging a thread: progress moves, each chunk is atomic. */
const THREAD_CHUNK = 10;

export interface LogProgress {
  done: number;
  total: number;
}

export interface LogThreadResult {
  /** Messages newly stored on this device (and queued for the API). */
  logged: number;
  /** Messages this device had already logged. */
  alreadyLogged: number;
  total: number;
  activityIds: string[];
}

function toLocal(ctx: LocalContext, input: ActivityInput): LocalActivity {
  return {
    id: input.id,
    contactId: input.contactId,
    dealId: input.dealId ?? null,
    type: input.type,
    occurredAt: input.occurredAt,
    subject: input.subject ?? null,
    body: input.body ?? null,
    source: input.source ?? null,
    details: input.details ?? null,
    actorId: actor(ctx),
    createdAt: ctx.now().toISOString(),
    synced: false,
  };
}

/** Stores activities and their outbox ops together; ids already stored are skipped. Returns the new ids. */
async function writeActivities(ctx: LocalContext, inputs: ActivityInput[]): Promise<string[]> {
  const { db } = ctx;
  return db.transaction('rw', db.activities, db.outbox, async () => {
    const existing = await db.activities.bulkGet(inputs.map((input) => input.id));
    const fresh = inputs.filter((_, index) => existing[index] === undefined);
    await db.activities.bulkAdd(fresh.map((input) => toLocal(ctx, input)));
    await db.outbox.bulkAdd(fresh.map((input) => newOp(ctx, 'activity', input.id, input)));
    return fresh.map((input) => input.id);
  });
}

const party = (person: { name: string | null; email: string }): Party => ({
  name: person.name,
  email: normalizeEmail(person.email) ?? person.email,
});

/** When the message was sent, or — when Gmail's date could not be read — now, flagged as such. */
function occurredAt(ctx: LocalContext, date: string | null): { at: string; fromLogging: boolean } {
  // Gmail's own time has no offset: it is the reader's wall clock, which `Date` reads as local time.
  // The string is the reader's own ISO form, never Gmail's text.
  const parsed = date === null ? Number.NaN : new Date(date).getTime();
  return Number.isNaN(parsed) ? { at: ctx.now().toISOString(), fromLogging: true } : { at: new Date(parsed).toISOString(), fromLogging: false };
}

async function emailActivity(ctx: LocalContext, thread: ThreadInput, message: ThreadMessage, target: { contactId: string; dealId?: string | null | undefined }): Promise<ActivityInput> {
  const details: ActivityDetails = { to: message.to.map(party), cc: message.cc.map(party) };
  if (message.from) details.from = party(message.from);
  const time = occurredAt(ctx, message.date);
  if (time.fromLogging) details.timeFromLogging = true;
  const source: ActivitySource = { gmailThreadId: thread.threadId, gmailMessageId: message.messageId };
  return ActivityInput.parse({
    id: await gmailActivityId(message.messageId),
    contactId: target.contactId,
    dealId: target.dealId ?? null,
    type: 'email',
    occurredAt: time.at,
    subject: thread.subject?.slice(0, 1000) ?? null,
    body: message.bodyText?.slice(0, 100_000) ?? null,
    source,
    details,
  });
}

/**
 * Logs every message of a Gmail thread as an email activity. Ids are derived from the Gmail
 * message id, so logging again (here or on another machine) stores nothing twice.
 */
export async function logThread(
  ctx: LocalContext,
  threadInput: ThreadInput,
  target: { contactId: string; dealId?: string | null },
  onProgress?: (progress: LogProgress) => void,
): Promise<LogThreadResult> {
  const thread = ThreadInput.parse(threadInput);
  const contactId = await resolveContactId(ctx.db, target.contactId);
  // Ids are computed before any transaction: IndexedDB transactions end on a foreign await.
  const inputs = await Promise.all(thread.messages.map((message) => emailActivity(ctx, thread, message, { contactId, dealId: target.dealId })));
  const total = inputs.length;
  const activityIds: string[] = [];
  let logged = 0;
  onProgress?.({ done: 0, total });
  for (let start = 0; start < total; start += THREAD_CHUNK) {
    const chunk = inputs.slice(start, start + THREAD_CHUNK);
    logged += (await writeActivities(ctx, chunk)).length;
    activityIds.push(...chunk.map((input) => input.id));
    onProgress?.({ done: Math.min(start + THREAD_CHUNK, total), total });
  }
  const key = `thread:${thread.threadId}` as const;
  await ctx.db.transaction('rw', ctx.db.meta, async () => {
    const previous = (await ctx.db.meta.get(key))?.value as string[] | undefined;
    await ctx.db.meta.put({ key, value: [...new Set([...(previous ?? []), ...thread.messages.map((message) => message.messageId)])] });
  });
  if (logged > 0) queued(ctx);
  return { logged, alreadyLogged: total - logged, total, activityIds };
}

/** Messages of a thread this device has not logged yet (e.g. replies that arrived after logging). */
export async function unloggedMessages(ctx: LocalContext, threadInput: ThreadInput): Promise<ThreadMessage[]> {
  const thread = ThreadInput.parse(threadInput);
  const ids = await Promise.all(thread.messages.map((message) => gmailActivityId(message.messageId)));
  const stored = await ctx.db.activities.bulkGet(ids);
  const noted = new Set(((await ctx.db.meta.get(`thread:${thread.threadId}`))?.value as string[] | undefined) ?? []);
  return thread.messages.filter((message, index) => stored[index] === undefined && !noted.has(message.messageId));
}

/** Whether this device has logged any message of the thread (so later ones are offered). */
export async function isThreadLogged(ctx: LocalContext, threadId: string): Promise<boolean> {
  return (await ctx.db.meta.get(`thread:${threadId}`)) !== undefined;
}

async function addOne(ctx: LocalContext, input: Omit<ActivityInput, 'id' | 'occurredAt'> & { id?: string; occurredAt?: string }): Promise<LocalActivity> {
  const contactId = await resolveContactId(ctx.db, input.contactId);
  const parsed = ActivityInput.parse({ ...input, contactId, id: input.id ?? uuidv4(), occurredAt: input.occurredAt ?? ctx.now().toISOString() });
  await writeActivities(ctx, [parsed]);
  queued(ctx);
  const stored = await ctx.db.activities.get(parsed.id);
  if (stored === undefined) throw new Error(`activity ${parsed.id} vanished right after it was written`);
  return stored;
}

export interface NoteOptions {
  dealId?: string | null;
  source?: ActivitySource | null;
}

export function addNote(ctx: LocalContext, contactId: string, text: string, options: NoteOptions = {}): Promise<LocalActivity> {
  if (text.trim() === '') throw new Error('a note needs some text');
  return addOne(ctx, { contactId, dealId: options.dealId ?? null, type: 'note', body: text, source: options.source ?? null });
}

/** A note written from a LinkedIn profile, tied to it. */
export function addLinkedinNote(ctx: LocalContext, contactId: string, text: string, options: { profileUrl: string; dealId?: string | null }): Promise<LocalActivity> {
  const linkedinUrl = canonicalLinkedinUrl(options.profileUrl);
  return addNote(ctx, contactId, text, { dealId: options.dealId ?? null, source: linkedinUrl ? { linkedinUrl } : null });
}

export interface CallInput {
  summary: string;
  durationMinutes: number;
  outcome: string;
  dealId?: string | null;
  occurredAt?: string;
}

export function logCall(ctx: LocalContext, contactId: string, call: CallInput): Promise<LocalActivity> {
  return addOne(ctx, {
    contactId,
    dealId: call.dealId ?? null,
    type: 'call',
    subject: call.summary,
    details: { durationMinutes: call.durationMinutes, outcome: call.outcome },
    ...(call.occurredAt ? { occurredAt: call.occurredAt } : {}),
  });
}

export interface LinkedinMessageInput {
  body: string;
  /** LinkedIn's own id for the message, when the page shows one: makes logging idempotent. */
  messageId?: string;
  profileUrl?: string;
  occurredAt?: string;
  dealId?: string | null;
}

export async function logLinkedinMessage(ctx: LocalContext, contactId: string, message: LinkedinMessageInput): Promise<LocalActivity> {
  const url = message.profileUrl ? canonicalLinkedinUrl(message.profileUrl) : null;
  return addOne(ctx, {
    ...(message.messageId ? { id: await uuidv5(`linkedin-message:${message.messageId}`) } : {}),
    contactId,
    dealId: message.dealId ?? null,
    type: 'linkedin_message',
    body: message.body,
    source: url ? { linkedinUrl: url } : null,
    ...(message.occurredAt ? { occurredAt: message.occurredAt } : {}),
  });
}

export interface CapturedProfile {
  profileUrl: string;
  name: string;
  headline: string | null;
  company: string | null;
  title: string | null;
  location: string | null;
  photoUrl: string | null;
}

const sameSnapshot = (a: CapturedProfile, b: NonNullable<NonNullable<LocalActivity['details']>['profile']>) =>
  a.name === b.name && a.headline === b.headline && a.company === b.company && a.title === b.title && a.location === b.location;

/**
 * Finds or creates the contact of a LinkedIn profile and records what the profile said, so role
 * and company changes show in the timeline. An unchanged profile adds no new activity.
 */
export async function captureLinkedinProfile(ctx: LocalContext, profile: CapturedProfile): Promise<{ contact: LocalContact; activity: LocalActivity | null }> {
  const url = canonicalLinkedinUrl(profile.profileUrl);
  const slug = linkedinSlug(profile.profileUrl);
  if (url === null || slug === null) throw new Error(`not a LinkedIn profile URL: ${profile.profileUrl}`);
  const contact = await addContact(
    ctx,
    { linkedinUrl: url, name: profile.name, title: profile.title, company: profile.company, location: profile.location, photoUrl: profile.photoUrl },
    { fromLinkedinCapture: true },
  );
  const previous = (await ctx.db.activities.where('[contactId+occurredAt]').between([contact.id, ''], [contact.id, '\uffff']).reverse().toArray()).find(
    (activity) => activity.type === 'linkedin_profile',
  );
  if (previous?.details?.profile && sameSnapshot(profile, previous.details.profile)) return { contact, activity: null };
  const capturedAt = ctx.now().toISOString();
  const activity = await addOne(ctx, {
    contactId: contact.id,
    type: 'linkedin_profile',
    subject: profile.headline ?? profile.name,
    source: { linkedinUrl: url },
    details: {
      profile: {
        name: profile.name,
        headline: profile.headline,
        company: profile.company,
        title: profile.title,
        location: profile.location,
        photoUrl: profile.photoUrl,
        capturedAt,
      },
    },
    occurredAt: capturedAt,
  });
  return { contact, activity };
}
