import { ApiErrorBody, FieldPath } from '@baton/shared';
import { z } from 'zod';

export const apiErrorKinds = [
  'unreachable',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'not_ready',
  'invalid',
  'rate_limited',
  'server',
] as const;
export type ApiErrorKind = (typeof apiErrorKinds)[number];

export interface ApiClientErrorDetails {
  /** 422 handoff_not_ready: the field paths the handoff still needs. */
  missing?: FieldPath[];
  /** 409: the record as the server has it now (e.g. the deal at its current version). */
  current?: unknown;
  /** 429: how long the API asked us to wait. */
  retryAfterSeconds?: number;
  /** 400: zod issues, or anything else the API put in `details`. */
  raw?: unknown;
}

const userMessages: Record<ApiErrorKind, string> = {
  unreachable: 'API unreachable — your work is saved on this device',
  unauthorized: 'Your token was rejected: paste a new one in Options',
  forbidden: 'Your role does not allow this — ask a manager',
  not_found: 'Not found — it may have been merged or removed, or belongs to another organisation',
  conflict: 'Someone changed this meanwhile — review the latest version and try again',
  not_ready: 'The handoff is not ready yet — fill in the missing fields',
  invalid: 'Baton rejected this input',
  rate_limited: 'Too many requests — Baton will retry shortly',
  server: 'The Baton API had a problem — your work is saved on this device and will be retried',
};

/** Every failure of the API client: one class, discriminated by `kind`. */
export class ApiClientError extends Error {
  override name = 'ApiClientError';
  readonly kind: ApiErrorKind;
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  /** The API's error code (`handoff_not_ready`, `invalid_body`, …) or a client-side one (`network`, `invalid_response`). */
  readonly code: string;
  readonly details: ApiClientErrorDetails;
  /** A sentence a rep can act on. */
  readonly userMessage: string;

  constructor(init: { kind: ApiErrorKind; status: number; code: string; message: string; details?: ApiClientErrorDetails; cause?: unknown }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? {};
    this.userMessage = init.kind === 'invalid' ? `${userMessages.invalid}: ${init.message}` : userMessages[init.kind];
  }

  /** Worth retrying later without changing anything (network, rate limit, server trouble). */
  get transient(): boolean {
    return this.kind === 'unreachable' || this.kind === 'rate_limited' || this.kind === 'server';
  }
}

export function isApiClientError(error: unknown): error is ApiClientError {
  return error instanceof ApiClientError;
}

function kindForStatus(status: number): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 422) return 'not_ready';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'invalid';
}

const MissingDetails = z.object({ missing: z.array(FieldPath) });
const CurrentDetails = z.object({ current: z.unknown() });

function retryAfterSeconds(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Turns a non-2xx response into the typed error; never throws while doing so. */
export async function errorFromResponse(response: Response): Promise<ApiClientError> {
  const kind = kindForStatus(response.status);
  const text = await response.text().catch((cause: unknown) => `unreadable body: ${String(cause)}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (parseError) {
    if (!(parseError instanceof SyntaxError)) throw parseError;
    json = undefined;
  }
  const body = ApiErrorBody.safeParse(json);
  const code = body.success ? body.data.error.code : `http_${response.status}`;
  const message = body.success ? body.data.error.message : `HTTP ${response.status} ${response.statusText}`.trim();
  const raw = body.success ? body.data.error.details : undefined;
  const details: ApiClientErrorDetails = {};
  if (raw !== undefined) details.raw = raw;
  const missing = MissingDetails.safeParse(raw);
  if (missing.success) details.missing = missing.data.missing;
  if (kind === 'conflict') {
    const current = CurrentDetails.safeParse(raw);
    details.current = current.success ? current.data.current : raw;
  }
  const after = retryAfterSeconds(response.headers.get('retry-after'));
  if (after !== undefined) details.retryAfterSeconds = after;
  return new ApiClientError({ kind, status: response.status, code, message, details });
}

export function unreachable(cause: unknown): ApiClientError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ApiClientError({ kind: 'unreachable', status: 0, code: 'network', message: `API unreachable: ${reason}`, cause });
}

/** A 2xx whose body does not match the contract: treated as a server fault, never accepted. */
export function invalidResponse(path: string, status: number, issues: unknown): ApiClientError {
  return new ApiClientError({
    kind: 'server',
    status,
    code: 'invalid_response',
    message: `The API answered ${path} with an unexpected shape`,
    details: { raw: issues },
  });
}
