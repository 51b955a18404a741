import type {
  ActivityBatchResult,
  ActivityInput,
  Brief,
  Contact,
  CreateDealInput,
  Deal,
  Handoff,
  HandoffInput,
  HandoffTemplate,
  Notification,
  ResolveContactInput,
  ResolveContactResult,
  Role,
  TimelinePage,
  UpdateContactInput,
  UpdateDealInput,
  UserSummary,
} from '@baton/shared';
import type { z } from 'zod';
import { errorFromResponse, invalidResponse, unreachable } from './errors.ts';
import { schemas, type MeResponse } from './responses.ts';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response> | Response;

export interface ApiClientOptions {
  /** e.g. `http://127.0.0.1:8787`; a trailing slash or `/v1` is tolerated. */
  baseUrl: string;
  token: string;
  /** Defaults to the global fetch; tests pass `(input, init) => api.app.request(input, init)`. */
  fetch?: FetchLike;
  /** A request without an answer after this long counts as unreachable. */
  timeoutMs?: number;
}

export type BriefQuery = { email: string } | { linkedin: string } | { contactId: string };
export type ContactSearch = { email: string } | { linkedin: string } | { q: string };
export interface DealFilter {
  owner?: 'me' | (string & {});
  stalled?: boolean;
  contactId?: string;
}
export interface HandoffFilter {
  to?: 'me' | (string & {});
  from?: 'me' | (string & {});
  status?: Handoff['status'];
  dealId?: string;
}

type Query = Record<string, string | number | boolean | undefined>;

export function normalizeBaseUrl(baseUrl: string): string {
  return baseUrl.trim().replace(/\/+$/, '').replace(/\/v1$/, '');
}

export function createApiClient(options: ApiClientOptions) {
  const base = normalizeBaseUrl(options.baseUrl);
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown, query?: Query): Promise<z.output<S>> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== false) search.set(key, value === true ? '1' : String(value));
    }
    const url = `${base}/v1${path}${search.size > 0 ? `?${search}` : ''}`;
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${options.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      throw unreachable(cause);
    }
    if (!response.ok) throw await errorFromResponse(response);
    let json: unknown;
    try {
      json = await response.json();
    } catch (cause) {
      // Connection cut mid-body looks like unreachable; a non-JSON 2xx (a proxy page) does not.
      if (cause instanceof SyntaxError) throw invalidResponse(path, response.status, cause.message);
      throw unreachable(cause);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw invalidResponse(`${method} ${path}`, response.status, parsed.error.issues);
    return parsed.data;
  }

  const id = (value: string) => encodeURIComponent(value);

  return {
    baseUrl: base,
    me: (): Promise<MeResponse> => call('GET', '/me', schemas.me),
    users: (role?: Role): Promise<UserSummary[]> => call('GET', '/users', schemas.users, undefined, { role }),

    resolveContact: (input: ResolveContactInput): Promise<ResolveContactResult> => call('POST', '/contacts/resolve', schemas.resolve, input),
    getContact: (contactId: string): Promise<Contact> => call('GET', `/contacts/${id(contactId)}`, schemas.contact),
    searchContacts: (search: ContactSearch): Promise<Contact[]> => call('GET', '/contacts', schemas.contacts, undefined, search),
    updateContact: (contactId: string, patch: UpdateContactInput): Promise<Contact> =>
      call('PATCH', `/contacts/${id(contactId)}`, schemas.contact, patch),
    /** Folds `duplicateId` into `survivorId`. */
    mergeContacts: (survivorId: string, duplicateId: string): Promise<Contact> =>
      call('POST', `/contacts/${id(survivorId)}/merge`, schemas.contact, { duplicateId }),
    /** Other contacts that look like the same person (same name at the same company). */
    duplicates: (contactId: string): Promise<Contact[]> => call('GET', `/contacts/${id(contactId)}/duplicates`, schemas.contacts),

    batchActivities: (activities: ActivityInput[]): Promise<ActivityBatchResult> =>
      call('POST', '/activities/batch', schemas.batch, { activities }),
    timeline: (contactId: string, cursor?: string | null): Promise<TimelinePage> =>
      call('GET', `/contacts/${id(contactId)}/timeline`, schemas.timeline, undefined, { cursor: cursor ?? undefined }),
    brief: (query: BriefQuery): Promise<Brief> => call('GET', '/brief', schemas.brief, undefined, query),

    createDeal: (input: CreateDealInput): Promise<Deal> => call('POST', '/deals', schemas.deal, input),
    getDeal: (dealId: string): Promise<Deal> => call('GET', `/deals/${id(dealId)}`, schemas.deal),
    updateDeal: (dealId: string, input: UpdateDealInput): Promise<Deal> => call('PATCH', `/deals/${id(dealId)}`, schemas.deal, input),
    listDeals: (filter: DealFilter = {}): Promise<Deal[]> => call('GET', '/deals', schemas.deals, undefined, { ...filter }),

    handoff: (dealId: string, input: HandoffInput): Promise<Handoff> =>
      call('POST', `/deals/${id(dealId)}/handoffs`, schemas.handoff, input),
    acceptHandoff: (handoffId: string): Promise<Handoff> => call('POST', `/handoffs/${id(handoffId)}/accept`, schemas.handoff, {}),
    rejectHandoff: (handoffId: string, reason: string): Promise<Handoff> =>
      call('POST', `/handoffs/${id(handoffId)}/reject`, schemas.handoff, { reason }),
    listHandoffs: (filter: HandoffFilter = {}): Promise<Handoff[]> => call('GET', '/handoffs', schemas.handoffs, undefined, { ...filter }),

    notifications: (filter: { unread?: boolean } = {}): Promise<Notification[]> =>
      call('GET', '/notifications', schemas.notifications, undefined, { unread: filter.unread }),
    markRead: (notificationId: string): Promise<Notification> =>
      call('POST', `/notifications/${id(notificationId)}/read`, schemas.notification, {}),
    templates: (): Promise<HandoffTemplate[]> => call('GET', '/handoff-templates', schemas.templates),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
