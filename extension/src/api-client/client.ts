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
import * as api from '@baton/shared/api';
import type { Endpoint, Me } from '@baton/shared/api';
import type { z } from 'zod';
import { errorFromResponse, invalidResponse, unreachable } from './errors.ts';

/** What `GET /v1/me` answers. */
export type MeResponse = Me;

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

/** The query of GET /v1/brief and GET /v1/contacts, as their contracts declare them (exactly one key; the API says which are missing). */
export type BriefQuery = api.BriefQuery;
export type ContactSearch = api.ContactSearchQuery;
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

  /** Calls an endpoint of shared/src/api and parses its answer with the endpoint's own schema. */
  async function call<E extends Endpoint>(
    endpoint: E,
    request: { params?: Record<string, string>; body?: unknown; query?: Query } = {},
  ): Promise<z.output<NonNullable<E['responses'][200]>['schema'] & z.ZodType>> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined && value !== false) search.set(key, value === true ? '1' : String(value));
    }
    const path = endpoint.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(request.params?.[name] ?? ''));
    const label = `${endpoint.method.toUpperCase()} ${endpoint.path}`;
    const url = `${base}${path}${search.size > 0 ? `?${search}` : ''}`;
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${options.token}` };
    const { body } = request;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(url, {
        method: endpoint.method.toUpperCase(),
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
    const schema = (endpoint.responses[response.status as 200 | 201] ?? endpoint.responses[200])?.schema;
    if (!schema) throw invalidResponse(label, response.status, 'the endpoint documents no JSON answer');
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw invalidResponse(label, response.status, parsed.error.issues);
    return parsed.data as never;
  }

  const id = (value: string) => ({ id: value });

  return {
    baseUrl: base,
    me: (): Promise<MeResponse> => call(api.getMe),
    users: async (role?: Role): Promise<UserSummary[]> => (await call(api.listUsers, { query: { role } })).users,

    resolveContact: (input: ResolveContactInput): Promise<ResolveContactResult> => call(api.resolveContact, { body: input }),
    getContact: async (contactId: string): Promise<Contact> => (await call(api.getContact, { params: id(contactId) })).contact,
    searchContacts: async (search: ContactSearch): Promise<Contact[]> => (await call(api.searchContacts, { query: search })).contacts,
    updateContact: async (contactId: string, patch: UpdateContactInput): Promise<Contact> =>
      (await call(api.updateContact, { params: id(contactId), body: patch })).contact,
    /** Folds `duplicateId` into `survivorId`. */
    mergeContacts: async (survivorId: string, duplicateId: string): Promise<Contact> =>
      (await call(api.mergeContact, { params: id(survivorId), body: { duplicateId } })).contact,
    /** Other contacts that look like the same person (same name at the same company). */
    duplicates: async (contactId: string): Promise<Contact[]> => (await call(api.listContactDuplicates, { params: id(contactId) })).contacts,

    batchActivities: (activities: ActivityInput[]): Promise<ActivityBatchResult> => call(api.logActivities, { body: { activities } }),
    timeline: (contactId: string, cursor?: string | null): Promise<TimelinePage> =>
      call(api.getTimeline, { params: id(contactId), query: { cursor: cursor ?? undefined } }),
    brief: (query: BriefQuery): Promise<Brief> => call(api.getBrief, { query }),

    createDeal: (input: CreateDealInput): Promise<Deal> => call(api.createDeal, { body: input }),
    getDeal: (dealId: string): Promise<Deal> => call(api.getDeal, { params: id(dealId) }),
    updateDeal: (dealId: string, input: UpdateDealInput): Promise<Deal> => call(api.updateDeal, { params: id(dealId), body: input }),
    listDeals: async (filter: DealFilter = {}): Promise<Deal[]> => (await call(api.listDeals, { query: { ...filter } })).deals,

    handoff: (dealId: string, input: HandoffInput): Promise<Handoff> => call(api.createHandoff, { params: id(dealId), body: input }),
    acceptHandoff: (handoffId: string): Promise<Handoff> => call(api.acceptHandoff, { params: id(handoffId), body: {} }),
    rejectHandoff: (handoffId: string, reason: string): Promise<Handoff> => call(api.rejectHandoff, { params: id(handoffId), body: { reason } }),
    listHandoffs: async (filter: HandoffFilter = {}): Promise<Handoff[]> => (await call(api.listHandoffs, { query: { ...filter } })).handoffs,

    notifications: async (filter: { unread?: boolean } = {}): Promise<Notification[]> =>
      (await call(api.listNotifications, { query: { unread: filter.unread } })).notifications,
    markRead: (notificationId: string): Promise<Notification> => call(api.readNotification, { params: id(notificationId), body: {} }),
    templates: async (): Promise<HandoffTemplate[]> => (await call(api.listTemplates)).templates,
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
