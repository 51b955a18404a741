import { createApiClient, isApiClientError, type FetchLike, type MeResponse } from '../api-client/index.ts';
import { roleLabel } from '../ui/format.ts';

export type ConnectionResult =
  | { ok: true; me: MeResponse; summary: string; permission: boolean }
  | { ok: false; problem: 'unreachable' | 'bad_token' | 'other'; message: string; permission: boolean };

export function signedInSummary(me: MeResponse): string {
  return `Signed in as ${me.user.name} (${roleLabel(me.user.role)})${me.org ? ` at ${me.org.name}` : ''}`;
}

/**
 * Asks the API who the token belongs to, and says exactly what is wrong otherwise. The missing
 * host permission is reported but does not block: the API answers extension origins with CORS.
 */
export async function testConnection(
  fields: { apiUrl: string; token: string },
  permission: boolean,
  fetch?: FetchLike,
): Promise<ConnectionResult> {
  const client = createApiClient({ baseUrl: fields.apiUrl, token: fields.token, timeoutMs: 10_000, ...(fetch ? { fetch } : {}) });
  try {
    const me = await client.me();
    return { ok: true, me, summary: signedInSummary(me), permission };
  } catch (error) {
    if (!isApiClientError(error)) throw error;
    if (error.kind === 'unreachable') {
      return { ok: false, problem: 'unreachable', message: `Cannot reach ${client.baseUrl} — check the address and that the API is running.`, permission };
    }
    if (error.kind === 'unauthorized') {
      // A deactivated member needs their admin, not a new token: the API says so in its own words.
      if (/deactivated/i.test(error.message)) return { ok: false, problem: 'bad_token', message: error.message, permission };
      return { ok: false, problem: 'bad_token', message: 'The token was rejected — it may be mistyped or revoked. Create a new one in the console under "Your devices and tokens".', permission };
    }
    return { ok: false, problem: 'other', message: error.userMessage, permission };
  }
}
