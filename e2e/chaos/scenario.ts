import type { HandoffInput } from '@baton/shared';
import { createApiClient } from '../../extension/src/api-client/index.ts';
import {
  addContact,
  addNote,
  createDeal,
  createSyncEngine,
  logCall,
  logThread,
  openBatonDb,
  submitHandoff,
  updateDeal,
  uuidv4,
  type BatonDb,
  type LocalContext,
  type SyncEngine,
  type ThreadInput,
} from '../../extension/src/local/index.ts';
import { dealStages } from '@baton/shared';
import { ChaosNetwork, Worker } from './network.ts';
import type { Rng } from './prng.ts';

/*
 * One seed's story: a rep captures contacts, emails (the same Gmail message more than once),
 * notes, calls, deals, deal changes and handoffs on one device while the network, the API
 * process and the service worker fail under them. Every decision comes from the seed.
 */

/** How long a stopped worker may stay down before Chrome wakes a new one (an alarm, a page). */
const WORKER_DOWN_MS = 60_000;

export interface ScenarioOptions {
  seed: number;
  rng: Rng;
  network: ChaosNetwork;
  apiUrl: string;
  sdr: { id: string; token: string };
  ae: { id: string };
  /** A deliberately broken client: retried activities go out under a fresh id. */
  breakIdempotency: boolean;
}

export interface ScenarioResult {
  db: BatonDb;
  captures: Record<string, number>;
  workerRestarts: number;
  /** Ops still queued after the dust settled and several forced drains. */
  stuck: number;
}

const captureWeights = {
  contact: 4,
  contactAgain: 1,
  thread: 4,
  threadAgain: 2,
  note: 3,
  call: 2,
  deal: 2,
  dealUpdate: 3,
  handoff: 1.5,
  drain: 9,
  offline: 1,
  clock: 1,
} as const;
type Step = keyof typeof captureWeights;

