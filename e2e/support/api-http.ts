import { randomUUID } from 'node:crypto';
import {
  Activity,
  ApiErrorBody,
  Brief,
  Contact,
  Deal,
  Handoff,
  ResolveContactResult,
  TimelinePage,
  type ActivityInput,
  type CreateDealInput,
  type HandoffInput,
  type ResolveContactInput,
  type UpdateDealInput,
} from '@baton/shared';
import { z } from 'zod';

/*
 * What a test sets up and checks through the API, with every answer parsed by the shared schemas:
 * assertions then read typed values, and a drift between the API and its contract fails loudly.
 */

export class ApiRequestError extends Error {
  override name = 'ApiRequestError';
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body)}`);
  }
}

const Me = z.object({
  user: z.object({ id: z.uuid(), orgId: z.uuid(), email: z.string(), name: z.string(), role: z.string() }),
});

export function apiHttp(baseUrl: string, token: string) {
  async function call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
    const response = await fetch(`${baseUrl}/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const json: unknown = await response.json();
    if (!response.ok) throw new ApiRequestError(response.status, ApiErrorBody.safeParse(json).data ?? json, `${method} ${path}`);
    return schema.parse(json);
  }

  const api = {
    me: () => call('GET', '/me', Me),
    resolveContact: (input: ResolveContactInput) => call('POST', '/contacts/resolve', ResolveContactResult, input),
    contactsByEmail: async (email: string) =>
      (await call('GET', `/contacts?email=${encodeURIComponent(email)}`, z.object({ contacts: z.array(Contact) }))).contacts,
    createDeal: (input: CreateDealInput) => call('POST', '/deals', Deal, input),
    listDeals: async () => (await call('GET', '/deals', z.object({ deals: z.array(Deal) }))).deals,
    updateDeal: (id: string, input: UpdateDealInput) => call('PATCH', `/deals/${id}`, Deal, input),
    handoff: (dealId: string, input: HandoffInput) => call('POST', `/deals/${dealId}/handoffs`, Handoff, input),
    logActivities: (activities: ActivityInput[]) =>
      call('POST', '/activities/batch', z.object({ results: z.array(z.object({ id: z.string(), status: z.string() })) }), {
        activities,
      }),
    brief: (email: string) => call('GET', `/brief?email=${encodeURIComponent(email)}`, Brief),
    /** Every activity of a contact, newest first, following the cursor to the end. */
    async timeline(contactId: string): Promise<Activity[]> {
      const all: Activity[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor === null ? '' : `?cursor=${encodeURIComponent(cursor)}`;
        const page: TimelinePage = await call('GET', `/contacts/${contactId}/timeline${query}`, TimelinePage);
        all.push(...page.activities);
        cursor = page.nextCursor;
      } while (cursor !== null);
      return all;
    },
    /** The email activities of whoever has this address, or [] while nobody does. */
    async emailsOf(email: string): Promise<Activity[]> {
      const [contact] = await api.contactsByEmail(email);
      if (!contact) return [];
      return (await api.timeline(contact.id)).filter((activity) => activity.type === 'email');
    },
  };
  return api;
}

export type ApiHttp = ReturnType<typeof apiHttp>;

export const newId = (): string => randomUUID();
