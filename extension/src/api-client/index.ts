/**
 * Typed client for the Baton API (`/v1`). One method per route the extension uses; every answer
 * is validated with the shared zod schemas, and every failure is an `ApiClientError` whose `kind`
 * says what to do and whose `userMessage` says it to the rep.
 *
 *   const client = createApiClient({ baseUrl, token });
 *   try { await client.handoff(dealId, input) }
 *   catch (e) { if (isApiClientError(e) && e.kind === 'not_ready') show(e.details.missing) }
 */
export { createApiClient, normalizeBaseUrl, type ApiClient, type MeResponse, type ApiClientOptions, type BriefQuery, type ContactSearch, type DealFilter, type FetchLike, type HandoffFilter } from './client.ts';
export { ApiClientError, apiErrorKinds, isApiClientError, type ApiClientErrorDetails, type ApiErrorKind } from './errors.ts';