export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const { rng, network, seed } = options;
  const dbName = `chaos-${seed}-${uuidv4()}`;
  let at = Date.now() - 20 * 86_400_000;
  const now = () => new Date(at);
  const advance = (ms: number) => {
    at += ms;
  };
  const engineRandom = rng.fork('backoff');

  let db = openBatonDb(dbName);
  const ctx = (): LocalContext => ({ db, now, userId: () => options.sdr.id });
  let generation = 0;
  let worker = new Worker(generation);
  let engine = startEngine();
  let workerRestarts = 0;

  function startEngine(): SyncEngine {
    const client = createApiClient({ baseUrl: options.apiUrl, token: options.sdr.token, fetch: network.fetchFor(worker), timeoutMs: 20_000 });
    return createSyncEngine({ db, client: () => client, now, random: engineRandom.next, batchSize: rng.int(1, 4) });
  }

  /** A stopped service worker comes back as a new one: a new database connection, a new engine. */
  function restartWorker(): void {
    workerRestarts += 1;
    db.close();
    db = openBatonDb(dbName);
    generation += 1;
    worker = new Worker(generation);
    engine = startEngine();
    // The dead worker's drain never resumes (its fetches hang, its connection is closed), so the
    // new one starts at once; sometimes it is woken only after a while.
    if (rng.chance(0.5)) advance(WORKER_DOWN_MS + 1);
  }

  async function drain(force: boolean): Promise<void> {
    if (options.breakIdempotency) await mintIdsForRetries(db);
    const outcome = await Promise.race([engine.drain({ force }), worker.died]);
    if (outcome === 'died') restartWorker();
  }

  const captures: Record<string, number> = {};
  const people: { id: string; email: string }[] = [];
  const threads: { thread: ThreadInput; contactId: string; dealId: string | null }[] = [];
  const handedOff = new Set<string>();
  let counter = 0;
  const nextNumber = () => (counter += 1);

  const someone = () => (people.length === 0 ? null : rng.pick(people));
  // Kept in creation order here: Dexie lists by (random) id, which would make picks differ between replays.
  const deals: { id: string; contactId: string }[] = [];
  const someDealOf = (contactId: string): string | null => {
    const ofContact = deals.filter((deal) => deal.contactId === contactId);
    return ofContact.length > 0 && rng.chance(0.5) ? rng.pick(ofContact).id : null;
  };
  const openDeal = (): string | null => {
    const open = deals.filter((deal) => !handedOff.has(deal.id));
    return open.length === 0 ? null : rng.pick(open).id;
  };
  const message = (sender: { email: string }, date: Date) => ({
    messageId: `${seed}${String(nextNumber()).padStart(6, '0')}`,
    from: { name: null, email: sender.email },
    to: [{ name: 'Sam Rivera', email: 'sam.sdr@demo.baton.test' }],
    cc: [],
    date: date.toISOString(),
    bodyText: `Chaos ${seed} message ${counter}`,
    collapsed: false,
  });

  const steps = rng.int(50, 80);
  for (let index = 0; index < steps; index += 1) {
    const step = rng.weighted<Step>(captureWeights);
    const person = someone();
    advance(rng.int(1_000, 30_000));
    switch (step) {
      case 'contact': {
        const n = nextNumber();
        const email = `prospect${n}@chaos${seed}.example`;
        const contact = await addContact(ctx(), { emails: [email], name: `Prospect ${n}`, company: `Chaos ${seed}` });
        people.push({ id: contact.id, email });
        break;
      }
      case 'contactAgain':
        // The same person met again, spelled differently: one contact, enriched.
        if (person) await addContact(ctx(), { emails: [person.email.toUpperCase()], title: `Title ${nextNumber()}` });
        break;
      case 'thread':
        if (person) {
          const dealId = someDealOf(person.id);
          const thread: ThreadInput = {
            threadId: `thread-${seed}-${nextNumber()}`,
            subject: `Pilot ${counter}`,
            messages: Array.from({ length: rng.int(1, 4) }, (_, i) => message(person, new Date(at - (4 - i) * 60_000))),
          };
          threads.push({ thread, contactId: person.id, dealId });
          await logThread(ctx(), thread, { contactId: person.id, dealId });
        }
        break;
      case 'threadAgain':
        // The same Gmail messages logged again, sometimes with a reply that arrived since.
        if (threads.length > 0) {
          const logged = rng.pick(threads);
          if (rng.chance(0.5)) {
            const sender = people.find((p) => p.id === logged.contactId);
            if (sender) logged.thread = { ...logged.thread, messages: [...logged.thread.messages, message(sender, now())] };
          }
          await logThread(ctx(), logged.thread, { contactId: logged.contactId, dealId: logged.dealId });
        }
        break;
      case 'note':
        if (person) await addNote(ctx(), person.id, `Note ${nextNumber()} for seed ${seed}`, { dealId: someDealOf(person.id) });
        break;
      case 'call':
        if (person) await logCall(ctx(), person.id, { summary: `Call ${nextNumber()}`, durationMinutes: rng.int(5, 60), outcome: 'connected', dealId: someDealOf(person.id) });
        break;
      case 'deal':
        if (person) deals.push({ id: (await createDeal(ctx(), { contactId: person.id, title: `Deal ${nextNumber()}` })).id, contactId: person.id });
        break;
      case 'dealUpdate': {
        const dealId = openDeal();
        if (dealId) await updateDeal(ctx(), dealId, rng.chance(0.5) ? { stage: rng.pick(dealStages) } : { title: `Deal renamed ${nextNumber()}` });
        break;
      }
      case 'handoff': {
        const dealId = openDeal();
        const deal = dealId ? await db.deals.get(dealId) : undefined;
        if (deal) {
          handedOff.add(deal.id);
          await submitHandoff(ctx(), deal.id, handoffInput(options.ae.id, deal.version, counter));
        }
        break;
      }
      case 'drain':
        await drain(rng.chance(0.7));
        break;
      case 'offline':
        network.goOffline(rng.int(1, 6));
        break;
      case 'clock':
        // An alarm fires later: backoff waits run out.
        advance(rng.int(1_000, 6 * 60_000));
        break;
    }
    if (step !== 'drain') captures[step] = (captures[step] ?? 0) + 1;
  }

  // The dust settles: a healthy network, the API up, drains until nothing is due.
  await network.settle();
  for (let round = 0; round < 30 && (await db.outbox.where('state').equals('pending').count()) > 0; round += 1) {
    advance(6 * 60_000);
    await drain(true);
  }
  const stuck = await db.outbox.where('state').equals('pending').count();
  return { db, captures, workerRestarts, stuck };
}

function handoffInput(aeId: string, version: number, n: number): HandoffInput {
  return {
    id: uuidv4(),
    kind: 'sdr_to_ae',
    toUserId: aeId,
    version,
    trigger: `Asked for pricing (${n})`,
    discussed: 'Pilot scope and SSO',
    objections: 'None raised',
    qualification: { budget: '40k', authority: 'CTO signs', need: 'SSO', timeline: 'Q3' },
    nextStep: { what: 'Demo with the AE', dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    warmIntro: 'intro_email',
  };
}

/**
 * The bug this harness must catch: a client that mints a new id when it retries an activity,
 * instead of keeping the one it stored. Locally the record is renamed too, so the device looks
 * consistent; only the server can tell that the first attempt already landed.
 */
async function mintIdsForRetries(db: BatonDb): Promise<void> {
  await db.transaction('rw', db.activities, db.outbox, async () => {
    const retries = await db.outbox.filter((op) => op.kind === 'activity' && op.state === 'pending' && op.attempts > 0).toArray();
    for (const op of retries) {
      if (op.kind !== 'activity' || op.seq === undefined) continue;
      const fresh = uuidv4();
      const local = await db.activities.get(op.payload.id);
      if (local) {
        await db.activities.delete(local.id);
        await db.activities.add({ ...local, id: fresh });
      }
      await db.outbox.update(op.seq, { entityId: fresh, payload: { ...op.payload, id: fresh } });
    }
  });
}
