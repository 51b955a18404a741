import type { HandoffInput, Notification } from '@baton/shared';
import type { TestApi, TestOrg, TestUser } from '@baton/api/testing';
import type { FetchLike } from '../api-client/index.ts';

/* Test support only (imported by *.test.ts): a network in front of the in-process API, and seeding through HTTP. */

export interface StreamRequest {
  lastEventId: string | null;
}

/**
 * Routes requests to the in-process API. Streams can be cut like a dropped connection, and the
 * network taken offline: a reconnect then waits in `sleep` until it is back, as a real backoff
 * would, instead of spinning.
 */
export function testNetwork(api: TestApi) {
  const streams: StreamRequest[] = [];
  const cuts = new Set<() => void>();
  let offline = false;
  let refuseStreams = false;
  const waiting: (() => void)[] = [];
  const delays: number[] = [];

  const fetchImpl: FetchLike = async (input, init) => {
    const url = new URL(input);
    const isStream = url.pathname.endsWith('/notifications/stream');
    if (isStream) streams.push({ lastEventId: new Headers(init.headers).get('last-event-id') });
    if (offline || (isStream && refuseStreams)) throw new TypeError('Failed to fetch');
    const res = await api.app.request(input, init);
    if (!isStream || res.body === null) return res;
    const upstream = res.body.getReader();
    let cut = () => {};
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        cut = () => {
          cuts.delete(cut);
          controller.error(new TypeError('network connection was lost'));
          void upstream.cancel();
        };
        cuts.add(cut);
      },
      async pull(controller) {
        const { done, value } = await upstream.read();
        if (!cuts.has(cut)) return;
        if (done) {
          cuts.delete(cut);
          controller.close();
        } else controller.enqueue(value);
      },
      cancel(reason) {
        cuts.delete(cut);
        return upstream.cancel(reason);
      },
    });
    return new Response(body, { status: res.status, headers: res.headers });
  };

  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      delays.push(ms);
      if (!offline && !refuseStreams) return void setImmediate(resolve);
      waiting.push(resolve);
      signal.addEventListener('abort', () => resolve(), { once: true });
    });

  const release = () => {
    for (const resolve of waiting.splice(0)) resolve();
  };

  return {
    fetch: fetchImpl,
    sleep,
    streams,
    delays,
    /** Cuts every open stream, like Wi-Fi dropping. */
    cutStreams() {
      for (const cut of [...cuts]) cut();
    },
    setOffline(value: boolean) {
      offline = value;
      if (!value) release();
    },
    setRefuseStreams(value: boolean) {
      refuseStreams = value;
      if (!value) release();
    },
  };
}

export async function resolveContact(api: TestApi, user: TestUser, email: string, name: string, company: string): Promise<string> {
  const res = await api.request('POST', '/v1/contacts/resolve', { token: user.token, body: { emails: [email], name, company } });
  if (res.status !== 200 && res.status !== 201) throw new Error(`resolve answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { contact: { id: string } }).contact.id;
}

/** Creates a deal for the contact and hands it from `from` to `to` through the API, as the sidebar would. */
export async function handOffNewDeal(api: TestApi, from: TestUser, to: TestUser, contactId: string, title = 'Acme pilot'): Promise<{ dealId: string; handoffId: string }> {
  const created = await api.request('POST', '/v1/deals', { token: from.token, body: { contactId, title } });
  if (created.status !== 201) throw new Error(`creating a deal answered ${created.status}: ${await created.text()}`);
  const deal = (await created.json()) as { id: string; version: number };
  const input: HandoffInput = {
    kind: 'sdr_to_ae',
    toUserId: to.id,
    version: deal.version,
    trigger: 'Asked about handoffs after the webinar',
    discussed: 'Team size, current CRM, pilot scope',
    objections: 'None raised',
    qualification: { budget: '20k', authority: 'VP Sales', need: 'Context lost at handoff', timeline: 'This quarter' },
    nextStep: { what: 'Demo', dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString() },
    warmIntro: 'intro_email',
  };
  const res = await api.request('POST', `/v1/deals/${deal.id}/handoffs`, { token: from.token, body: input });
  if (res.status !== 201) throw new Error(`the handoff answered ${res.status}: ${await res.text()}`);
  return { dealId: deal.id, handoffId: ((await res.json()) as { id: string }).id };
}

export async function notificationsOf(api: TestApi, user: TestUser): Promise<Notification[]> {
  const res = await api.request('GET', '/v1/notifications?limit=500', { token: user.token });
  return ((await res.json()) as { notifications: Notification[] }).notifications;
}

export function signedIn(org: TestOrg, user: TestUser) {
  return { apiUrl: 'http://baton.test', token: user.token, user: { id: user.id, email: user.email, name: user.name, role: user.role, orgId: org.id } };
}
